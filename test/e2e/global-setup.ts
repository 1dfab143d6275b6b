/**
 * Starts the real stack for the end-to-end tests: `wrangler dev` on a free loopback port, with its own
 * fresh local D1/KV (a temporary --persist-to directory) and test secrets. Stops it afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  const persistTo = mkdtempSync(join(tmpdir(), 'causerie-e2e-'));
  await migrateLocal(persistTo, { quiet: true });
  const port = await freePort();
  const server = startWrangler({
    port,
    persistTo,
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
  };
}
