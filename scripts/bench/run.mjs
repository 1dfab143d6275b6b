// `npm run bench`: seeds threads of 100 / 2,000 / 20,000 comments into a fresh local D1, loads the API on
// local workerd, opens the widget in Chromium, prints a table and writes bench-results/latest.json.
// Then the first view on an emulated slow phone (slow-phone.mjs: the widget, server-rendered, Waline's client).
// `--smoke` (or BENCH_SMOKE=1) does the same with tiny sizes in well under a minute, for `npm test`.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { migrateLocal, run } from '../lib/wrangler.mjs';
import { compareWithWaline } from './compare.mjs';
import { costModel } from './cost-model.mjs';
import { cacheState, commentBody, load } from './load.mjs';
import { costCurve, formatTable, machine, targets } from './report.mjs';
import { seedDatabase } from './seed.mjs';
import { formatSlowPhone, measureSlowPhone, startSeededWaline } from './slow-phone.mjs';
import { freePort, startStack } from './stack.mjs';
import { measureUsage, workersCacheEnabled } from './usage.mjs';
import { assetSizes, measureWidget } from './widget.mjs';

const smoke = process.argv.includes('--smoke') || process.env.BENCH_SMOKE === '1';
const config = {
  sizes: smoke ? [20, 50, 100] : [100, 2000, 20000],
  // Issue 11's wide tree: one root with this many replies of 10,000 characters.
  wideReplies: smoke ? 30 : 700,
  widgetThreadSize: smoke ? 30 : 200,
  countPages: 50,
  durationS: Number(process.env.BENCH_DURATION || (smoke ? 1 : 5)),
  connections: smoke ? 2 : 10,
  widgetRuns: smoke ? 1 : 3,
  // Issue 15's slow phone (slow-phone.mjs): cold visits per way of showing the thread.
  slowPhoneRuns: smoke ? 1 : 3,
  // Issue 15: what every reader downloads (the reader's first view without the app), 12 KB.
  budgetBytes: 12 * 1024,
  // Waline on the same workload: slow to install and start, so off in the smoke run unless asked for.
  waline: process.env.BENCH_WALINE ? process.env.BENCH_WALINE === '1' : !smoke,
  out: process.env.BENCH_OUT || (smoke ? 'bench-results/smoke.json' : 'bench-results/latest.json'),
};

const log = (message) => console.error(`[bench] ${message}`);

/** @type {(() => void)[]} */
const cleanups = [];
const cleanUp = () => {
  while (cleanups.length) {
    try {
      cleanups.pop()?.();
    } catch {
      // keep cleaning
    }
  }
};
// Ctrl-C or a parent's kill still stops wrangler's process group and removes the temporary database.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

/** Measurements that could not be made: the report still gets written, then the run exits 1. */
const failures = [];

const main = async () => {
  const notes = [];
  // Measure the widget as it is now: a stale dist/ would report yesterday's bytes (smoke reuses it).
  if (!smoke || !existsSync('dist/embed.js')) {
    log('building the widget');
    await run('vite', ['build', '--config', 'widget/vite.config.ts', '--logLevel', 'warn'], { quiet: true });
  }

  const workDir = mkdtempSync(join(tmpdir(), 'causerie-bench-'));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const persistTo = join(workDir, 'state');
  const port = await freePort();
  const devOrigin = `http://127.0.0.1:${port}`;

  // Thread keys are normalized page URLs on the dev origin, as the widget on the demo page would make them.
  const threadUrl = (size) => `${devOrigin}/bench/t${size}`;
  // Workers assets answer /en.html with a 307 to /en (html_handling "auto-trailing-slash"), so the widget
  // on the English demo page asks for the thread of `/en`.
  const widgetUrl = `${devOrigin}/en`;
  const wideUrl = `${devOrigin}/bench/wide`;
  // The slow phone's blog post, on an origin of its own (slow-phone.mjs serves it), with its own thread.
  const blogPort = await freePort();
  const slowPath = '/posts/notes-on-slow-software';
  const slowUrl = `http://127.0.0.1:${blogPort}${slowPath}`;
  const countUrls = Array.from({ length: config.countPages }, (_, i) => `${devOrigin}/bench/page-${i}`);
  const specs = [
    ...config.sizes.map((size) => ({
      key: threadUrl(size),
      url: threadUrl(size),
      title: `${size} comments`,
      size,
    })),
    { key: widgetUrl, url: widgetUrl, title: 'Notes on slow software', size: config.widgetThreadSize },
    { key: wideUrl, url: wideUrl, title: 'A wide tree', size: config.wideReplies + 2, shape: 'wide' },
    { key: slowUrl, url: slowUrl, title: 'Notes on slow software', size: config.widgetThreadSize },
    ...countUrls.map((url, i) => ({ key: url, url, title: `Page ${i}`, size: (i * 7) % 23 })),
  ];

  log(`migrating and seeding ${specs.reduce((n, s) => n + s.size, 0)} comments into ${persistTo}`);
  await migrateLocal(persistTo, { quiet: true });
  let seeded = Date.now();
  const seedStats = await seedDatabase({ persistTo, workDir, specs });
  seeded = Date.now() - seeded;
  // A pristine copy (seeded D1, empty KV) for the cost model's counting stack, which runs after this one.
  const usagePersistTo = join(workDir, 'usage-state');
  cpSync(persistTo, usagePersistTo, { recursive: true });

  log(`starting wrangler dev on ${devOrigin}`);
  const vars = {
    RATE_LIMIT_WRITES: 'off',
    ADMIN_TOKEN: 'bench-admin-token',
    SECRET_KEY: 'bench-secret-key',
    // The slow phone's blog reads the thread cross-origin.
    ALLOWED_ORIGINS: `http://127.0.0.1:${blogPort}`,
  };
  // The cost model's counting stack (usage-worker.mjs over a pristine copy of the seeded database) starts
  // beside it, to spare the smoke run a second start-up; it stays idle until the load runs are over.
  // Two wranglers starting at once can pick the same internal port: the loser starts again, alone.
  const startUsageStack = async () =>
    startStack({
      port: await freePort(),
      persistTo: usagePersistTo,
      entry: 'scripts/bench/usage-worker.mjs',
      vars: { ...vars, ALLOWED_ORIGINS: devOrigin },
    });
  const [main, usage] = await Promise.allSettled([startStack({ port, persistTo, vars }), startUsageStack()]);
  if (main.status === 'fulfilled') cleanups.push(main.value.stop);
  if (usage.status === 'fulfilled') cleanups.push(usage.value.stop);
  const stack = main.status === 'fulfilled' ? main.value : await startStack({ port, persistTo, vars });
  const usageStack = usage.status === 'fulfilled' ? usage.value : await startUsageStack();
  cleanups.push(stack.stop, usageStack.stop); // again if restarted; a second stop does nothing
  /** Where load goes now, re-located before each run (wrangler dev restarts workerd when the tree changes). */
  const target = async () => {
    const direct = await stack.locate();
    // CPU of the process that runs our code: the user worker's workerd, or every workerd when it is unknown.
    return direct
      ? { base: direct.url, cpuPids: [direct.pid], mode: 'direct' }
      : { base: stack.devUrl, cpuPids: stack.workerdPids(), mode: 'dev-proxy' };
  };
  /**
   * One load run against the current worker; run again (up to twice) if wrangler replaced it meanwhile.
   * @param {(base: string) => Omit<Parameters<typeof load>[0], 'duration' | 'connections' | 'cpuPids'>} options
   */
  const measure = async (options, viaProxy = false) => {
    for (let attempt = 1; ; attempt++) {
      const where = viaProxy
        ? { base: stack.devUrl, cpuPids: stack.workerdPids(), mode: 'dev-proxy' }
        : await target();
      const result = await load({
        duration: config.durationS,
        connections: config.connections,
        cpuPids: where.cpuPids,
        ...options(where.base),
      });
      if (!result.reloaded || attempt === 3) return { ...result, via: where.mode };
      log('wrangler reloaded the worker during the run (someone edited the tree): measuring again');
      notes.push('wrangler dev reloaded the worker during a run (files changed); that run was repeated.');
    }
  };

  const first = await target();
  if (first.mode !== 'direct')
    notes.push("User worker socket not found: load went through wrangler dev's proxy.");

  /** @type {Record<string, any>} */
  const threads = {};
  const api = [];
  /** @type {Record<string, any>} */
  const cached = {};
  for (const size of config.sizes) {
    const path = `/api/v1/threads?url=${encodeURIComponent(threadUrl(size))}`;
    // The first page at the default size is what KV keeps (worker/services/pages/thread-cache.ts); limit=49 is the same
    // D1 query on a page the cache does not keep (X-Cache: BYPASS): the cost of every miss, repeatable.
    const uncachedPath = `${path}&limit=49`;
    const probe = await fetch(`${(await target()).base}${uncachedPath}`);
    const page = await probe.json();
    const state = cacheState(probe.headers);
    log(`GET /threads, ${size} comments, from D1 (${page.comments.length} comments on the page)`);
    const result = await measure((base) => ({ url: `${base}${uncachedPath}` }));
    threads[size] = {
      ...result,
      commentsOnPage: page.comments.length,
      // The worker reports D1's meta.rows_read for pages it reads from D1 (X-D1-Rows-Read).
      rowsRead: Number(probe.headers.get('x-d1-rows-read') ?? Number.NaN),
      // What the reader receives: the page's comments plus the thread row.
      rowsReturned: page.comments.length + 1,
      xCache: probe.headers.get('x-cache') ?? 'none',
    };
    api.push({ name: `GET /threads ${size}, D1 (KV miss)`, ...threads[size] });

    // Warm the KV entry, then load the cached page; without the header there is no cache to measure.
    const warmBase = (await target()).base;
    await fetch(`${warmBase}${path}`);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the KV put runs in waitUntil
    const warm = await fetch(`${warmBase}${path}`);
    if (cacheState(warm.headers) === 'hit') {
      log(`GET /threads, ${size} comments, KV hit`);
      cached[size] = { ...(await measure((base) => ({ url: `${base}${path}` }))), xCache: 'HIT' };
      api.push({ name: `GET /threads ${size}, KV hit`, ...cached[size] });
    } else {
      api.push({ name: `GET /threads ${size}, KV hit`, rps: null, errors: null, non2xx: null });
      if (state === 'unknown')
        notes.push(
          'KV: no X-Cache header on /threads: hit rows are n/a (load.mjs cacheState() is the seam).',
        );
    }
  }
  // Issue 11: a root with hundreds of 10,000-character replies; the page must stay bounded in bytes and CPU.
  /** @type {Record<string, any>} */
  let wide;
  {
    const path = `/api/v1/threads?url=${encodeURIComponent(wideUrl)}&limit=1`;
    const probe = await fetch(`${(await target()).base}${path}`);
    const text = await probe.text();
    const bytes = new TextEncoder().encode(text).byteLength;
    const rowsReturned = JSON.parse(text).comments.length + 1;
    log(`GET /threads, wide tree (${config.wideReplies} replies of 10,000 characters), limit=1: ${bytes} B`);
    const result = await measure((base) => ({ url: `${base}${path}` }));
    wide = {
      ...result,
      bytes,
      rowsReturned,
      rowsRead: Number(probe.headers.get('x-d1-rows-read') ?? Number.NaN),
    };
    api.push({ name: `GET /threads wide tree (${config.wideReplies} × 10 KB replies), limit=1`, ...wide });
  }
  // For comparison only: the same first page through wrangler dev's proxy, which dominates local figures.
  if (first.mode === 'direct') {
    const path = `/api/v1/threads?url=${encodeURIComponent(threadUrl(config.sizes[0]))}`;
    log('GET /threads through the dev proxy (comparison)');
    const result = await measure((base) => ({ url: `${base}${path}` }), true);
    api.push({ name: `GET /threads ${config.sizes[0]} via dev proxy`, ...result });
  }

  // GET /counts is being written; measure it when it answers, report n/a when it does not exist yet.
  const countsPath = `/api/v1/counts?${countUrls.map((u) => `url=${encodeURIComponent(u)}`).join('&')}`;
  const countsProbe = await fetch(`${(await target()).base}${countsPath}`);
  let counts = null;
  if (countsProbe.ok) {
    log(`GET /counts for ${config.countPages} pages`);
    counts = await measure((base) => ({ url: `${base}${countsPath}` }));
    api.push({ name: `GET /counts (${config.countPages} pages)`, ...counts });
  } else {
    api.push({ name: `GET /counts (${config.countPages} pages)`, rps: null, errors: null, non2xx: null });
    notes.push(`GET /counts answered ${countsProbe.status}: not available yet, reported n/a.`);
  }

  log('POST /comments');
  // Same-origin page URL and Origin header: the worker's own origin is always allowed to write.
  const post = await measure((base) => ({
    url: `${base}/api/v1/comments`,
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(base).origin },
    body: commentBody(new URL(base).origin, '/bench/post'),
  }));
  api.push({ name: 'POST /comments (new root)', ...post });

  log('widget in Chromium');
  const sizes = assetSizes('dist');
  /** @type {Awaited<ReturnType<typeof measureWidget>>} */
  let widgetRun;
  try {
    // A comment on the thread invalidates its KV pages (thread-cache.ts), so each cold visit reads D1.
    let n = 0;
    const beforeCold = async () => {
      const response = await fetch(`${stack.devUrl}/api/v1/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: devOrigin },
        body: JSON.stringify({ url: widgetUrl, body: `Cold visit ${++n}`, author: { name: 'Bench' } }),
      });
      if (!response.ok) throw new Error(`POST before a cold visit answered ${response.status}`);
    };
    widgetRun = await measureWidget({ pageUrl: widgetUrl, runs: config.widgetRuns, beforeCold });
  } catch (err) {
    // Keep the API figures: record the failure, finish the report, and exit non-zero at the end.
    failures.push(`widget: ${/** @type {Error} */ (err).message.split('\n')[0]}`);
    const none = {
      ms: null,
      comments: 0,
      cls: null,
      layoutShifts: null,
      longTasks: null,
      longTaskMs: null,
      cache: 'n/a',
      runs: [],
    };
    widgetRun = { cold: none, warm: none, loadedFiles: [] };
  }
  // The budget covers what every reader downloads, as test/widget/size.test.ts counts it (issue 15): the
  // boot, the view's part, the CSS the server HTML carries (its <style> blocks, gzipped alone) and the live
  // watch part (or its measured ~1.3 KB placeholder until that part is built). The app comes on intent.
  const fragment = await fetch(
    `${stack.devUrl}/api/v1/threads/html?url=${encodeURIComponent(widgetUrl)}&lang=en`,
  ).then((r) => (r.ok ? r.text() : ''));
  const serverCss = gzipSync([...fragment.matchAll(/<style>([^<]*)<\/style>/g)].map((m) => m[1]).join(''), {
    level: 9,
  }).length;
  const watchPart = sizes['causerie-watch.en.js']?.gzip ?? 1331;
  const gzipTotal =
    (sizes['embed.js']?.gzip ?? 0) + (sizes['causerie-view.js']?.gzip ?? 0) + serverCss + watchPart;
  const widget = {
    sizes,
    ...widgetRun,
    gzipTotal,
    readerPayload: {
      boot: sizes['embed.js']?.gzip ?? null,
      view: sizes['causerie-view.js']?.gzip ?? null,
      serverCss,
      watch: watchPart,
      watchPlaceholder: !sizes['causerie-watch.en.js'],
      appOnIntent: sizes['causerie-app.en.js']?.gzip ?? null,
    },
  };
  notes.push(
    "Widget timings go through wrangler dev's port (the page's origin). Cold: new browser context and the thread's KV page emptied by a comment just before; warm: second visit (HTTP cache and KV warm).",
  );

  // Issue 15: the first view on an emulated slow phone, before the comparison below pins this process
  // (and so the Chromium it starts) to one core.
  log('slow phone: the widget, on a server-rendered container, and Waline’s client, in throttled Chromium');
  /** @type {Record<string, any> | null} */
  let slowPhone = null;
  /** @type {Awaited<ReturnType<typeof startSeededWaline>>} */
  let slowWaline = null;
  try {
    slowWaline = config.waline
      ? await startSeededWaline({
          dir: join(workDir, 'slow-waline'),
          path: slowPath,
          size: config.widgetThreadSize,
        })
      : null;
    slowPhone = await measureSlowPhone(
      {
        causerie: stack.devUrl,
        waline: slowWaline?.url ?? null,
        threadUrl: slowUrl,
        threadPath: slowPath,
        runs: config.slowPhoneRuns,
      },
      blogPort,
    );
  } catch (err) {
    failures.push(`slow phone: ${/** @type {Error} */ (err).message.split('\n')[0]}`);
  } finally {
    slowWaline?.stop();
  }

  // Issue 12's targets: Causerie against Waline on Waline's workload, each server pinned to one core.
  const modelSize = config.sizes[1];
  /** @type {Record<string, any> | null} */
  let waline = null;
  if (config.waline) {
    const direct = await stack.locate();
    if (direct) {
      // The floor shares the seeded database (it reads nothing) and stops once the comparison is done.
      /** @type {Awaited<ReturnType<typeof startStack>> | null} */
      let floorStack = null;
      try {
        floorStack = await startStack({
          port: await freePort(),
          persistTo: join(workDir, 'floor-state'),
          entry: 'scripts/bench/floor-worker.mjs',
          vars,
        });
        cleanups.push(floorStack.stop);
      } catch (err) {
        notes.push(`The floor Worker did not start: ${/** @type {Error} */ (err).message.split('\n')[0]}`);
      }
      const floorDirect = floorStack ? await floorStack.locate() : null;
      try {
        waline = await compareWithWaline({
          causerie: { base: direct.url, pid: direct.pid },
          floor: floorDirect ? { base: floorDirect.url, pid: floorDirect.pid } : null,
          pageOrigin: devOrigin,
          threadPath: `/bench/t${modelSize}`,
          threadSize: modelSize,
          countPaths: countUrls.slice(0, 10).map((u) => new URL(u).pathname),
          countSizes: specs.filter((s) => countUrls.slice(0, 10).includes(s.url)).map((s) => s.size),
          duration: config.durationS,
          connections: config.connections,
          log,
        });
      } catch (err) {
        failures.push(`waline: ${/** @type {Error} */ (err).message.split('\n')[0]}`);
      } finally {
        floorStack?.stop();
      }
    } else waline = { skipped: "the user worker's socket was not found" };
  } else waline = { skipped: 'off in the smoke run (BENCH_WALINE=1 turns it on)' };

  // The cost model counts what each kind of request costs on the second stack: the same seeded database
  // behind the counting entry point, so the load figures above stay the plain worker's.
  stack.stop();
  log('counting per-request usage (D1 rows, KV operations, purges) for the cost model');
  const tenCountsCpu = waline?.rows?.counts?.causerie?.cpuMsPerRequest;
  const profile = await measureUsage({
    base: usageStack.devUrl,
    pageOrigin: devOrigin,
    threadUrl: threadUrl(modelSize),
    countUrls: countUrls.slice(0, 10),
    cacheEnabled: workersCacheEnabled(readFileSync('wrangler.toml', 'utf8')),
    cpuMs: {
      thread: threads[modelSize].cpuMsPerRequest,
      // The 10-page figure when the comparison measured it; else the 50-page row's (an overestimate).
      counts: tenCountsCpu ?? counts?.cpuMsPerRequest ?? post.cpuMsPerRequest,
      comment: post.cpuMsPerRequest,
      // Not loaded on its own: a like is a smaller write than a comment, so the comment's figure bounds it.
      like: post.cpuMsPerRequest,
    },
  });
  usageStack.stop();
  const cost = { threadSize: modelSize, profile, ...costModel(profile) };

  const curve = costCurve(threads);
  const results = {
    date: new Date().toISOString(),
    smoke,
    machine: machine(),
    config,
    target: { mode: first.mode, url: first.base, devUrl: stack.devUrl },
    seed: { ms: seeded, threads: seedStats },
    threads,
    wide,
    cached,
    counts,
    post,
    api,
    costCurve: curve,
    costCurveKvHit: Object.keys(cached).length === config.sizes.length ? costCurve(cached) : null,
    widget,
    slowPhone,
    targets: targets({ threads, curve, widget, budgetBytes: config.budgetBytes }),
    cost,
    waline,
    notes,
    failures,
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(config.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatTable(results));
  if (slowPhone) console.log(`\n${formatSlowPhone(slowPhone)}`);
  console.log(`\nWrote ${config.out}`);
  if (failures.length) {
    console.error(`\nFailed measurements:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
};

try {
  await main();
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  cleanUp();
}
