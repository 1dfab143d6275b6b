// Starts and stops the local stack (wrangler on workerd, local D1/KV) for `npm run dev`, the end-to-end
// tests and the benchmarks, so the three run the product the same way.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** Offline defaults: no metrics, no request.cf lookup (it needs the network and only warns without it). */
export const OFFLINE_ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
};

/** Runs a command to completion; rejects with its output when it fails. */
export const run = (command, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: OFFLINE_ENV,
      stdio: options.quiet ? 'pipe' : 'inherit',
      ...options,
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`)),
    );
  });

/** Applies the D1 migrations to the local database (idempotent). */
export const migrateLocal = (persistTo, options = {}) =>
  run(
    'wrangler',
    ['d1', 'migrations', 'apply', 'DB', '--local', ...(persistTo ? ['--persist-to', persistTo] : [])],
    options,
  );

/** Polls until the worker answers GET /api/v1/config, or fails after `timeoutMs`. */
export const waitForWorker = async (baseUrl, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${baseUrl}/api/v1/config`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer at ${baseUrl} within ${timeoutMs} ms`);
};

/**
 * Starts `wrangler dev` (in its own process group, so stopping it stops workerd too); `assets`: a static
 * directory other than dist/; `entry`: another entry point than wrangler.toml's `main` (the bench's counting
 * wrapper of the worker).
 * @returns the child process and a `stop()` that ends it.
 */
export const startWrangler = ({
  port,
  ip = '127.0.0.1',
  persistTo,
  assets,
  entry,
  vars = {},
  quiet = false,
  inspectorPort,
  cwd,
}) => {
  const args = ['dev', ...(entry ? [entry] : []), '--port', String(port), '--ip', ip];
  args.push('--show-interactive-dev-session=false');
  if (persistTo) args.push('--persist-to', persistTo);
  if (assets) args.push('--assets', assets); // instead of wrangler.toml's dist/ (the e2e run adds test pages)
  for (const [key, value] of Object.entries(vars)) args.push('--var', `${key}:${value}`);
  // The V8 inspector of the worker's isolate (scripts/bench/profile.mjs takes CPU profiles through it).
  if (inspectorPort) args.push('--inspector-port', String(inspectorPort));
  const child = spawn('wrangler', args, {
    env: OFFLINE_ENV,
    // Another checkout's worker (scripts/bench/ab.mjs runs the code before and after a change side by side).
    cwd,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    detached: true,
  });
  let log = '';
  child.stdout?.on('data', (chunk) => {
    log += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  const stop = () => {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  return { child, stop, log: () => log };
};

/** A free TCP port on the loopback interface (servers in tests listen on 127.0.0.1 only). */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
