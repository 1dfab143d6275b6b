/**
 * The community manager's console in real Chromium against `wrangler dev`: every admin screen in English
 * and in French (the browser's language picks it), each with a screenshot in test-results/admin/ and
 * axe-core finding nothing; the dashboard showing what GET /admin/stats answers; and a held comment
 * moderated with the keyboard alone.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { strings as en } from '../../widget/src/admin/i18n/en.ts';
import { strings as fr } from '../../widget/src/admin/i18n/fr.ts';
import type { AdminStats } from '../../worker/types/api.ts';
import { launchChromium } from '../support/chromium.ts';

const baseUrl = inject('baseUrl');
const TOKEN = 'e2e-admin-token';
const run = Date.now().toString(36);
const pageUrl = `${baseUrl}/console-e2e-${run}`;
const SHOTS = 'test-results/admin';

const visible = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 10_000 });

const admin = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
  const response = await fetch(`${baseUrl}/api/v1/admin${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...init.headers },
  });
  return (await response.json()) as T;
};

const post = async (body: string) => {
  const response = await fetch(`${baseUrl}/api/v1/comments`, {
    method: 'POST',
    headers: { Origin: baseUrl, 'Content-Type': 'application/json' },
    body: JSON.stringify({ url: pageUrl, title: `Console e2e ${run}`, body, author: { name: 'Zoé' } }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { comment: { id: string; status: string } }).comment;
};

/** Too many links: the default rules hold it for moderation. */
const held = () =>
  post(
    `Held ${run} https://a.example https://b.example https://c.example https://d.example ${Math.random()}`,
  );

let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await post(`Bonjour ${run}`);
  await post(`Encore ${run}`);
  await held();
  const like = await fetch(`${baseUrl}/api/v1/threads/like`, {
    method: 'POST',
    headers: { Origin: baseUrl, 'Content-Type': 'application/json' },
    body: JSON.stringify({ url: pageUrl, reader: `console-reader-${run}` }),
  });
  expect(like.status).toBe(200);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** axe-core on the page as it is now: every rule, inside the page and its shadow roots. */
const violations = async (page: Page) => {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
};

describe.each([
  ['en', 'en-US', en],
  ['fr', 'fr-FR', fr],
] as const)('every admin screen in %s', (lang, locale, t) => {
  let context: BrowserContext;
  let page: Page;
  const checked: string[] = [];

  /** A screenshot for the test output, and axe's findings. */
  const check = async (name: string) => {
    await page.screenshot({ path: `${SHOTS}/${lang}-${name}.png`, fullPage: true });
    checked.push(name);
    expect({ screen: name, violations: await violations(page) }).toEqual({ screen: name, violations: [] });
  };
  const open = async (section: keyof typeof t.sections) => {
    const tab = page.getByRole('navigation').getByRole('button', { name: t.sections[section], exact: true });
    await tab.click();
    await expect.poll(() => tab.getAttribute('aria-current')).toBe('page');
    await expect.poll(() => page.getByText(t.loading).count()).toBe(0);
  };

  beforeAll(async () => {
    // A context of its own: a fresh localStorage, and the browser's language as the owner's.
    context = await browser.newContext({ locale, viewport: { width: 1100, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (err) => errors.push(err.message));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('signs in, in the browser’s language', async () => {
    await page.goto(`${baseUrl}/admin/`);
    await visible(page.getByRole('heading', { level: 1, name: t.title }));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await check('sign-in');
    await page.getByLabel(t.tokenLabel).fill(TOKEN);
    await page.getByRole('button', { name: t.tokenSubmit }).click();
    await visible(page.getByRole('heading', { level: 2, name: t.sections.dashboard }));
  });

  it('shows the dashboard from GET /admin/stats, its charts and their tables', async () => {
    await visible(page.getByText(t.dashboard.pending, { exact: true }));
    await expect.poll(() => page.getByText(t.loading).count()).toBe(0);
    const stats = await admin<AdminStats>('/stats?days=30');
    const pending = page.locator('.figures > div').filter({ hasText: t.dashboard.pending });
    expect(await pending.locator('.figure').textContent()).toBe(
      new Intl.NumberFormat(lang).format(stats.pending),
    );
    const chart = page.getByRole('region', { name: t.dashboard.commentsChart, exact: true });
    const published = stats.days.reduce((sum, day) => sum + day.published, 0);
    expect(await chart.getByRole('img').getAttribute('aria-label')).toContain(
      `${t.dashboard.published} ${new Intl.NumberFormat(lang).format(published)}`,
    );
    await check('dashboard');
    for (const button of await page.getByRole('button', { name: t.dashboard.tableView }).all())
      await button.click();
    const today = new Date().toISOString().slice(0, 10);
    const row = chart.locator('tr').filter({ has: page.locator(`time[datetime="${today}"]`) });
    const todays = stats.days.find((day) => day.date === today);
    expect(await row.locator('td').allTextContents()).toEqual(
      [todays?.published, todays?.held, todays?.spam].map((n) => new Intl.NumberFormat(lang).format(n ?? 0)),
    );
    await check('dashboard-tables');
    // Back to the charts for the year: its bars sum weeks (the tables are the same component as above).
    for (const button of await page.getByRole('button', { name: t.dashboard.tableView }).all())
      await button.click();
    await page.getByRole('button', { name: t.dashboard.lastDays(365) }).click();
    await expect
      .poll(() => chart.getByRole('img').getAttribute('aria-label'))
      .toContain(t.dashboard.perWeek(365));
    await check('dashboard-365');
  });

  it('shows the queue, its help and a reply form', async () => {
    await open('queue');
    await visible(page.getByTestId('admin-comment').first());
    await check('queue');
    await page.getByRole('button', { name: t.shortcutsButton }).click();
    await visible(page.getByRole('dialog', { name: t.shortcutsHeading }));
    await check('queue-help');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: new RegExp(`^${t.status.approved}`) }).click();
    const first = page.getByTestId('admin-comment').first();
    await visible(first);
    await first.getByRole('button', { name: t.reply, exact: true }).click();
    await visible(page.getByLabel(t.replyBody));
    await check('queue-reply');
    await page.keyboard.press('Escape');
  });

  for (const section of ['threads', 'bans', 'settings', 'transfer', 'audit', 'mail'] as const) {
    it(`shows ${section}`, async () => {
      await open(section);
      await check(section);
    });
  }

  it('walked every screen', () => {
    expect(checked).toEqual([
      'sign-in',
      'dashboard',
      'dashboard-tables',
      'dashboard-365',
      'queue',
      'queue-help',
      'queue-reply',
      'threads',
      'bans',
      'settings',
      'transfer',
      'audit',
      'mail',
    ]);
    expect(errors).toEqual([]);
  });
});

describe('the queue with the keyboard alone', () => {
  it('approves a held comment with j/k and a, the focus staying in the list', async () => {
    const comment = await held();
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin/`);
    await page.getByLabel(en.tokenLabel).fill(TOKEN);
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { level: 2, name: en.sections.dashboard }));
    // Tab to the navigation's "Comments" and press it: no mouse anywhere.
    const tab = page.getByRole('navigation').getByRole('button', { name: en.sections.queue, exact: true });
    for (let i = 0; i < 20 && !(await tab.evaluate((el) => el === document.activeElement)); i += 1) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    const item = page.locator(`[data-id="${comment.id}"]`);
    await visible(item);
    // j then k: into the list, on its first comment (the newest); then j down to ours, and a approves it.
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const items = page.getByTestId('admin-comment');
    const index = (await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-id')))).indexOf(
      comment.id,
    );
    for (let i = 0; i < index; i += 1) await page.keyboard.press('j');
    expect(await item.getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('a');
    await item.waitFor({ state: 'detached' });
    const approved = await admin<{ comments: Array<{ id: string }> }>(
      `/comments?status=approved&q=${encodeURIComponent(`Held ${run}`)}`,
    );
    expect(approved.comments.map((c) => c.id)).toContain(comment.id);
    // The focus is on a comment of the list again, ready for the next key.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('admin-comment');
    await context.close();
  });
});
