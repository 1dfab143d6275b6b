#!/usr/bin/env node
// The Causerie command-line tool: `causerie import <format> <file> --to <url>` streams a big export file
// (Disqus files reach hundreds of MB) into a deployment in batches; `causerie export --from <url>` saves
// everything. Node 24 runs the worker's own TypeScript parsers directly (type stripping).
import { parseArgs } from 'node:util';
import { IMPORT_FORMATS } from '../worker/types/api.ts';

// `causerie doctor` takes its own options, and its token is optional (cli/doctor.mjs).
if (process.argv[2] === 'doctor')
  process.exit(await (await import('./cli/doctor.mjs')).doctorMain(process.argv.slice(3)));
// `causerie render` reads the public thread HTML: no token either (cli/render.mjs).
if (process.argv[2] === 'render')
  process.exit(await (await import('./cli/render.mjs')).renderMain(process.argv.slice(3)));

const USAGE = `Usage:
  causerie import <${IMPORT_FORMATS.join('|')}> <file> --to <url> [--site <origin>] [--token <admin token>] [--batch-size <n>]
  causerie export --from <url> [--token <admin token>] [--out <file>]
  causerie doctor --url <url> [--site <your site's origin>] [--token <admin token>]
  causerie render <page URL> --worker <url> [--lang <language>] [--theme light|dark|auto]

The admin token can also come from the CAUSERIE_ADMIN_TOKEN environment variable.
<url> is the deployment's origin, e.g. http://localhost:8787 or https://comments.example.
--site is your site's origin (https://blog.example), for files that name pages by path only
(Isso, Artrans, Comentario v3). A .gz file is decompressed; isso also takes Isso's comments.db.`;

const fail = (message) => {
  console.error(`causerie: ${message}\n\n${USAGE}`);
  process.exit(2);
};

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        to: { type: 'string' },
        site: { type: 'string' },
        from: { type: 'string' },
        token: { type: 'string' },
        out: { type: 'string', short: 'o' },
        'batch-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return fail(err.message);
  }
})();

const [command, ...rest] = positionals;
if (values.help || !command) {
  console.log(USAGE);
  process.exit(command ? 0 : 2);
}
const token = values.token ?? process.env.CAUSERIE_ADMIN_TOKEN;
if (!token) fail('give the admin token with --token or CAUSERIE_ADMIN_TOKEN');

try {
  if (command === 'import') {
    const [format, file] = rest;
    if (!IMPORT_FORMATS.some((known) => known === format)) fail('unknown format');
    if (!file) fail('which file?');
    if (!values.to) fail('give the deployment with --to <url>');
    const batchSize = Number(values['batch-size'] ?? 200);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) fail('--batch-size: 1 to 1000');
    if (values.site !== undefined && !/^https?:\/\/[^/?#]+\/?$/i.test(values.site))
      fail('--site: an http(s) origin, e.g. https://blog.example');
    const { runImport } = await import('./cli/import.mjs');
    const summary = await runImport({
      format,
      file,
      to: values.to,
      token,
      batchSize,
      site: values.site ?? null,
    });
    process.exitCode = summary.errors.length ? 1 : 0;
  } else if (command === 'export') {
    if (!values.from) fail('give the deployment with --from <url>');
    const { runExport } = await import('./cli/export.mjs');
    await runExport({ from: values.from, token, out: values.out });
  } else {
    fail(`unknown command ${command}`);
  }
} catch (err) {
  console.error(`\ncauserie: ${err.message}`);
  process.exit(1);
}
