// The widget as a reader gets it: compressed sizes of what the page loads, and in Chromium the time from
// navigation to comments on screen, Cumulative Layout Shift, and long tasks while it mounts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Shared with the end-to-end tests: Debian's Chromium with the flags that work here (Node 24 strips types).
const { launchChromium } = await import('../../test/support/chromium.ts');

/**
 * Raw, gzip (level 9) and brotli (quality 11) bytes of every JS and CSS file in `dist/`: what a CDN serves.
 * @param {string} dir
 * @returns {Record<string, { raw: number, gzip: number, brotli: number }>}
 */
export const assetSizes = (dir = 'dist') => {
  /** @type {Record<string, { raw: number, gzip: number, brotli: number }>} */
  const sizes = {};
  const walk = (sub) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (/\.(m?js|css)$/.test(entry.name)) {
        const bytes = readFileSync(join(dir, rel));
        sizes[rel] = {
          raw: bytes.length,
          gzip: gzipSync(bytes, { level: 9 }).length,
          brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
        };
      }
    }
  };
  walk('');
  return sizes;
};

// Runs in the page before any of its scripts: layout shifts and long tasks from the very start.
const OBSERVERS = () => {
  const w = /** @type {any} */ (window);
  w.__bench = { cls: 0, shifts: 0, longTasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const shift = /** @type {any} */ (entry);
      // Shifts right after input are expected by users and excluded from CLS (web.dev/articles/cls).
      if (!shift.hadRecentInput) {
        w.__bench.cls += shift.value;
        w.__bench.shifts++;
      }
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__bench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
};

/**
 * @typedef {{ ms: number, comments: number, cls: number, layoutShifts: number, longTasks: number,
 *   longTaskMs: number, cache: string }} Visit
 */

/**
 * Opens `url`, waits for the first comment inside the widget's shadow root, lets the page settle, and reads
 * the observers. Also records which same-origin JS/CSS files the page loaded (the widget's real payload).
 * @param {import('playwright-core').Page} page
 * @param {string} url
 * @param {Set<string>} loaded
 * @returns {Promise<Visit>}
 */
const visit = async (page, url, loaded) => {
  let cache = 'unknown';
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (/\.(m?js|css)$/.test(path)) loaded.add(path.slice(1));
    if (path === '/api/v1/threads') cache = response.headers()['x-cache'] ?? 'miss (no KV cache header)';
  });
  const start = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  // Playwright locators pierce open shadow roots.
  await page.getByTestId('comment').first().waitFor({ state: 'visible', timeout: 30_000 });
  const ms = Date.now() - start;
  // Layout shifts after first paint of the comments (images, fonts, late styles) count too.
  await page.waitForTimeout(800);
  const comments = await page.getByTestId('comment').count();
  const observed = await page.evaluate(() => /** @type {any} */ (window).__bench);
  return {
    ms,
    comments,
    cls: observed.cls,
    layoutShifts: observed.shifts,
    longTasks: observed.longTasks.length,
    longTaskMs: observed.longTasks.reduce((a, b) => a + b, 0),
    cache,
  };
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

/**
 * Cold: a new browser context (empty HTTP cache) after `beforeCold()` emptied the KV page (a write does);
 * warm: a second visit in the same context (HTTP cache and KV page both warm).
 * @param {{ pageUrl: string, runs: number, beforeCold?: () => Promise<void> }} options
 */
export const measureWidget = async ({ pageUrl, runs, beforeCold = async () => {} }) => {
  const browser = await launchChromium();
  /** @type {Visit[]} */
  const cold = [];
  /** @type {Visit[]} */
  const warm = [];
  const loaded = new Set();
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(OBSERVERS);
      try {
        await beforeCold();
        cold.push(await visit(await context.newPage(), pageUrl, loaded));
        warm.push(await visit(await context.newPage(), pageUrl, loaded));
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  const summary = (visits) => ({
    ms: median(visits.map((v) => v.ms)),
    comments: median(visits.map((v) => v.comments)),
    cls: Math.max(...visits.map((v) => v.cls)),
    layoutShifts: Math.max(...visits.map((v) => v.layoutShifts)),
    longTasks: Math.max(...visits.map((v) => v.longTasks)),
    longTaskMs: Math.max(...visits.map((v) => v.longTaskMs)),
    cache: visits[0]?.cache ?? 'unknown',
    runs: visits.map((v) => v.ms),
  });
  return { cold: summary(cold), warm: summary(warm), loadedFiles: [...loaded].sort() };
};
