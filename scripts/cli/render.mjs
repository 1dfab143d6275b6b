// `causerie render <page URL> [--worker <origin>] [--lang L] [--theme T] [--sort S] [--id I]`: prints the
// thread of a page as server HTML (GET /api/v1/threads/html, issue 15), for a static site generator to put
// inside the embed's container at build time: readers see the comments before any script runs, and search
// engines index them. No admin token: it is the public page.
import { parseArgs } from 'node:util';

const USAGE = `Usage:
  causerie render <page URL> [--worker <origin>] [--lang <language>] [--theme light|dark|auto]
                             [--sort oldest|newest|top] [--id <thread id>]

Prints the HTML to put inside the embed's container (<div data-causerie>…</div>).
--worker is the deployment's origin (default: the CAUSERIE_WORKER environment variable).`;

/**
 * @param {string[]} argv
 * @param {{ out?: (text: string) => void, err?: (text: string) => void }} [io]
 * @returns {Promise<number>} the exit code: 0 printed, 1 refused by the worker or unreachable, 2 usage
 */
export const renderMain = async (argv, io = {}) => {
  const out = io.out ?? ((text) => process.stdout.write(text));
  const err = io.err ?? ((text) => process.stderr.write(text));
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        worker: { type: 'string' },
        lang: { type: 'string' },
        theme: { type: 'string' },
        sort: { type: 'string' },
        id: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    err(`causerie render: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(`${USAGE}\n`);
    return 0;
  }
  const [page] = positionals;
  const worker = values.worker ?? process.env.CAUSERIE_WORKER;
  if (!page || positionals.length > 1 || !worker) {
    err(
      `causerie render: ${page ? 'give the deployment with --worker <origin>' : 'which page?'}\n\n${USAGE}\n`,
    );
    return 2;
  }
  let url;
  try {
    url = new URL('/api/v1/threads/html', worker);
  } catch {
    err(`causerie render: --worker: not a URL: ${worker}\n`);
    return 2;
  }
  url.searchParams.set('url', page);
  for (const name of ['id', 'lang', 'theme', 'sort']) {
    if (values[name] !== undefined) url.searchParams.set(name, values[name]);
  }
  let res;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    err(`causerie render: nothing answers at ${url.origin} (${error.cause?.message ?? error.message})\n`);
    return 1;
  }
  const body = await res.text();
  if (!res.ok) {
    // The worker's problem+json names what it refused ("url must be an absolute http(s) URL").
    let detail = body.slice(0, 300);
    try {
      const problem = JSON.parse(body);
      detail = `${problem.code}: ${problem.detail ?? problem.title}`;
    } catch {}
    err(`causerie render: ${res.status} ${detail}\n`);
    return 1;
  }
  out(body.endsWith('\n') ? body : `${body}\n`);
  return 0;
};
