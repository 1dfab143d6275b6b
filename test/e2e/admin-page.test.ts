/**
 * The owner's admin page in real Chromium against `wrangler dev`: token, queue, approve, pin, search,
 * lock a thread, ban through a comment (and lift it: every e2e request shares one IP, which that ban
 * includes), and a wrong token.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';

const baseUrl = inject('baseUrl');
const TOKEN = 'e2e-admin-token';
const run = Date.now().toString(36);
const pageUrl = `${baseUrl}/admin-e2e-${run}`;

const toBeVisible = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 10_000 });
const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';

/** Opens one of the page's sections from its navigation. */
const section = (name: string) =>
  page.getByRole('navigation').getByRole('button', { name, exact: true }).click();

const admin = (path: string, init: RequestInit = {}) =>
  fetch(`${baseUrl}/api/v1/admin${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...init.headers },
  });

const post = async (body: string, author?: { name: string; email: string }, url = pageUrl) => {
  const response = await fetch(`${baseUrl}/api/v1/comments`, {
    method: 'POST',
    headers: { Origin: baseUrl, 'Content-Type': 'application/json' },
    body: JSON.stringify({ url, title: `Admin e2e ${run}`, body, ...(author && { author }) }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { comment: { id: string; status: string } }).comment;
};

const readerThread = async () => {
  const response = await fetch(`${baseUrl}/api/v1/threads?url=${encodeURIComponent(pageUrl)}`);
  return (await response.json()) as {
    thread: { locked: boolean };
    comments: Array<{ id: string; pinned: boolean }>;
  };
};

let browser: Browser;
let context: BrowserContext;
let page: Page;
const otherOrigins: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  // global-setup runs `npm run build`: without the admin build in it, say so rather than time out below.
  const served = await fetch(`${baseUrl}/admin/`);
  if (!served.ok) {
    throw new Error(
      'no dist/admin: `npm run build` must also run `vite build --config widget/vite.admin.config.ts`',
    );
  }
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  page = await context.newPage();
  page.on('request', (request) => {
    if (!request.url().startsWith(baseUrl)) otherOrigins.push(request.url());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  // "Delete", "Erase" and "Ban author" ask first: say yes.
  page.on('dialog', (dialog) => void dialog.accept());
});

afterAll(async () => {
  // Whatever happened above, leave no ban behind: later files post from the same IP.
  const bans = (await (await admin('/bans')).json()) as { bans: Array<{ id: string }> };
  for (const ban of bans.bans) await admin(`/bans/${ban.id}`, { method: 'DELETE' });
  await browser?.close();
});

describe('the admin page', () => {
  let approved: { id: string };
  let held: { id: string; status: string };

  it('is served at /admin and asks for the token', async () => {
    approved = await post(`First thoughts ${run}, nothing to hold.`, {
      name: 'Bao',
      email: `bao-${run}@example.com`,
    });
    held = await post(
      `Held ${run}: https://one.example https://two.example https://three.example https://four.example`,
    );
    expect(held.status).toBe('pending');

    await page.goto(`${baseUrl}/admin`);
    expect(new URL(page.url()).pathname).toBe('/admin/');
    await page.getByLabel('Admin token').fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await toBeVisible(page.getByText('This token was refused'));

    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The home is the dashboard (issue 16); this file works in the queue.
    await section('Comments');
    await toBeVisible(page.getByRole('heading', { name: 'Comments', exact: true }));
    expect(await page.evaluate(() => sessionStorage.getItem('causerie-admin-token'))).toBe(TOKEN);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });

  it('shows the pending queue first, and approving sends the comment to readers', async () => {
    const pending = page.getByRole('button', { name: /^Pending \d+$/ });
    expect(await pending.getAttribute('aria-pressed')).toBe('true');
    const item = page.locator(`[data-id="${held.id}"]`);
    await toBeVisible(item);
    expect(await textOf(item)).toContain(`Held ${run}`);
    expect((await readerThread()).comments.map((c) => c.id)).not.toContain(held.id);

    await item.getByRole('button', { name: 'Approve' }).click();
    await toBeVisible(page.getByRole('status').getByText('Comment approved.'));
    await item.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await readerThread()).comments.map((c) => c.id), { timeout: 10_000 })
      .toContain(held.id);
  });

  it('searches the approved comments and pins one', async () => {
    await page.getByRole('button', { name: /^Approved \d+$/ }).click();
    await page.getByLabel('Search comments').fill(`First thoughts ${run}`);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await toBeVisible(page.getByRole('status').getByText('1 comment'));
    const items = page.getByTestId('admin-comment');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().getAttribute('data-id')).toBe(approved.id);

    await items.first().getByRole('button', { name: 'Pin' }).click();
    await toBeVisible(page.getByRole('status').getByText('Comment pinned.'));
    await toBeVisible(items.first().getByRole('button', { name: 'Unpin' }));
    await expect
      .poll(async () => (await readerThread()).comments.find((c) => c.id === approved.id)?.pinned)
      .toBe(true);
  });

  it('bans the author through the comment, then lifts the bans', async () => {
    const item = page.locator(`[data-id="${approved.id}"]`);
    await item.getByRole('button', { name: 'Ban author' }).click();
    await toBeVisible(page.getByRole('status').getByText(/Author banned \(.*E-mail/));

    await section('Bans');
    const bans = page.getByTestId('ban');
    await toBeVisible(bans.filter({ hasText: `bao-${run}@example.com` }));
    while ((await bans.count()) > 0) {
      const before = await bans.count();
      await bans.first().getByRole('button', { name: /^Lift/ }).click();
      await expect.poll(() => bans.count()).toBe(before - 1);
    }
    const left = (await (await admin('/bans')).json()) as { bans: unknown[] };
    expect(left.bans).toEqual([]);
  });

  it('locks the thread from the thread list', async () => {
    await section('Threads');
    const row = page.getByTestId('admin-thread').filter({ hasText: `Admin e2e ${run}` });
    await toBeVisible(row);
    await row.getByRole('button', { name: 'Lock' }).click();
    await toBeVisible(row.getByRole('button', { name: 'Unlock' }));
    await expect.poll(async () => (await readerThread()).thread.locked).toBe(true);
  });

  it('moderates from the keyboard: j to the next comment, s for spam', async () => {
    // Another page: the first one is locked now.
    const keysUrl = `${pageUrl}-keys`;
    const first = await post(
      `Keys ${run} one https://1.example https://2.example https://3.example https://4.example`,
      undefined,
      keysUrl,
    );
    const second = await post(
      `Keys ${run} two https://1.example https://2.example https://3.example https://4.example`,
      undefined,
      keysUrl,
    );
    await section('Comments');
    await page.getByRole('button', { name: /^Pending \d+$/ }).click();
    await page.getByLabel('Search comments').fill(`Keys ${run}`);
    await page.keyboard.press('Enter');
    const items = page.getByTestId('admin-comment');
    await expect.poll(() => items.count()).toBe(2);
    // Newest first: the second comment is on top.
    expect(await items.first().getAttribute('data-id')).toBe(second.id);
    await page.locator('h1').click(); // out of the search field: keys typed there are text
    await page.keyboard.press('j');
    expect(await items.nth(1).getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('s');
    await toBeVisible(page.getByRole('status').getByText('Comment marked as spam.'));
    await expect.poll(() => items.count()).toBe(1);
    const spam = (await (
      await admin(`/comments?status=spam&q=${encodeURIComponent(`Keys ${run}`)}`)
    ).json()) as {
      comments: Array<{ id: string }>;
    };
    expect(spam.comments.map((c) => c.id)).toEqual([first.id]);
  });

  it('has no axe-core violations on the queue', async () => {
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });

  it('downloads the export and imports it back (nothing new: the import is idempotent)', async () => {
    await section('Import / export');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download export' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^causerie-export-\d{4}-\d\d-\d\d\.json$/);
    const path = await download.path();
    const file = JSON.parse(await readFile(path, 'utf8')) as {
      format: string;
      threads: Array<{ url: string }>;
    };
    expect(file.format).toBe('causerie-export');
    expect(file.threads.map((t) => t.url)).toContain(pageUrl);

    await page.getByLabel('Format').selectOption('causerie');
    await page.getByLabel('File').setInputFiles(path);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = page.getByTestId('import-summary');
    await toBeVisible(summary);
    expect(await textOf(summary)).toMatch(/Imported 0 threads and 0 comments; \d+ skipped\./);
  });

  it('lists what was done in the audit log, and stays on its own origin', async () => {
    await section('Audit log');
    const entries = page.getByTestId('audit-entry');
    await toBeVisible(entries.filter({ hasText: 'thread.update' }).first());
    expect(await textOf(page.locator('main'))).toContain('comment.pin');
    expect(otherOrigins).toEqual([]);
    expect(errors).toEqual([]);
  });
});
