/**
 * Starts the real stack for the end-to-end tests: `wrangler dev` on a free loopback port, with its own
 * fresh local D1/KV (a temporary --persist-to directory) and test secrets. Stops it afterwards. The static
 * files are the build (dist/) plus the test pages (test/pages/ served under /test/), in a temporary
 * directory: the pages never ship with `npm run build` (test/pages/thread.html turns any query parameter
 * into embed attributes on the worker's own, always allowed, origin).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
// @ts-expect-error: a plain .mjs module shared with `npm run dev` and the benchmark
import { freePort, migrateLocal, run, startWrangler, waitForWorker } from '../../scripts/lib/wrangler.mjs';
import { chromiumPath, INSTALL_HINT } from '../support/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!chromiumPath()) throw new Error(INSTALL_HINT);
  // Always build: a stale dist/ (an old app chunk beside a new boot script) would test the wrong widget.
  await run('npm', ['run', 'build', '--silent'], { quiet: true });

  const assets = mkdtempSync(join(tmpdir(), 'causerie-e2e-assets-'));
  cpSync(fileURLToPath(new URL('../../dist', import.meta.url)), assets, { recursive: true });
  cpSync(fileURLToPath(new URL('../pages', import.meta.url)), join(assets, 'test'), { recursive: true });

  const persistTo = mkdtempSync(join(tmpdir(), 'causerie-e2e-'));
  await migrateLocal(persistTo, { quiet: true });
  const port = await freePort();
  const server = startWrangler({
    port,
    persistTo,
    assets,
    quiet: true,
    // Every browser request comes from 127.0.0.1: one IP for all tests, so no write limit here.
    vars: { ADMIN_TOKEN: 'e2e-admin-token', SECRET_KEY: 'e2e-secret-key', RATE_LIMIT_WRITES: 'off' },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForWorker(baseUrl);
  } catch (err) {
    server.stop();
    throw new Error(`${(err as Error).message}\n${server.log()}`);
  }
  project.provide('baseUrl', baseUrl);

  return () => {
    server.stop();
    rmSync(persistTo, { recursive: true, force: true });
    rmSync(assets, { recursive: true, force: true });
  };
}
