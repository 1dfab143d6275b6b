/**
 * A local stack of its own for an end-to-end file whose configuration differs from the shared one
 * (test/e2e/global-setup.ts): `wrangler dev` on a free loopback port with a fresh local D1/KV in a
 * temporary --persist-to directory, migrated unless told otherwise. `stop()` ends wrangler and removes
 * the temporary directories. Also: a node:http server on 127.0.0.1, for the stand-ins those files need.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain .mjs module shared with `npm run dev` and the benchmark
import { freePort, migrateLocal, startWrangler, waitForWorker } from '../../scripts/lib/wrangler.mjs';

/** The secrets of every e2e stack, unless a file gives its own. */
export const E2E_SECRETS = { ADMIN_TOKEN: 'e2e-admin-token', SECRET_KEY: 'e2e-secret-key' };

export interface Stack {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  persistTo: string;
  /** Applies the migrations (for a stack started with `migrate: false`). */
  migrate: () => Promise<void>;
  /** Ends wrangler and removes the temporary directories; safe to call twice. */
  stop: () => void;
  /** What wrangler has printed so far. */
  log: () => string;
}

export interface StackOptions {
  /** Names the temporary directories: `causerie-<name>-…`. */
  name: string;
  /** `--var`s, over E2E_SECRETS. */
  vars?: Record<string, string>;
  /** Serve the build plus test/pages/ under /test/, as the shared stack does (default: wrangler.toml's dist/). */
  testPages?: boolean;
  /** Apply the migrations before starting (default true). */
  migrate?: boolean;
}

/** A directory with the build (dist/) and the test pages (test/pages/ under /test/). */
export const testAssets = (name: string): string => {
  const assets = mkdtempSync(join(tmpdir(), `causerie-${name}-assets-`));
  cpSync(fileURLToPath(new URL('../../dist', import.meta.url)), assets, { recursive: true });
  cpSync(fileURLToPath(new URL('../pages', import.meta.url)), join(assets, 'test'), { recursive: true });
  return assets;
};

/** Starts the stack and waits until the worker answers; on failure stops it and throws with wrangler's log. */
export const startStack = async ({
  name,
  vars = {},
  testPages = false,
  migrate = true,
}: StackOptions): Promise<Stack> => {
  const persistTo = mkdtempSync(join(tmpdir(), `causerie-${name}-`));
  const assets = testPages ? testAssets(name) : undefined;
  const removeDirs = () => {
    for (const dir of [persistTo, assets]) if (dir) rmSync(dir, { recursive: true, force: true });
  };
  let server: { stop: () => void; log: () => string } | undefined;
  const stop = () => {
    server?.stop();
    removeDirs();
  };
  try {
    if (migrate) await migrateLocal(persistTo, { quiet: true });
    const port: number = await freePort();
    server = startWrangler({ port, persistTo, assets, quiet: true, vars: { ...E2E_SECRETS, ...vars } });
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitForWorker(url);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${server?.log()}`);
    }
    const { log } = server as { log: () => string };
    return { url, port, persistTo, migrate: () => migrateLocal(persistTo, { quiet: true }), stop, log };
  } catch (err) {
    stop();
    throw err;
  }
};

/** Starts `server` on a free port of 127.0.0.1; resolves with its origin, `http://127.0.0.1:<port>`. */
export const listenLocal = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
};

/** Calls `done` with the whole body of `req` once it has arrived (on its 'end' event). */
export const onBody = (req: IncomingMessage, done: (body: string) => void): void => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => done(body));
};

/** Closes `server`; resolves once it has. */
export const closeServer = (server: Server | undefined): Promise<void> =>
  new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
