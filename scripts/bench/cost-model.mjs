// The cost model: measured per-request figures (usage.mjs) × a blog's daily traffic → the share of each
// Workers Free quota it uses, and what a month costs on Workers Paid. Every assumption is a named,
// commented field of ASSUMPTIONS; every quota and price comes from Cloudflare's docs (URLs beside them).
// Pure functions, no I/O: run.mjs measures, this computes, report.mjs prints.

import { liveWindow } from './live-cost.mjs';

/**
 * Workers Free daily quotas. Sources:
 * - requests 100,000/day, 10 ms CPU per invocation: https://developers.cloudflare.com/workers/platform/limits/
 * - D1 5M rows read and 100,000 rows written a day: https://developers.cloudflare.com/d1/platform/pricing/
 * - KV 100,000 reads and 1,000 writes, deletes and lists a day each: https://developers.cloudflare.com/kv/platform/pricing/
 *   and https://developers.cloudflare.com/kv/platform/limits/
 */
export const FREE_DAILY = {
  workersRequests: 100_000,
  d1RowsRead: 5_000_000,
  d1RowsWritten: 100_000,
  kvReads: 100_000,
  kvWrites: 1_000,
  kvDeletes: 1_000,
  kvLists: 1_000,
};
export const FREE_CPU_MS_PER_INVOCATION = 10;

/**
 * Workers Paid (Standard usage model): $5 a month, monthly inclusions, then a price per million. Sources:
 * - requests and CPU: https://developers.cloudflare.com/workers/platform/pricing/
 * - D1: https://developers.cloudflare.com/d1/platform/pricing/
 * - KV: https://developers.cloudflare.com/kv/platform/pricing/
 */
export const PAID_MONTHLY = {
  base: 5,
  included: {
    workersRequests: 10_000_000,
    cpuMs: 30_000_000,
    d1RowsRead: 25_000_000_000,
    d1RowsWritten: 50_000_000,
    kvReads: 10_000_000,
    kvWrites: 1_000_000,
    kvDeletes: 1_000_000,
    kvLists: 1_000_000,
  },
  perMillion: {
    workersRequests: 0.3,
    cpuMs: 0.02,
    d1RowsRead: 0.001,
    d1RowsWritten: 1.0,
    kvReads: 0.5,
    kvWrites: 5.0,
    kvDeletes: 5.0,
    kvLists: 5.0,
  },
};

/** The scenarios the issue asks for: page views a day × the share of them that write. */
export const SCENARIOS = [1_000, 50_000, 1_000_000].flatMap((pageViews) =>
  [0.01, 0.05].map((writeShare) => ({ pageViews, writeShare })),
);

/**
 * What a page view is, and what the platform does with it. Change these, not the code.
 * A page view loads embed.js and the app (static assets: free, no Worker invocation, as wrangler.toml
 * routes only /api/* to the worker) and makes one API call: a post page asks GET /threads (its first page),
 * an index page GET /counts (one call for all its posts).
 */
export const ASSUMPTIONS = {
  /** Of all page views, the share that are index pages (GET /counts of `countsPerIndex` pages). */
  indexShare: 0.2,
  /** Posts listed on an index page: one GET /counts for all of them (the bench measures 10, as Waline's). */
  countsPerIndex: 10,
  /** Writes (page views × writeShare) split into new comments and likes; both change the thread. */
  commentShare: 0.5,
  /** Threads that get the day's reads and writes, evenly: fewer threads means warmer caches. */
  activeThreads: 100,
  /**
   * Workers Cache locations that each keep their own copy of a response. The cache is tiered
   * (https://developers.cloudflare.com/workers/cache/), so this is the number of upper tiers readers
   * reach, not the number of data centres.
   */
  edgeLocations: 10,
  /**
   * Whether a request answered by Workers Cache counts as a Workers request. The docs say a hit is served
   * "without executing your Worker code" (https://developers.cloudflare.com/workers/cache/); we count hits
   * as free unless this says otherwise.
   */
  edgeHitsBilled: false,
  /** Days in a billing month. */
  daysPerMonth: 30,
};

/**
 * The share of reads of one cached entry that miss, for reads and invalidations arriving at random
 * (Poisson) on each entry: a miss opens a window that lasts `ttl` seconds or until the next invalidation,
 * whichever comes first, and every read in the window hits. Renewal theory: misses / reads =
 * 1 / (1 + readsPerSecond × E[window]), with E[window] = (1 − e^(−λw·ttl)) / λw.
 * @param {{ readsPerDay: number, invalidationsPerDay: number, ttlSeconds: number }} entry
 */
export const missShare = ({ readsPerDay, invalidationsPerDay, ttlSeconds }) => {
  if (!(ttlSeconds > 0) || readsPerDay <= 0) return 1;
  const lr = readsPerDay / 86_400;
  const lw = invalidationsPerDay / 86_400;
  const window = lw > 0 ? (1 - Math.exp(-lw * ttlSeconds)) / lw : ttlSeconds;
  return 1 / (1 + lr * window);
};

const FIGURES = [
  'invocations',
  'd1RowsRead',
  'd1RowsWritten',
  'kvReads',
  'kvWrites',
  'kvDeletes',
  'kvLists',
  'purges',
];

/** `cold` when the KV entry missed, `warm` when it hit, mixed by the share of misses. */
const mix = (cold, warm, coldShare) =>
  Object.fromEntries(FIGURES.map((f) => [f, warm[f] + coldShare * (cold[f] - warm[f])]));

const add = (total, perRequest, times) => {
  for (const f of FIGURES) total[f] = (total[f] ?? 0) + perRequest[f] * times;
};

/**
 * One day of one scenario.
 * @param {{ pageViews: number, writeShare: number }} scenario
 * @param {import('./usage.mjs').UsageProfile} profile measured per-request figures
 * @param {typeof ASSUMPTIONS} assumptions
 */
export const day = ({ pageViews, writeShare }, profile, assumptions = ASSUMPTIONS) => {
  const a = assumptions;
  const threadViews = pageViews * (1 - a.indexShare);
  const indexViews = pageViews * a.indexShare;
  const writes = pageViews * writeShare;
  const comments = writes * a.commentShare;
  const likes = writes - comments;
  const perThread = (n) => n / a.activeThreads;

  // Each write invalidates its thread's KV entries and, where the worker purges, its edge copies.
  const kvMissThread = missShare({
    readsPerDay: perThread(threadViews),
    invalidationsPerDay: perThread(writes),
    ttlSeconds: profile.kvTtlSeconds,
  });
  // A count entry is read by every index view that lists its thread.
  const countReadsPerThread = (indexViews * Math.min(a.countsPerIndex, a.activeThreads)) / a.activeThreads;
  const kvMissCounts = missShare({
    readsPerDay: countReadsPerThread,
    invalidationsPerDay: perThread(writes),
    ttlSeconds: profile.kvTtlSeconds,
  });
  const purgesPerWrite = a.commentShare * profile.comment.purges + (1 - a.commentShare) * profile.like.purges;
  const edge = (readsPerDay, ttlSeconds) =>
    ttlSeconds > 0
      ? missShare({
          readsPerDay: readsPerDay / a.edgeLocations,
          invalidationsPerDay: purgesPerWrite > 0 ? perThread(writes) : 0,
          ttlSeconds,
        })
      : 1;
  const edgeMissThread = edge(perThread(threadViews), profile.edgeTtlSeconds.thread);
  const edgeMissCounts = edge(countReadsPerThread, profile.edgeTtlSeconds.counts);

  const total = /** @type {Record<string, number>} */ ({});
  const threadReads = threadViews * edgeMissThread;
  const countReads = indexViews * edgeMissCounts;
  add(total, mix(profile.threadCold, profile.threadWarm, kvMissThread), threadReads);
  add(total, mix(profile.countsCold, profile.countsWarm, kvMissCounts), countReads);
  add(total, profile.comment, comments);
  add(total, profile.like, likes);
  const edgeHits = threadViews + indexViews - threadReads - countReads;
  const workersRequests = total.invocations + (a.edgeHitsBilled ? edgeHits : 0);
  // A figure that could not be measured (no CPU reading) counts 0 rather than poisoning every total.
  const cpu = (kind) => profile.cpuMs[kind] ?? 0;
  const cpuMs =
    threadReads * cpu('thread') +
    countReads * cpu('counts') +
    comments * cpu('comment') +
    likes * cpu('like');

  return {
    pageViews,
    writeShare,
    workersRequests,
    edgeHits,
    cpuMs,
    d1RowsRead: total.d1RowsRead,
    d1RowsWritten: total.d1RowsWritten,
    kvReads: total.kvReads,
    kvWrites: total.kvWrites,
    kvDeletes: total.kvDeletes,
    kvLists: total.kvLists,
    purges: total.purges,
    kvMissShare: { thread: kvMissThread, counts: kvMissCounts },
    edgeMissShare: { thread: edgeMissThread, counts: edgeMissCounts },
  };
};

/** Each Free quota's share used by one day (1 = the whole quota), and whether the day fits all of them. */
export const freePlanUse = (usage) => {
  const use = Object.fromEntries(Object.entries(FREE_DAILY).map(([k, limit]) => [k, usage[k] / limit]));
  return { use, fits: Object.values(use).every((u) => u <= 1) };
};

/** A month on Workers Paid: $5, plus every figure past its monthly inclusion at its price. */
export const paidMonthlyUsd = (usage, assumptions = ASSUMPTIONS) => {
  let usd = PAID_MONTHLY.base;
  /** @type {Record<string, number>} */
  const lines = {};
  for (const [k, included] of Object.entries(PAID_MONTHLY.included)) {
    const monthly = (usage[k] ?? 0) * assumptions.daysPerMonth;
    const over = Math.max(0, monthly - included);
    lines[k] =
      (over / 1e6) * PAID_MONTHLY.perMillion[/** @type {keyof typeof PAID_MONTHLY.perMillion} */ (k)];
    usd += lines[k];
  }
  return { usd, lines };
};

/**
 * The most page views a day that fit every Free quota at this write share (bisection on a monotonic
 * model: more views never use less), or null past 100M.
 */
export const freePlanCeiling = (writeShare, profile, assumptions = ASSUMPTIONS) => {
  const fits = (views) => freePlanUse(day({ pageViews: views, writeShare }, profile, assumptions)).fits;
  if (!fits(1)) return 0;
  let lo = 1;
  let hi = 100_000_000;
  if (fits(hi)) return null;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
};

/**
 * The whole model for a measured profile: every scenario's day, Free-plan use and Paid cost, the Free
 * ceilings, and which quota binds first.
 */
export const costModel = (profile, assumptions = ASSUMPTIONS) => {
  const rows = SCENARIOS.map((scenario) => {
    const usage = day(scenario, profile, assumptions);
    const free = freePlanUse(usage);
    const binding = Object.entries(free.use).sort((x, y) => y[1] - x[1])[0];
    return {
      ...usage,
      freeUse: free.use,
      fitsFree: free.fits,
      bindingQuota: binding?.[0] ?? null,
      paidMonthlyUsd: paidMonthlyUsd(usage, assumptions).usd,
    };
  });
  const cpuOverFreeLimit = Object.entries(profile.cpuMs).filter(
    ([, ms]) => typeof ms === 'number' && ms > FREE_CPU_MS_PER_INVOCATION,
  );
  return {
    assumptions,
    sources: {
      workersLimits: 'https://developers.cloudflare.com/workers/platform/limits/',
      workersPricing: 'https://developers.cloudflare.com/workers/platform/pricing/',
      d1Pricing: 'https://developers.cloudflare.com/d1/platform/pricing/',
      kvPricing: 'https://developers.cloudflare.com/kv/platform/pricing/',
      kvLimits: 'https://developers.cloudflare.com/kv/platform/limits/',
      workersCache: 'https://developers.cloudflare.com/workers/cache/',
    },
    freeDaily: FREE_DAILY,
    paidMonthly: PAID_MONTHLY,
    rows,
    freeCeiling: Object.fromEntries(
      [0.01, 0.05].map((w) => [String(w), freePlanCeiling(w, profile, assumptions)]),
    ),
    // Local workerd's process CPU overstates the edge's, so this is a warning, not a verdict.
    cpuOverFreeLimit: Object.fromEntries(cpuOverFreeLimit),
    // Live threads (issue 17): Durable Object requests and GB-s of 1,000 readers for 10 minutes.
    live: liveWindow(),
  };
};
