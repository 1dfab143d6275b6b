// The cost model's and the Waline comparison's part of the terminal report (report.mjs prints the rest).

import { formatLive } from './live-cost.mjs';

const int = (n) =>
  n === null || n === undefined || Number.isNaN(n) ? 'n/a' : Math.round(n).toLocaleString('en');
const pct = (share) =>
  share === null || share === undefined ? 'n/a' : `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
const fixed = (n, digits = 2) => (typeof n === 'number' && !Number.isNaN(n) ? n.toFixed(digits) : 'n/a');
const row = (cells, widths) => cells.map((c, i) => String(c).padEnd(widths[i] ?? 10)).join('  ');

/** Per-request figures the model reads, as counted on the counting stack. */
const profileLines = (profile) => {
  const widths = [26, 7, 9, 10, 8, 9, 10, 7];
  const lines = [
    row(
      ['request', 'invoc.', 'D1 read', 'D1 written', 'KV reads', 'KV writes', 'KV deletes', 'purges'],
      widths,
    ),
  ];
  for (const [name, u] of Object.entries({
    'GET /threads, KV miss': profile.threadCold,
    'GET /threads, KV hit': profile.threadWarm,
    'GET /threads after a write': profile.threadAfterWrite,
    'GET /counts 10, KV miss': profile.countsCold,
    'GET /counts 10, KV hit': profile.countsWarm,
    'POST /comments': profile.comment,
    'POST like': profile.like,
  })) {
    lines.push(
      row(
        [name, u.invocations, u.d1RowsRead, u.d1RowsWritten, u.kvReads, u.kvWrites, u.kvDeletes, u.purges],
        widths,
      ),
    );
  }
  return lines;
};

/** @param {any} cost the `cost` field of the results */
export const formatCost = (cost) => {
  const lines = [];
  const a = cost.assumptions;
  lines.push(
    `Cost model (per-request figures counted on the ${cost.threadSize}-comment thread; KV entries live ${cost.profile.kvTtlSeconds || 0} s; Workers Cache TTL: threads ${cost.profile.edgeTtlSeconds.thread} s, counts ${cost.profile.edgeTtlSeconds.counts} s):`,
  );
  for (const line of profileLines(cost.profile)) lines.push(`  ${line}`);
  lines.push(
    `  A page view: ${pct(1 - a.indexShare)} post pages (GET /threads), ${pct(a.indexShare)} index pages (GET /counts of ${a.countsPerIndex}); writes ${pct(a.commentShare)} comments, ${pct(1 - a.commentShare)} likes; ${a.activeThreads} active threads; ${a.edgeLocations} edge cache locations; edge hits billed: ${a.edgeHitsBilled}.`,
  );
  lines.push('');
  const widths = [10, 6, 9, 9, 11, 11, 9, 9, 10, 8, 10];
  lines.push(
    `  ${row(['views/day', 'write', 'requests', 'CPU s', 'D1 read', 'D1 written', 'KV read', 'KV write', 'KV delete', 'Free?', 'Paid $/mo'], widths)}`,
  );
  for (const r of cost.rows) {
    lines.push(
      `  ${row(
        [
          int(r.pageViews),
          pct(r.writeShare),
          int(r.workersRequests),
          int(r.cpuMs / 1000),
          int(r.d1RowsRead),
          int(r.d1RowsWritten),
          int(r.kvReads),
          int(r.kvWrites),
          int(r.kvDeletes),
          r.fitsFree ? 'yes' : 'NO',
          fixed(r.paidMonthlyUsd),
        ],
        widths,
      )}`,
    );
    lines.push(
      `  ${''.padEnd(18)}Free quota used: ${Object.entries(r.freeUse)
        .map(([k, u]) => `${k} ${pct(u)}`)
        .join(', ')} (first to run out: ${r.bindingQuota})`,
    );
  }
  lines.push(
    `  Fits the Free plan up to ${int(cost.freeCeiling['0.01'])} page views a day at 1% writing, ${int(cost.freeCeiling['0.05'])} at 5%.`,
  );
  const over = Object.entries(cost.cpuOverFreeLimit);
  if (over.length)
    lines.push(
      `  Local CPU per request over the Free plan's 10 ms: ${over.map(([k, ms]) => `${k} ${fixed(ms)} ms`).join(', ')} (local workerd overstates the edge).`,
    );
  if (cost.live) lines.push('', ...formatLive(cost.live));
  return lines;
};

/** @param {any} waline the `waline` field of the results */
export const formatWaline = (waline) => {
  if (!waline) return [];
  if (waline.skipped) return [`Waline comparison: skipped (${waline.skipped}).`];
  const lines = [`Causerie vs Waline (same load, ${waline.pinned}):`];
  const widths = [8, 12, 12, 9, 14, 14, 9, 6];
  lines.push(
    `  ${row(['', 'Causerie r/s', 'Waline r/s', 'ratio', 'Causerie CPU', 'Waline CPU', 'CPU ratio', 'target'], widths)}`,
  );
  for (const [name, r] of Object.entries(waline.rows)) {
    lines.push(
      `  ${row(
        [
          name,
          fixed(r.causerie.rps, 0),
          fixed(r.waline.rps, 0),
          `${fixed(r.rpsRatio)}×`,
          `${fixed(r.causerie.cpuMsPerRequest)} ms`,
          `${fixed(r.waline.cpuMsPerRequest)} ms`,
          `${fixed(r.cpuRatio)}×`,
          r.pass ? 'PASS' : 'FAIL',
        ],
        widths,
      )}`,
    );
  }
  lines.push('  (target: ≥ 1.5× Waline req/s and CPU per request below Waline on each row)');
  const floor = waline.floor?.plain ? waline.floor : null;
  if (floor) {
    lines.push(
      `  floor: a Worker that only answers {} on the same core: ${fixed(floor.plain.rps, 0)} r/s, ${fixed(floor.plain.cpuMsPerRequest)} ms CPU (no route of ours can beat it)`,
      `         the same after one D1 SELECT 1: ${fixed(floor.d1.rps, 0)} r/s, ${fixed(floor.d1.cpuMsPerRequest)} ms CPU`,
      ...(floor.kv
        ? [
            `         the same after one KV read (the settings): ${fixed(floor.kv.rps, 0)} r/s, ${fixed(floor.kv.cpuMsPerRequest)} ms CPU`,
          ]
        : []),
    );
  }
  return lines;
};
