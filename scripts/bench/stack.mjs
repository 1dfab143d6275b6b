// The benchmarked stack: a fresh local D1 in a temporary --persist-to directory, `wrangler dev` on a free
// loopback port, and the user worker's own workerd socket and process found from /proc, so load skips the
// dev proxy (TOOLCHAIN.md, "What local throughput can and cannot show").
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { startWrangler, waitForWorker } from '../lib/wrangler.mjs';

export { freePort } from '../lib/wrangler.mjs';

/** Pids of the processes in a process group (wrangler runs detached, so its group is its pid). */
const groupPids = (pgid) =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        // Field 5 of /proc/<pid>/stat is the process group; the command name (field 2) may hold spaces.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === pgid;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);

const commandOf = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
};

/** TCP ports a process listens on: its socket inodes matched against /proc/<pid>/net/tcp (state 0A). */
export const listeningPorts = (pid) => {
  const inodes = new Set();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]);
    } catch {
      // closed meanwhile
    }
  }
  return readFileSync(`/proc/${pid}/net/tcp`, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[3] === '0A' && inodes.has(cols[9]))
    .map((cols) => Number.parseInt(cols[1].split(':')[1], 16));
};

/** CPU time (user + system, all threads) a process has used so far, in milliseconds. */
export const cpuMs = (pid) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (USER_HZ, 100 on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

/**
 * Wrangler runs two workerd processes: the dev proxy (listening on the dev port) and the user worker's
 * (on random loopback ports). We take the second one's port that answers GET /api/v1/config.
 * @returns {Promise<{ pid: number, url: string } | null>}
 */
const findUserWorker = async (pgid, devPort) => {
  const workerds = groupPids(pgid).filter((pid) => (commandOf(pid)[0] ?? '').endsWith('/workerd'));
  for (const pid of workerds) {
    const ports = listeningPorts(pid);
    if (ports.includes(devPort)) continue;
    for (const port of ports) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/config`, {
          signal: AbortSignal.timeout(2000),
        });
        if (response.ok && (response.headers.get('content-type') ?? '').includes('json')) {
          return { pid, url: `http://127.0.0.1:${port}` };
        }
      } catch {
        // not an HTTP socket (inspector, control)
      }
    }
  }
  return null;
};

/** Whether a process still exists (wrangler replaces the user worker's workerd when files change). */
export const isAlive = (pid) => existsSync(`/proc/${pid}/stat`);

/**
 * Starts `wrangler dev` on `port` against the seeded `persistTo`. `locate()` finds the user worker's socket
 * and process *now*: wrangler dev watches the tree and, when someone edits the worker, starts a new workerd
 * on a new port, so callers locate it again before each measurement.
 * `cwd`: another checkout to serve (scripts/bench/ab.mjs).
 * @param {{ port: number, persistTo: string, vars: Record<string, string>, entry?: string, cwd?: string }} options
 * @returns {Promise<{ devUrl: string, locate: () => Promise<{ pid: number, url: string } | null>,
 *   workerdPids: () => number[], stop: () => void, log: () => string }>}
 */
export const startStack = async ({ port, persistTo, vars, entry, cwd }) => {
  const server = startWrangler({ port, persistTo, vars, entry, quiet: true, cwd });
  const devUrl = `http://127.0.0.1:${port}`;
  // Wrangler reports some start-up failures (a port taken meanwhile) and keeps running: fail at once.
  let watch;
  const failed = new Promise((_, reject) => {
    watch = setInterval(() => {
      if (/\[ERROR\]/.test(server.log()) || server.child.exitCode !== null)
        reject(new Error('wrangler dev failed to start'));
    }, 200);
  });
  try {
    await Promise.race([waitForWorker(devUrl), failed]);
  } catch (err) {
    server.stop();
    throw new Error(`${/** @type {Error} */ (err).message}\n${server.log()}`);
  } finally {
    clearInterval(watch);
  }
  const pgid = /** @type {number} */ (server.child.pid);
  return {
    devUrl,
    locate: () => findUserWorker(pgid, port),
    workerdPids: () => groupPids(pgid).filter((pid) => (commandOf(pid)[0] ?? '').endsWith('/workerd')),
    stop: server.stop,
    log: server.log,
  };
};
