// Causerie against Waline on the issue's workload, in one run, on the same machine, with the same load
// (connections, duration) and each server pinned to the same core: a 2,000-comment page (first 10 roots,
// newest first), the counts of 10 pages, a new root comment. Req/s and server CPU per request for both,
// and the ratios the issue's targets are stated in (≥ 1.5× Waline's req/s, CPU per request below it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commentBody, load } from './load.mjs';
import { freePort } from './stack.mjs';
import { seedWaline, startWaline, walineAvailable, walineCommentBody } from './waline.mjs';

/** The core servers are pinned to, and the one the load generator (this process) keeps. */
const SERVER_CPU = 1;
const LOAD_CPU = 0;

/** Pins every thread of `pid` to `cpus` (taskset from util-linux); false when that is not possible. */
const pin = (pid, cpus) => {
  try {
    execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/**
 * `floor`: a stack serving floor-worker.mjs, measured on the same core as the two servers: the least any
 * Worker costs on this machine, which bounds what the targets can ask of ours.
 * @param {{ causerie: { base: string, pid: number }, floor?: { base: string, pid: number } | null,
 *   pageOrigin: string, threadPath: string, threadSize: number,
 *   countPaths: string[], countSizes: number[], duration: number, connections: number,
 *   log: (m: string) => void }} options
 */
export const compareWithWaline = async ({
  causerie,
  floor = null,
  pageOrigin,
  threadPath,
  threadSize,
  countPaths,
  countSizes,
  duration,
  connections,
  log,
}) => {
  const available = walineAvailable();
  if (!available.ok) return { skipped: `Waline could not be loaded: ${available.why}` };
  const cores = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  const pinned = cores > 1 && pin(causerie.pid, String(SERVER_CPU)) && pin(process.pid, String(LOAD_CPU));
  if (pinned && floor) pin(floor.pid, String(SERVER_CPU));

  const dir = mkdtempSync(join(tmpdir(), 'causerie-bench-waline-'));
  /** @type {Awaited<ReturnType<typeof startWaline>> | null} */
  let waline = null;
  try {
    log(`seeding Waline (SQLite) with the same thread shapes in ${dir}`);
    await seedWaline(dir, [
      { path: threadPath, size: threadSize },
      ...countPaths.map((path, i) => ({ path, size: countSizes[i] ?? 0 })),
    ]);
    waline = await startWaline({ dir, port: await freePort(), cpu: pinned ? SERVER_CPU : undefined });
    const run = (url, pid, extra = {}) => load({ url, duration, connections, cpuPids: [pid], ...extra });
    const enc = encodeURIComponent;

    // Waline answers its own failures (a duplicate, a refused post) with 200 and a non-zero errno: check
    // one request of each kind before loading it, or the req/s would count refusals.
    const walineOk = async (url, init) => {
      const body = await (await fetch(url, init)).json();
      if (body.errno !== 0) throw new Error(`Waline answered errno ${body.errno} (${body.errmsg}) to ${url}`);
    };
    const enc0 = encodeURIComponent;
    await walineOk(
      `${waline.url}/api/comment?path=${enc0(threadPath)}&page=1&pageSize=10&sortBy=insertedAt_desc`,
    );
    await walineOk(`${waline.url}/api/comment?type=count&url=${enc0(countPaths.join(','))}`);
    await walineOk(`${waline.url}/api/comment`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: walineCommentBody('/bench/compare-post')(),
    });

    const own = new URL(causerie.base).origin;
    const probe = await fetch(`${causerie.base}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: own },
      body: commentBody(own, '/bench/compare-post')(),
    });
    if (probe.status !== 201) throw new Error(`Causerie answered ${probe.status} to a new comment`);

    const workloads = {
      list: {
        causerie: () =>
          run(
            `${causerie.base}/api/v1/threads?url=${enc(`${pageOrigin}${threadPath}`)}&limit=10&sort=newest`,
            causerie.pid,
          ),
        waline: () =>
          run(
            `${waline?.url}/api/comment?path=${enc(threadPath)}&page=1&pageSize=10&sortBy=insertedAt_desc`,
            /** @type {number} */ (waline?.pid),
          ),
      },
      counts: {
        causerie: () =>
          run(
            `${causerie.base}/api/v1/counts?${countPaths.map((p) => `url=${enc(`${pageOrigin}${p}`)}`).join('&')}`,
            causerie.pid,
          ),
        waline: () =>
          run(
            `${waline?.url}/api/comment?type=count&url=${enc(countPaths.join(','))}`,
            /** @type {number} */ (waline?.pid),
          ),
      },
      post: {
        // On the worker's own socket, its own origin is the one always allowed to write (as run.mjs does).
        causerie: () =>
          run(`${causerie.base}/api/v1/comments`, causerie.pid, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: new URL(causerie.base).origin },
            body: commentBody(new URL(causerie.base).origin, '/bench/compare-post'),
          }),
        waline: () =>
          run(`${waline?.url}/api/comment`, /** @type {number} */ (waline?.pid), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: walineCommentBody('/bench/compare-post'),
          }),
      },
    };

    /** @type {Record<string, any>} */
    const rows = {};
    for (const [name, w] of Object.entries(workloads)) {
      log(`compare ${name}: Causerie`);
      const c = await w.causerie();
      log(`compare ${name}: Waline`);
      const wl = await w.waline();
      rows[name] = {
        causerie: c,
        waline: wl,
        rpsRatio: wl.rps > 0 ? c.rps / wl.rps : null,
        cpuRatio:
          c.cpuMsPerRequest !== null && wl.cpuMsPerRequest ? c.cpuMsPerRequest / wl.cpuMsPerRequest : null,
      };
      rows[name].pass =
        rows[name].rpsRatio !== null &&
        rows[name].rpsRatio >= 1.5 &&
        rows[name].cpuRatio !== null &&
        rows[name].cpuRatio < 1 &&
        c.non2xx === 0 &&
        wl.non2xx === 0;
    }
    /** @type {Record<string, any> | null} */
    let floorResult = null;
    if (floor) {
      log('compare: the local floor (a Worker that only answers {})');
      floorResult = {
        plain: await run(`${floor.base}/api/v1/counts`, floor.pid),
        d1: await run(`${floor.base}/api/v1/counts/d1`, floor.pid),
        kv: await run(`${floor.base}/api/v1/counts/kv`, floor.pid),
      };
    }
    return {
      pinned: pinned ? `server on CPU ${SERVER_CPU}, load on CPU ${LOAD_CPU}` : 'not pinned',
      rows,
      floor: floorResult,
    };
  } finally {
    waline?.stop();
    rmSync(dir, { recursive: true, force: true });
    // The rest of the run (Chromium) may use every core again.
    if (pinned) pin(process.pid, `0-${cores - 1}`);
  }
};
