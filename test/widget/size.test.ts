/**
 * The byte budget of what a reader downloads (DESIGN.md: 15 KB gzip for boot + app + CSS, goal 12 KB; the
 * boot script alone 2.5 KB), checked on the built files, so it measures exactly what ships. Every reader
 * downloads embed.js and the app of one language (causerie-app.<lang>.js, which carries the CSS inside);
 * the largest language is the one checked. The on-demand part (causerie-extras.<lang>.js: posting,
 * editing, preview, error messages) is loaded on first use only, so it is listed apart with a budget of its
 * own, and so is the sign-in part (causerie-auth.<lang>.js), loaded only where the deployment offers sign-in. `npm test` builds first; run `npm run build` when running alone.
 */
// This one test reads the build from disk: Node's types here, rather than in the widget's tsconfig.
/// <reference types="node" />
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// Node's URL, not the global one: happy-dom's URL resolves relative paths against http://localhost:3000.
const dist = fileURLToPath(new NodeURL('../../dist/', import.meta.url));
const built = existsSync(`${dist}embed.js`);
const gzip = (file: string) => gzipSync(readFileSync(`${dist}${file}`), { level: 9 }).length;

const KB = 1024;
const budget = { boot: 2.5 * KB, total: 15 * KB, goal: 12 * KB, extras: 4 * KB, auth: 4 * KB };

/** The CSS's share of an app file: the `?inline` string, gzipped alone (for the report only). */
const cssOf = (file: string): number => {
  const code = readFileSync(`${dist}${file}`, 'utf8');
  const start = code.indexOf(':host{');
  const end = code.indexOf('`', start);
  return start < 0 || end < 0 ? 0 : gzipSync(code.slice(start, end), { level: 9 }).length;
};

const sizes = () => {
  const apps = readdirSync(dist).filter((file) => /^causerie-app\.[\w-]+\.js$/.test(file));
  const boot = gzip('embed.js');
  const [largest = '', app = 0] = apps
    .map((file): [string, number] => [file, gzip(file)])
    .reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
  const part = (name: string) =>
    readdirSync(dist)
      .filter((file) => new RegExp(`^causerie-${name}\\.[\\w-]+\\.js$`).test(file))
      .map((file): [string, number] => [file, gzip(file)]);
  const extras = part('extras');
  const auth = part('auth');
  return { boot, largest, app, css: largest ? cssOf(largest) : 0, total: boot + app, apps, extras, auth };
};

// Computed at collection time so the exact numbers are in the test names.
const measured = built ? sizes() : undefined;
const label = measured
  ? `boot ${measured.boot} B + app ${measured.app} B (${measured.largest}, of which CSS ${measured.css} B) = ${measured.total} B gzip`
  : 'missing build: run `npm run build` first';

describe('what a reader downloads for the widget (gzip -9)', () => {
  // Skipping is for a local `vitest run` without a build; in CI a missing file is a failure.
  const run = it.skipIf(!built && !process.env.CI);

  run(`is at most ${budget.total} bytes in all: ${label} (goal ${budget.goal})`, () => {
    expect(measured, 'dist/ is missing: the build must run before the tests').toBeDefined();
    if (!measured) return;
    console.info(`widget size: ${label}`);
    expect(measured.apps.length).toBeGreaterThan(0);
    expect(measured.total).toBeLessThanOrEqual(budget.total);
  });

  run(`has a boot script of at most ${budget.boot} bytes: embed.js ${measured?.boot ?? '?'} B`, () => {
    expect(measured?.boot).toBeLessThanOrEqual(budget.boot);
  });

  const extras = measured?.extras.map(([file, size]) => `${file} ${size} B`).join(', ') ?? '?';
  run(`loads the rest on first use, each language's part at most ${budget.extras} bytes: ${extras}`, () => {
    console.info(`widget on-demand chunks: ${extras}`);
    expect(measured?.extras.length).toBe(measured?.apps.length); // one per app
    for (const [file, size] of measured?.extras ?? []) expect(size, file).toBeLessThanOrEqual(budget.extras);
  });

  const auth = measured?.auth.map(([file, size]) => `${file} ${size} B`).join(', ') ?? '?';
  run(
    `loads sign-in only where it is offered, each language's part at most ${budget.auth} bytes: ${auth}`,
    () => {
      console.info(`widget sign-in chunks: ${auth}`);
      expect(measured?.auth.length).toBe(measured?.apps.length); // one per app
      for (const [file, size] of measured?.auth ?? []) expect(size, file).toBeLessThanOrEqual(budget.auth);
    },
  );
});
