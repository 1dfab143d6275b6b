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

/** Sum of layout-shift entries without recent input (web.dev/articles/cls), observed from the first paint. */
const observeShifts = (page: Page) =>
  page.addInitScript(() => {
    const w = window as unknown as { shifts: number; shiftSources: string[] };
    w.shifts = 0;
    w.shiftSources = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<{
        value: number;
        hadRecentInput: boolean;
        sources?: Array<{ node?: Node }>;
      }>) {
        if (entry.hadRecentInput) continue;
        w.shifts += entry.value;
        for (const source of entry.sources ?? [])
          w.shiftSources.push(String((source.node as Element | undefined)?.nodeName));
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });

/** Scrolls down a screen at a time, as a reader does, to the bottom of the page. */
const readToTheEnd = async (page: Page) => {
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(800);
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
      await toBeVisible(page.getByRole('form', { name: 'Laisser un commentaire' }));
      const { shifts, sources } = await page.evaluate(() => {
        const w = window as unknown as { shifts: number; shiftSources: string[] };
        return { shifts: w.shifts, sources: w.shiftSources };
      });
      console.info(`CLS on / at ${width} px: ${shifts} ${sources.join(' ')}`);
      expect(shifts).toBe(0);
      await context.close();
    });
  }

  it('shifts nothing when the thread is in view from the start (eager, empty thread)', async () => {
    const { page, context } = await newReader(browser, { viewport: { width: 1280, height: 900 } });
    await observeShifts(page);
    await page.goto(`${baseUrl}/test/thread.html?id=e2e-cls&loading=eager`);
    await toBeVisible(page.getByRole('form', { name: 'Laisser un commentaire' }));
    await page.waitForTimeout(800);
    const shifts = await page.evaluate(() => (window as unknown as { shifts: number }).shifts);
    console.info(`CLS on an eager empty thread: ${shifts}`);
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
