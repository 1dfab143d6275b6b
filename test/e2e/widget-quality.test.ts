import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { newReader, seedComment, textOf, toBeVisible, toHaveCount } from '../support/widget-e2e.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync('test-results', { recursive: true });
  // Something to look at and to check: a thread with a reply, on the dark page.
  const parent = await seedComment(baseUrl, {
    url: `${baseUrl}/dark`,
    body: 'Très vrai, *la nuit* tout change.',
    name: 'Dominique',
  });
  await seedComment(baseUrl, {
    url: `${baseUrl}/dark`,
    body: 'Surtout les modérateurs.',
    name: 'Sacha',
    parentId: parent.id,
  });
});
afterAll(async () => {
  await browser?.close();
});

interface ShiftWindow {
  shifts: number;
  shiftSources: string[];
  /** Layout-shift entries seen, counted even when their value is 0 or they follow input. */
  shiftEntries: number;
  /** Adds the entries the browser has measured but not yet delivered to the observer (takeRecords). */
  takeShifts: () => void;
  scrollEnded?: Promise<void>;
}

/** Sum of layout-shift entries without recent input (web.dev/articles/cls), observed from the first paint. */
const observeShifts = (page: Page) =>
  page.addInitScript(() => {
    const w = window as unknown as ShiftWindow;
    w.shifts = 0;
    w.shiftSources = [];
    w.shiftEntries = 0;
    const add = (entries: PerformanceEntryList) => {
      for (const entry of entries as unknown as Array<{
        value: number;
        hadRecentInput: boolean;
        sources?: Array<{ node?: Node }>;
      }>) {
        w.shiftEntries++;
        if (entry.hadRecentInput) continue;
        w.shifts += entry.value;
        for (const source of entry.sources ?? [])
          w.shiftSources.push(String((source.node as Element | undefined)?.nodeName));
      }
    };
    const observer = new PerformanceObserver((list) => add(list.getEntries()));
    observer.observe({ type: 'layout-shift', buffered: true });
    w.takeShifts = () => add(observer.takeRecords());
  });

/**
 * Scrolls down a screen at a time, as a reader does, to the bottom of the page: each step waits for the
 * browser's `scrollend`, and the bottom is read again each time (the page may grow as the thread arrives).
 */
const readToTheEnd = async (page: Page) => {
  for (let step = 0; step < 40; step++) {
    const atEnd = await page.evaluate(() => {
      const w = window as unknown as ShiftWindow;
      if (scrollY + innerHeight >= document.documentElement.scrollHeight - 1) return true;
      w.scrollEnded = new Promise((resolve) =>
        addEventListener('scrollend', () => resolve(), { once: true }),
      );
      return false;
    });
    if (atEnd) return;
    await page.mouse.wheel(0, 600);
    await page.evaluate(() => (window as unknown as ShiftWindow).scrollEnded);
  }
  throw new Error('still not at the bottom of the page after 40 screens');
};

/**
 * The total layout shift once the thread has settled: its form is visible (so the thread has rendered),
 * then animation frames go by until two in a row add no layout-shift entry and change neither the
 * thread's height nor the page's. Entries of the last frames are taken from the observer's buffer, not
 * left to a delivery that could come after the reading.
 */
const shiftsOnceSettled = async (page: Page) => {
  await toBeVisible(page.getByRole('form', { name: 'Laisser un commentaire' }));
  return page.evaluate(
    () =>
      new Promise<{ shifts: number; sources: string[]; frames: number }>((resolve, reject) => {
        const w = window as unknown as ShiftWindow;
        const thread = document.querySelector('#comments') as Element;
        let last = '';
        let calm = 0;
        let frames = 0;
        const frame = () => {
          w.takeShifts();
          const now = `${thread.getBoundingClientRect().height} ${document.documentElement.scrollHeight} ${w.shiftEntries}`;
          calm = now === last ? calm + 1 : 0;
          last = now;
          frames++;
          if (calm >= 2) resolve({ shifts: w.shifts, sources: w.shiftSources, frames });
          else if (frames > 600) reject(new Error(`not settled after 600 frames: ${now}`));
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
};

describe('the widget on real pages', () => {
  it('renders and works under a hostile host stylesheet', async () => {
    const { page, errors, context } = await newReader(browser);
    await page.goto(`${baseUrl}/test/hostile.html`);
    const form = page.getByRole('form', { name: 'Laisser un commentaire' });
    await toBeVisible(form);
    const box = await page.locator('#comments').boundingBox();
    expect(box?.height).toBeGreaterThan(300);
    // Our fonts, not the page's 40px cursive.
    const size = await form
      .getByLabel('Commentaire', { exact: true })
      .evaluate((el) => getComputedStyle(el).fontSize);
    expect(size).toBe('16px');
    // The guest fields come with the rest of the form when the reader turns to it (components/comment-form.tsx).
    await form.getByLabel('Commentaire', { exact: true }).click();
    await form.getByLabel('Nom').fill('Robin');
    await form.getByLabel('Commentaire', { exact: true }).fill('Ça marche quand même.');
    await form.getByRole('button', { name: 'Publier le commentaire' }).click();
    await toHaveCount(page.getByTestId('comment'), 1);
    await toBeVisible(page.getByText('Ça marche quand même.'));
    await page.screenshot({ path: 'test-results/widget-hostile.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const width of [390, 1280]) {
    it(`shifts nothing on the French demo post while a reader scrolls to the comments (${width} px)`, async () => {
      const { page, context } = await newReader(browser, { viewport: { width, height: 800 } });
      await observeShifts(page);
      await page.goto(`${baseUrl}/`);
      await readToTheEnd(page);
      const { shifts, sources, frames } = await shiftsOnceSettled(page);
      console.info(
        `CLS on / at ${width} px: ${shifts} ${sources.join(' ')} (settled after ${frames} frames)`,
      );
      expect(shifts).toBe(0);
      await context.close();
    });
  }

  it('shifts nothing when the thread is in view from the start (eager, empty thread)', async () => {
    const { page, context } = await newReader(browser, { viewport: { width: 1280, height: 900 } });
    await observeShifts(page);
    await page.goto(`${baseUrl}/test/thread.html?id=e2e-cls&loading=eager`);
    const { shifts, frames } = await shiftsOnceSettled(page);
    console.info(`CLS on an eager empty thread: ${shifts} (settled after ${frames} frames)`);
    expect(shifts).toBe(0);
    await context.close();
  });

  const pages = [
    ['French post, light', '/', 'light'],
    ['French post, dark system theme', '/', 'dark'],
    ['dark page', '/dark.html', 'light'],
    ['English page', '/en.html', 'light'],
    ['single-page app', '/spa.html', 'light'],
    ['index with counts', '/index-with-counts.html', 'light'],
  ] as const;
  for (const [name, path, scheme] of pages) {
    it(`has no axe-core violations: ${name}`, async () => {
      const { page, context } = await newReader(browser, {
        colorScheme: scheme,
        viewport: { width: 1024, height: 800 },
      });
      await page.goto(`${baseUrl}${path}`);
      if (path !== '/index-with-counts.html') {
        await page.locator('#comments, [data-causerie]').first().scrollIntoViewIfNeeded();
        await toBeVisible(page.getByRole('form').first());
      } else {
        await expect.poll(() => textOf(page.locator('[data-causerie-count]').first())).toMatch(/\d/);
      }
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
      expect(summary).toEqual([]);
      await context.close();
    });
  }

  it('saves screenshots of the French demo in light and dark for people to look at', async () => {
    // A conversation to look at: a comment with a reply, on the French post (comment-flow copes).
    const root = await seedComment(baseUrl, {
      url: `${baseUrl}/`,
      body: 'Cinq ans d’expérience **minimum**, pour un métier qui en a dix : tout est dit.',
      name: 'Maëlle',
    });
    await seedComment(baseUrl, {
      url: `${baseUrl}/`,
      body: 'Et souvent sur des outils qui ont trois ans.',
      name: 'Karim',
      parentId: root.id,
    });
    for (const scheme of ['light', 'dark'] as const) {
      const { page, context } = await newReader(browser, {
        colorScheme: scheme,
        viewport: { width: 800, height: 900 },
      });
      await page.goto(`${baseUrl}/`);
      await page.locator('#comments').scrollIntoViewIfNeeded();
      await toBeVisible(page.getByRole('form', { name: 'Laisser un commentaire' }));
      await toBeVisible(page.getByText('Et souvent sur des outils'));
      await page.locator('.comments-area').screenshot({ path: `test-results/demo-fr-${scheme}.png` });
      await context.close();
    }
    const { page, context } = await newReader(browser, { viewport: { width: 360, height: 800 } });
    await page.goto(`${baseUrl}/dark`);
    await page.locator('#comments').scrollIntoViewIfNeeded();
    await toBeVisible(page.getByText('Surtout les modérateurs.'));
    // Nothing wider than a 360 px phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: 'test-results/demo-dark-360.png', fullPage: true });
    await context.close();
  });
});
