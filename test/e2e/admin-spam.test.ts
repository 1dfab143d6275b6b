/**
 * The spam pipeline as the owner sees it, in real Chromium against `wrangler dev`: why a held comment
 * waits, on its queue item, and the Spam section's figures, both free of axe-core violations.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';

const baseUrl = inject('baseUrl');
const TOKEN = 'e2e-admin-token';
const run = Date.now().toString(36);

const violations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );

let browser: Browser;
let page: Page;
let held: { id: string; status: string };

beforeAll(async () => {
  const response = await fetch(`${baseUrl}/api/v1/comments`, {
    method: 'POST',
    headers: { Origin: baseUrl, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      url: `${baseUrl}/spam-e2e-${run}`,
      body: `Deals ${run}: https://a.example https://b.example https://c.example https://d.example`,
    }),
  });
  expect(response.status).toBe(201);
  held = ((await response.json()) as { comment: { id: string; status: string } }).comment;
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1024, height: 900 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('the spam pipeline in the admin page', () => {
  it('says on the held comment which check held it and why', async () => {
    expect(held.status).toBe('pending');
    await page.goto(`${baseUrl}/admin/`);
    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The home is the dashboard (issue 16): open the queue.
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Comments', exact: true })
      .click();
    const reasons = page.locator(`[data-id="${held.id}"] [data-testid="spam-reasons"]`);
    await reasons.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await reasons.locator('.spam-why').first().textContent()).toBe('Held by rules: 4 links (limit 3)');
    expect(await violations(page)).toEqual([]);
  });

  it('shows the Spam section: the filter learning, and today held vs published', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Spam', exact: true }).click();
    const filter = page.getByTestId('spam-filter');
    await filter.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await filter.textContent()).toMatch(/still learning|is active/);
    const today = page
      .getByTestId('spam-days')
      .getByRole('row', { name: new Date().toISOString().slice(0, 10) });
    await today.waitFor({ state: 'visible', timeout: 10_000 });
    // The day's held count includes the comment above; its "Why" names the rules check.
    const cells = await today.getByRole('cell').allTextContents();
    expect(Number(cells[1])).toBeGreaterThanOrEqual(1);
    expect(cells[3]).toMatch(/rules \d+/);
    await page.screenshot({ path: '/tmp/causerie-admin-spam.png', fullPage: true });
    expect(await violations(page)).toEqual([]);
  });
});
