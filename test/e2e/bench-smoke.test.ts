/**
 * Keeps the benchmark from rotting: `npm run bench -- --smoke` (tiny threads, 1 s runs) must finish and write
 * its figures. It starts its own stack through the bench script, not the e2e global setup's server.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';

test('the bench smoke run exits 0 and writes every figure', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'causerie-bench-smoke-'));
  const out = join(dir, 'smoke.json');
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const result = spawnSync(process.execPath, ['scripts/bench/run.mjs', '--smoke'], {
    encoding: 'utf8',
    timeout: 170_000,
    // node_modules/.bin first, as under `npm test`: wrangler and vite must run on the project's Node.
    env: {
      ...process.env,
      BENCH_OUT: out,
      PATH: `${resolve('node_modules/.bin')}${delimiter}${process.env.PATH}`,
    },
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);

  const results = JSON.parse(readFileSync(out, 'utf8'));
  expect(results.smoke).toBe(true);
  expect(Object.keys(results)).toEqual(
    expect.arrayContaining([
      'date',
      'machine',
      'config',
      'threads',
      'api',
      'post',
      'costCurve',
      'widget',
      'targets',
    ]),
  );
  expect(Object.keys(results.threads)).toHaveLength(3);
  for (const page of Object.values<{ requests: number; non2xx: number; rowsRead: number }>(results.threads)) {
    expect(page.requests).toBeGreaterThan(0);
    expect(page.non2xx).toBe(0);
    expect(page.rowsRead).toBeGreaterThan(0);
  }
  expect(results.post.requests).toBeGreaterThan(0);
  // Issue 11: the wide tree's first page was answered, within the page's byte budget (256 KiB of JSON).
  expect(results.wide.requests).toBeGreaterThan(0);
  expect(results.wide.non2xx).toBe(0);
  expect(results.wide.bytes).toBeGreaterThan(10_000);
  expect(results.wide.bytes).toBeLessThanOrEqual(300_000);
  expect(results.widget.sizes['embed.js'].gzip).toBeGreaterThan(0);
  expect(results.widget.cold.comments).toBeGreaterThan(0);
  // Issue 15: the slow phone's first view of the widget was measured (the server-rendered and Waline rows
  // are n/a in the smoke run until GET /threads/html exists, and Waline is off).
  expect(Object.keys(results.slowPhone.results)).toEqual(['widget', 'serverRendered', 'waline']);
  expect(results.slowPhone.results.widget.firstMs).toBeGreaterThan(0);
  expect(results.slowPhone.results.widget.bytes).toBeGreaterThan(results.widget.sizes['embed.js'].gzip);
  expect(results.slowPhone.results.waline.skipped).toBeTruthy();
  // Issue 12: the cost model counted each kind of request and priced every scenario.
  const { profile, rows, freeCeiling } = results.cost;
  for (const kind of ['threadCold', 'threadWarm', 'countsCold', 'countsWarm', 'comment', 'like']) {
    expect(profile[kind].invocations, kind).toBe(1);
  }
  expect(profile.threadCold.d1RowsRead).toBeGreaterThan(0);
  expect(profile.comment.d1RowsWritten).toBeGreaterThan(0);
  expect(profile.like.d1RowsWritten).toBeGreaterThan(0);
  expect(rows.map((r: { pageViews: number; writeShare: number }) => [r.pageViews, r.writeShare])).toEqual([
    [1_000, 0.01],
    [1_000, 0.05],
    [50_000, 0.01],
    [50_000, 0.05],
    [1_000_000, 0.01],
    [1_000_000, 0.05],
  ]);
  for (const r of rows) {
    expect(r.workersRequests).toBeGreaterThan(0);
    expect(r.d1RowsWritten).toBeGreaterThan(0);
    expect(Number.isFinite(r.kvWrites)).toBe(true);
    expect(r.paidMonthlyUsd).toBeGreaterThanOrEqual(5);
    expect(typeof r.fitsFree).toBe('boolean');
  }
  expect(Object.keys(freeCeiling)).toEqual(['0.01', '0.05']);
  expect(results.waline.skipped).toMatch(/smoke/);
  expect(Object.keys(results.targets)).toEqual(
    expect.arrayContaining([
      'firstPageLargestWithin1_5x',
      'rowsReadWithinReturnedPlus10',
      'clsZero',
      'widgetGzipWithinBudget',
    ]),
  );
});
