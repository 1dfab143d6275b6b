/**
 * Issue 17, item 3, in real Chromium against `wrangler dev`: the demo's recent-comments sidebar
 * (demo/recent.html: `<div data-causerie-recent data-limit="5">` and /recent.js) lists the site's newest
 * comments as text, in the page's language, each linking its comment; accessible (axe) and themed by the
 * page's custom properties.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { newReader, seedComment } from '../support/widget-e2e.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the recent-comments embed on the demo page', () => {
  it('lists the newest comments as text, linked to their page, in French, accessible and themed', async () => {
    const marker = `recent-${Date.now().toString(36)}`;
    const url = `${baseUrl}/test/thread.html`;
    const seeded = await seedComment(baseUrl, {
      url,
      id: `e2e-${marker}`,
      name: 'Zoé <b>',
      body: `**${marker}** <img src=x onerror="window.pwned=1"> fin`,
    });
    const { page, context, errors } = await newReader(browser);
    await page.goto(`${baseUrl}/recent.html`);
    const list = page.getByRole('list', { name: 'Commentaires récents' });
    await list.waitFor();
    // Newest first: the comment just written leads the list.
    const first = list.getByRole('listitem').first();
    expect(await first.textContent()).toContain(marker);
    expect(await list.getByRole('listitem').count()).toBeLessThanOrEqual(5);
    const link = first.getByRole('link');
    expect(await link.getAttribute('href')).toBe(`${url}#comment-${seeded.id}`);
    expect(await first.locator('small').textContent()).toMatch(/^Zoé <b> sur /);
    // Text only: none of the comment's markup is in the page, and nothing of it ran.
    expect(await first.locator('strong, img, b').count()).toBe(0);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    // The owner's fallback is gone once there is a list; the page's custom property themes the links.
    expect(await page.getByText('Pas encore de commentaire.').count()).toBe(0);
    expect(await link.evaluate((a) => getComputedStyle(a).color)).toBe('rgb(43, 108, 176)');
    const axe = await new AxeBuilder({ page }).include('aside').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
