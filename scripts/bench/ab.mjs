// `npm run bench:ab -- <checkout A> <checkout B> [rounds] [seconds]`: the same small workload on two
// checkouts of Causerie at once (before and after a change), in alternating short runs, so that both see
// the same load on a shared machine: CPU per request of the user worker's workerd (from /proc) and req/s,
// the median of the rounds, for GET /config (no D1: the fixed cost of the middleware), GET /counts of 10
// pages, GET /threads (10 roots, newest first) and POST /comments. Each checkout needs its dist/ built.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, migrateLocal } from '../lib/wrangler.mjs';
import { commentBody, load } from './load.mjs';
import { startStack } from './stack.mjs';

const [dirA, dirB] = process.argv.slice(2, 4).map((dir) => resolve(dir));
const rounds = Number(process.argv[4] ?? 5);
const duration = Number(process.argv[5] ?? 3);
const log = (message) => console.error(`[ab] ${message}`);
const vars = { RATE_LIMIT_WRITES: 'off', ADMIN_TOKEN: 'bench-admin-token', SECRET_KEY: 'bench-secret-key' };
const PAGES = Array.from({ length: 10 }, (_, i) => `/bench/page-${i}`);

const start = async (dir) => {
  const state = mkdtempSync(join(tmpdir(), 'causerie-ab-'));
  const persistTo = join(state, 'd1');
  await migrateLocal(persistTo, { quiet: true, cwd: dir });
  const stack = await startStack({ port: await freePort(), persistTo, vars, cwd: dir });
  const worker = await stack.locate();
  if (!worker) throw new Error(`no user worker found for ${dir}\n${stack.log()}`);
  // A root on each page, so the counts and the list read real rows.
  for (const path of PAGES) {
    const res = await fetch(`${worker.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: worker.url },
      body: commentBody(worker.url, path)(),
    });
    if (res.status !== 201) throw new Error(`${dir} answered ${res.status} to a seed comment`);
  }
  return { dir, state, stack, worker };
};

const workloads = (worker) => {
  const enc = encodeURIComponent;
  const base = worker.url;
  return {
    config: { url: `${base}/api/v1/config` },
    counts: { url: `${base}/api/v1/counts?${PAGES.map((p) => `url=${enc(`${base}${p}`)}`).join('&')}` },
    list: { url: `${base}/api/v1/threads?url=${enc(`${base}${PAGES[0]}`)}&limit=10&sort=newest` },
    post: {
      url: `${base}/api/v1/comments`,
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: commentBody(base, '/bench/ab-post'),
    },
  };
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const main = async () => {
  if (!dirA || !dirB)
    throw new Error('usage: npm run bench:ab -- <checkout A> <checkout B> [rounds] [seconds]');
  const stacks = [];
  try {
    for (const dir of [dirA, dirB]) {
      log(`starting ${dir}`);
      stacks.push(await start(dir));
    }
    const results = {};
    for (const kind of ['config', 'counts', 'list', 'post']) {
      for (let round = 0; round < rounds; round++) {
        // Alternate which goes first, so neither always meets the other's tail.
        const order = round % 2 === 0 ? stacks : [...stacks].reverse();
        for (const { dir, worker } of order) {
          const run = await load({
            ...workloads(worker)[kind],
            duration,
            connections: 10,
            cpuPids: [worker.pid],
          });
          const key = `${kind} ${dir}`;
          results[key] = [...(results[key] ?? []), run];
        }
      }
      log(`${kind} done`);
    }
    console.log(
      `A: ${dirA}\nB: ${dirB}\n${rounds} rounds of ${duration} s, 10 connections; load ${readFileSync('/proc/loadavg', 'utf8').trim()}`,
    );
    console.log('request   CPU ms/req A → B        req/s A → B');
    for (const kind of ['config', 'counts', 'list', 'post']) {
      const [a, b] = [dirA, dirB].map((dir) => results[`${kind} ${dir}`] ?? []);
      const cpu = (runs) => median(runs.map((r) => r.cpuMsPerRequest ?? Number.NaN)).toFixed(2);
      const rps = (runs) => median(runs.map((r) => r.rps)).toFixed(0);
      const failed = [...a, ...b].some((r) => r.errors || r.non2xx || r.reloaded)
        ? '  (errors or reloads!)'
        : '';
      console.log(
        `${kind.padEnd(9)} ${cpu(a).padStart(6)} → ${cpu(b).padEnd(12)} ${rps(a).padStart(6)} → ${rps(b)}${failed}`,
      );
    }
  } finally {
    for (const { stack, state } of stacks) {
      stack.stop();
      rmSync(state, { recursive: true, force: true });
    }
  }
};

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
