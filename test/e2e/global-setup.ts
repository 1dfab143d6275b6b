/**
 * Starts the real stack for the end-to-end tests: `wrangler dev` on a free loopback port, with its own
 * fresh local D1/KV (a temporary --persist-to directory) and test secrets. Stops it afterwards. The static
 * files are the build (dist/) plus the test pages (test/pages/ served under /test/), in a temporary
 * directory: the pages never ship with `npm run build` (test/pages/thread.html turns any query parameter
 * into embed attributes on the worker's own, always allowed, origin).
 */
import type { TestProject } from 'vitest/node';
// @ts-expect-error: a plain .mjs module shared with `npm run dev` and the benchmark
import { run } from '../../scripts/lib/wrangler.mjs';
import { chromiumPath, INSTALL_HINT } from '../support/chromium.ts';
import { startStack } from '../support/stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!chromiumPath()) throw new Error(INSTALL_HINT);
  // Always build: a stale dist/ (an old app chunk beside a new boot script) would test the wrong widget.
  await run('npm', ['run', 'build', '--silent'], { quiet: true });

  const stack = await startStack({
    name: 'e2e',
    testPages: true,
    // Every browser request comes from 127.0.0.1: one IP for all tests, so no write limit here.
    vars: { RATE_LIMIT_WRITES: 'off' },
  });
  project.provide('baseUrl', stack.url);

  return () => stack.stop();
}
