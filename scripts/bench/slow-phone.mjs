// The reader's first view on a slow phone (issue 15): Chromium with the network and the CPU throttled
// through the DevTools protocol, a blog post with a 200-comment thread, three ways: (a) the widget alone,
// (b) the widget on a server-rendered container (the post embeds GET /threads/html's fragment, as a static
// site generator would), (c) Waline's client (@waline/client) against @waline/vercel on SQLite with the same
// 200 comments. For each: time from navigation to the first comment visible, what went over the wire,
// Cumulative Layout Shift, long tasks. Part of `npm run bench` (run.mjs); alone: `npm run bench:slow-phone`.
//
// Three origins, as in production: the blog, Causerie's and Waline's. Each service sits behind a small
// "edge" on loopback that gzips text as Cloudflare's edge does (wrangler dev and Waline's server send
// their files uncompressed), so the bytes and the throttled timings compare what readers would download.
// Nothing is fetched beyond 127.0.0.1: Waline's client is served from its own install, emoji and search off.

import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort } from './stack.mjs';
import { seedWaline, startWaline, walineAvailable } from './waline.mjs';

// Shared with the end-to-end tests: Debian's Chromium with the flags that work here (Node 24 strips types).
const { launchChromium } = await import('../../test/support/chromium.ts');

/**
 * The emulated phone: a slow 4G link and a mid-range CPU (Lighthouse's mobile preset is 150 ms RTT,
 * 1.6 Mbps down, 750 kbps up, 4× CPU slowdown). Latency and throughput are DevTools' per-request emulation
 * (chromedevtools.github.io/devtools-protocol/tot/Network/#method-emulateNetworkConditions), CPU through
 * Emulation.setCPUThrottlingRate.
 */
export const SLOW_PHONE = { rttMs: 150, downKbps: 1600, upKbps: 750, cpuSlowdown: 4 };

const log = (message) => console.error(`[slow-phone] ${message}`);

/** Where Waline's client lives: its own install beside the server's (scripts/bench/waline/package.json). */
export const walineClientDir = () => {
  // BENCH_WALINE_CLIENT_DIR: a dist/ of @waline/client installed elsewhere (a machine where the bench's
  // Waline folder cannot be installed again).
  let dir = process.env.BENCH_WALINE_CLIENT_DIR;
  try {
    const require = createRequire(new URL('./waline/package.json', import.meta.url));
    dir ??= join(dirname(require.resolve('@waline/client/package.json')), 'dist');
  } catch {
    return null;
  }
  return existsSync(join(dir, 'waline.js')) ? dir : null;
};

/**
 * Waline's server on SQLite under `dir`, seeded with one `size`-comment thread at `path` (seed.mjs's
 * generator, as Causerie's); null, with the reason logged, when its install is missing.
 * @param {{ dir: string, path: string, size: number }} options
 */
export const startSeededWaline = async ({ dir, path, size }) => {
  const available = walineAvailable();
  if (!available.ok) {
    log(`Waline's server is not available: ${available.why}`);
    return null;
  }
  await seedWaline(dir, [{ path, size }]);
  return startWaline({ dir, port: await freePort() });
};

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|problem\+json|ld\+json)|image\/svg)/;
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };

/** Sends `body`, gzipped when the client takes it and it is text (what an edge in front would do). */
const send = (req, res, status, headers, body) => {
  const type = String(headers['content-type'] ?? '');
  const gzip =
    body.length > 0 && COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  const out = gzip ? gzipSync(body) : body;
  res.writeHead(status, {
    ...headers,
    ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    'content-length': out.length,
    // The page may read this response's detailed timing (its first byte, in `spans`): the bench's edge only.
    'timing-allow-origin': '*',
  });
  res.end(out);
};

/**
 * A loopback server: `files` answers the paths it knows (a Buffer and its type), the rest goes to
 * `upstream` (if any), its answer passed on with hop-by-hop and encoding headers dropped.
 * @param {{ upstream?: string, files?: (path: string) => { body: Buffer, type: string } | null }} options
 * @returns {Promise<{ url: string, close: () => void }>}
 */
const startEdge = ({ upstream, files = () => null }) =>
  new Promise((resolve) => {
    const server = createServer(async (req, res) => {
      try {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        const file = files(path);
        // A module script from another origin needs CORS, as a CDN answers it.
        const served = {
          'content-type': file?.type,
          'cache-control': 'no-cache',
          'access-control-allow-origin': '*',
        };
        if (file) return send(req, res, 200, served, file.body);
        if (!upstream) return send(req, res, 404, { 'content-type': 'text/plain' }, Buffer.from('not found'));
        const chunks = [];
        for await (const chunk of req) chunks.push(chunk);
        const headers = { ...req.headers };
        for (const name of ['host', 'connection', 'accept-encoding', 'content-length']) delete headers[name];
        const answer = await fetch(`${upstream}${req.url}`, {
          method: req.method,
          headers: /** @type {Record<string, string>} */ (headers),
          body: chunks.length ? Buffer.concat(chunks) : undefined,
          redirect: 'manual',
        });
        /** @type {Record<string, string>} */
        const out = {};
        answer.headers.forEach((value, name) => {
          if (
            !['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(
              name,
            )
          )
            out[name] = value;
        });
        send(req, res, answer.status, out, Buffer.from(await answer.arrayBuffer()));
      } catch (err) {
        send(req, res, 502, { 'content-type': 'text/plain' }, Buffer.from(String(err)));
      }
    });
    server.listen(0, '127.0.0.1', () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ url: `http://127.0.0.1:${address.port}`, close: () => server.close() });
    });
  });

const POST = `<h1>Notes on slow software</h1>
<p>Most of what a reader waits for on a phone is not computation but distance: every request that has to
wait for another one costs a round trip, and on a mobile network a round trip is a long time.</p>
<p>This post has a long discussion below. How soon does its first comment show?</p>`;

/** The blog post, with whatever the comment system asks the host to paste. */
const postPage = ({ head = '', comments, scripts = '' }) =>
  Buffer.from(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Notes on slow software</title>
<style>body{margin:0;font:17px/1.6 system-ui,sans-serif;color:#222;background:#fff}main{max-width:40rem;margin:0 auto;padding:1rem}</style>
${head}
</head>
<body>
<main>
${POST}
${comments}
</main>
${scripts}
</body>
</html>
`);

// Runs in the page before any of its scripts: layout shifts, long tasks, and the first frame in which a
// comment is on screen (in the document or in the widget's shadow root), by performance.now(), whose zero
// is the navigation's start.
const OBSERVERS = (selector) => {
  const w = /** @type {any} */ (window);
  w.__bench = { cls: 0, shifts: 0, longTasks: [], first: null, fcp: null, moved: [] };
  // What moved, so that a CLS above 0 names its cause: the shifted node (tag.class) and its drop in px.
  const describe = (node) =>
    node instanceof Element
      ? `${node.localName}${node.className ? `.${String(node.className).split(' ')[0]}` : ''}`
      : String(node?.nodeName);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const shift = /** @type {any} */ (entry);
      if (!shift.hadRecentInput) {
        w.__bench.cls += shift.value;
        w.__bench.shifts++;
        for (const source of shift.sources ?? [])
          w.__bench.moved.push(
            `${describe(source.node)} ${Math.round(source.currentRect.y - source.previousRect.y)}px@${Math.round(shift.startTime)}ms (${shift.value.toFixed(3)})`,
          );
      }
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__bench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === 'first-contentful-paint') w.__bench.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  const onScreen = (root) => {
    for (const element of root.querySelectorAll(selector)) {
      const box = element.getBoundingClientRect();
      if (box.height > 0 && box.top < innerHeight && box.bottom > 0) return true;
    }
    return false;
  };
  const look = () => {
    const host = document.querySelector('#comments');
    if (onScreen(document) || (host?.shadowRoot && onScreen(host.shadowRoot)))
      w.__bench.first = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
};

const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
};

/**
 * One cold visit (new context: empty cache) of `url` on the emulated phone.
 * @param {import('playwright-core').Browser} browser
 */
const visit = async (browser, url, selector, like = false) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
  try {
    await context.addInitScript(OBSERVERS, selector);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW_PHONE.rttMs,
      downloadThroughput: (SLOW_PHONE.downKbps * 1000) / 8,
      uploadThroughput: (SLOW_PHONE.upKbps * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_PHONE.cpuSlowdown });
    let bytes = 0;
    let requests = 0;
    const failed = [];
    /** @type {Map<string, string>} */
    const urls = new Map();
    cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
    cdp.on('Network.loadingFinished', (event) => {
      bytes += event.encodedDataLength;
      requests++;
    });
    cdp.on('Network.loadingFailed', (event) => failed.push(urls.get(event.requestId) ?? '?'));
    const messages = [];
    page.on('pageerror', (err) => messages.push(err.message));
    page.on('console', (message) => message.type() === 'error' && messages.push(message.text()));
    await page.goto(url, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(() => /** @type {any} */ (window).__bench.first !== null, null, {
        timeout: 90_000,
        polling: 100,
      });
    } catch (err) {
      const body = await page.evaluate(() => document.querySelector('#comments')?.outerHTML.slice(0, 600));
      throw new Error(
        `no comment on screen at ${url}: ${/** @type {Error} */ (err).message.split('\n')[0]}; errors: ${messages.join(' | ')}; failed: ${failed.join(' ')}; container: ${body}`,
      );
    }
    // Let the page settle: the rest of the thread, hydration, late layout shifts.
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => {});
    await page.waitForTimeout(1000);
    const shown = await page.evaluate((selector) => {
      const host = document.querySelector('#comments');
      return (host?.shadowRoot ?? document).querySelectorAll(selector).length;
    }, selector);
    const observed = await page.evaluate(() => {
      const timing = (part) =>
        /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource')).find((e) =>
          e.name.includes(part),
        );
      const boot = timing('/embed.js');
      // When each part of the widget went out and came back (ms from navigation), to see what waits on what,
      // and when its first byte came (a streamed part is read from then on).
      const spans = {};
      for (const [name, part] of [
        ['boot', '/embed.js'],
        ['app', '/causerie-app.'],
        ['thread', '/api/v1/threads?'],
        ['html', '/api/v1/threads/html?'],
        ['view', '/causerie-view.js'],
        ['config', '/api/v1/config'],
        ['walineClient', '/client/waline.js'],
        ['walineComments', '/api/comment?'],
      ]) {
        const entry = timing(part);
        if (entry)
          spans[name] = [entry.startTime, entry.responseEnd, entry.responseStart].map((ms) => Math.round(ms));
      }
      return {
        .../** @type {any} */ (window).__bench,
        // An async script runs as soon as it has arrived: its responseEnd is when the boot starts.
        bootRan: boot ? boot.responseEnd : null,
        spans,
      };
    });
    // First interaction (issue 15: the app comes on intent): a tap on the first comment's like button, from
    // the press to the like showing (aria-pressed), the app and the extras loaded in between. Causerie only.
    let interactionMs = null;
    let clsAfterTap = null;
    // The first view's wire: what the tap brings (the app, the extras, the like) is counted apart.
    const viewBytes = bytes;
    const viewRequests = requests;
    if (like) {
      await page.evaluate(() => {
        const w = /** @type {any} */ (window);
        w.__tap = { down: null, shown: null };
        document.addEventListener('pointerdown', () => (w.__tap.down ??= performance.now()), true);
        const button = document.querySelector('#comments')?.shadowRoot?.querySelector('article button.like');
        if (!button) return;
        new MutationObserver(() => {
          if (button.getAttribute('aria-pressed') === 'true') w.__tap.shown ??= performance.now();
        }).observe(button, { attributes: true });
      });
      await page.locator('#comments article button.like').first().click();
      await page.waitForFunction(() => /** @type {any} */ (window).__tap.shown !== null, null, {
        timeout: 60_000,
        polling: 100,
      });
      await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => {});
      await page.waitForTimeout(1000);
      const tap = await page.evaluate(() => /** @type {any} */ (window).__tap);
      interactionMs = Math.round(tap.shown - tap.down);
      // Shifts after the tap that input does not excuse (more than 500 ms after it): the form or the
      // feed line arriving late.
      clsAfterTap = (await page.evaluate(() => /** @type {any} */ (window).__bench.cls)) - observed.cls;
    }
    return {
      interactionMs,
      clsAfterTap,
      firstMs: Math.round(observed.first),
      afterBootMs: observed.bootRan === null ? null : Math.round(observed.first - observed.bootRan),
      bytes: viewBytes,
      requests: viewRequests,
      tapBytes: bytes - viewBytes,
      shown,
      failed,
      fcpMs: observed.fcp === null ? null : Math.round(observed.fcp),
      spans: observed.spans,
      cls: observed.cls,
      moved: observed.moved,
      longTasks: observed.longTasks.length,
      longTaskMs: Math.round(observed.longTasks.reduce((a, b) => a + b, 0)),
    };
  } finally {
    await context.close();
  }
};

/**
 * @param {{ causerie: string, waline?: string | null, threadUrl: string, threadPath: string,
 *   runs: number }} options  `causerie`, `waline`: the services' own URLs (wrangler dev, Waline's server);
 *   `threadUrl`: the thread's page URL on Causerie's side (data-url), `threadPath`: Waline's page key.
 *   The blog origin must be one Causerie allows (ALLOWED_ORIGINS), so `blogPort` is given by the caller.
 * @param {number} blogPort
 */
export const measureSlowPhone = async (
  { causerie, waline = null, threadUrl, threadPath, runs },
  blogPort,
) => {
  const closers = [];
  try {
    const edge = await startEdge({ upstream: causerie });
    closers.push(edge.close);
    const clientDir = walineClientDir();
    const walineEdge =
      waline && clientDir
        ? await startEdge({
            upstream: waline,
            files: (path) => {
              const name = /^\/client\/(waline\.(js|css))$/.exec(path)?.[1];
              return name
                ? {
                    body: readFileSync(join(clientDir, name)),
                    type: TYPES[name.endsWith('.js') ? '.js' : '.css'],
                  }
                : null;
            },
          })
        : null;
    if (walineEdge) closers.push(walineEdge.close);

    // (b): the fragment a static site generator would paste, fetched once, as at build time.
    const fragmentAnswer = await fetch(
      `${edge.url}/api/v1/threads/html?url=${encodeURIComponent(threadUrl)}&lang=en`,
    );
    const fragment = fragmentAnswer.ok ? await fragmentAnswer.text() : null;
    const embed = `<script src="${edge.url}/embed.js" async data-target="#comments" data-lang="en" data-url="${threadUrl}"></script>`;
    const pages = {
      '/widget.html': postPage({ comments: '<div id="comments"></div>', scripts: embed }),
      '/server-rendered.html': fragment
        ? postPage({ comments: `<div id="comments">${fragment}</div>`, scripts: embed })
        : null,
      '/waline.html': walineEdge
        ? postPage({
            head: `<link rel="stylesheet" href="${walineEdge.url}/client/waline.css">`,
            comments: '<div id="comments"></div>',
            // Waline's documented embed (waline.js, the full build), served from loopback; the options
            // that would reach the internet (emoji from a CDN, GIF search) are off.
            scripts: `<script type="module">
import { init } from '${walineEdge.url}/client/waline.js';
init({ el: '#comments', serverURL: '${walineEdge.url}', path: '${threadPath}', lang: 'en', emoji: false, search: false, reaction: false, pageview: false, comment: false });
</script>`,
          })
        : null,
    };
    const blog = await new Promise((resolve, reject) => {
      const server = createServer((req, res) => {
        const body = pages[new URL(req.url ?? '/', 'http://x').pathname];
        if (body) send(req, res, 200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' }, body);
        else send(req, res, 404, { 'content-type': 'text/plain' }, Buffer.from('not found'));
      });
      server.on('error', reject);
      server.listen(blogPort, '127.0.0.1', () => resolve(server));
    });
    closers.push(() => /** @type {import('node:http').Server} */ (blog).close());
    const blogUrl = `http://127.0.0.1:${blogPort}`;

    const scenarios = [
      {
        key: 'widget',
        name: '(a) Causerie widget',
        path: '/widget.html',
        selector: '[data-testid="comment"]',
        like: true,
      },
      {
        key: 'serverRendered',
        name: '(b) Causerie, server-rendered container',
        path: '/server-rendered.html',
        selector: '[data-testid="comment"], article',
        like: true,
        missing: fragment ? null : `GET /threads/html answered ${fragmentAnswer.status}`,
      },
      {
        key: 'waline',
        name: '(c) Waline client 3.15.2',
        path: '/waline.html',
        selector: '.wl-card-item',
        missing: walineEdge
          ? null
          : !waline
            ? "Waline's server is not running"
            : '@waline/client is not installed (npm run bench:install-waline)',
      },
    ];
    const browser = await launchChromium();
    /** @type {Record<string, any>} */
    const results = {};
    try {
      for (const scenario of scenarios) {
        if (scenario.missing) {
          log(`${scenario.name}: n/a (${scenario.missing})`);
          results[scenario.key] = { name: scenario.name, skipped: scenario.missing };
          continue;
        }
        const visits = [];
        try {
          for (let i = 0; i < runs; i++) {
            log(`${scenario.name}: cold visit ${i + 1}/${runs}`);
            visits.push(
              await visit(browser, `${blogUrl}${scenario.path}`, scenario.selector, !!scenario.like),
            );
          }
        } catch (err) {
          // One way failing leaves the others' figures: reported as n/a with the reason.
          const why = /** @type {Error} */ (err).message;
          log(`${scenario.name}: failed: ${why}`);
          results[scenario.key] = {
            name: scenario.name,
            skipped: `failed: ${why.slice(0, 300)}`,
            failed: true,
          };
          continue;
        }
        results[scenario.key] = {
          name: scenario.name,
          firstMs: median(visits.map((v) => v.firstMs)),
          afterBootMs: median(visits.map((v) => v.afterBootMs)),
          // The page's first paint: the floor of "first comment visible" (equal when server-rendered).
          fcpMs: median(visits.map((v) => v.fcpMs)),
          bytes: median(visits.map((v) => v.bytes)),
          requests: median(visits.map((v) => v.requests)),
          // Comments on the page once it settled: each system's first page (Waline's default is 10).
          shown: median(visits.map((v) => v.shown)),
          cls: Math.max(...visits.map((v) => v.cls)),
          // From the tap on a like (first intent) to the like showing; the CLS after the tap.
          interactionMs: median(visits.map((v) => v.interactionMs)),
          tapBytes: scenario.like ? median(visits.map((v) => v.tapBytes)) : null,
          clsAfterTap: visits.some((v) => v.clsAfterTap !== null)
            ? Math.max(...visits.map((v) => v.clsAfterTap ?? 0))
            : null,
          // The layout shifts' sources of every visit (empty when nothing moved).
          moved: [...new Set(visits.flatMap((v) => v.moved))],
          longTasks: Math.max(...visits.map((v) => v.longTasks)),
          longTaskMs: Math.max(...visits.map((v) => v.longTaskMs)),
          failedRequests: [...new Set(visits.flatMap((v) => v.failed))],
          // When the last of what the first render needs had arrived (the app and the page, or Waline's
          // client and its comments): the network's share of "first comment visible"; the rest is CPU.
          dataInMs: median(
            visits.map((v) => {
              const ends = ['app', 'thread', 'html', 'view', 'walineClient', 'walineComments']
                .map((name) => v.spans?.[name]?.[1])
                .filter((end) => typeof end === 'number');
              return ends.length ? Math.max(...ends) : null;
            }),
          ),
          spans: visits.map((v) => v.spans),
          runs: visits.map((v) => v.firstMs),
        };
      }
    } finally {
      await browser.close();
    }
    return { network: SLOW_PHONE, threadUrl, runs, results };
  } finally {
    for (const close of closers.reverse()) close();
  }
};

const cell = (value, unit = '') => (value === null || value === undefined ? 'n/a' : `${value}${unit}`);

/** The table `npm run bench` prints: one row per way of showing the thread. */
export const formatSlowPhone = (slow) => {
  const { rttMs, downKbps, upKbps, cpuSlowdown } = slow.network;
  const rows = Object.values(slow.results).map((r) =>
    r.skipped
      ? [r.name, 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a']
      : [
          r.name,
          cell(r.firstMs, ' ms'),
          r.afterBootMs === null
            ? 'no boot'
            : `${r.afterBootMs} ms (${(r.afterBootMs / rttMs).toFixed(1)} RTT)`,
          `${(r.bytes / 1024).toFixed(1)} KB`,
          String(r.requests),
          String(r.shown),
          cell(r.dataInMs, ' ms'),
          r.cls.toFixed(3),
          `${r.longTasks} (${r.longTaskMs} ms)`,
          r.interactionMs === null || r.interactionMs === undefined
            ? 'n/a'
            : `${r.interactionMs} ms, +${((r.tapBytes ?? 0) / 1024).toFixed(1)} KB (CLS after ${(r.clsAfterTap ?? 0).toFixed(3)})`,
        ],
  );
  const head = [
    '',
    'first comment visible',
    'after the boot ran',
    'bytes (wire)',
    'requests',
    'comments shown',
    'page data in',
    'CLS',
    'long tasks',
    'first interaction (tap on Like → shown)',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (row) => row.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [
    `Slow phone (${rttMs} ms RTT, ${downKbps / 1000} Mbps down, ${upKbps} kbps up, CPU ${cpuSlowdown}× slower), ${slow.runs} cold visit(s), median; 200-comment thread`,
    line(head),
    ...rows.map(line),
  ].join('\n');
};
