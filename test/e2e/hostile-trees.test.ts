/**
 * Issue 11, item 1, in real Chromium against `wrangler dev`: a chain of 250 nested replies and a root with
 * 700 replies of 10,000 characters, beside an ordinary root. Every root shows (the chain on the second page
 * of roots: a page stops after 200 rows of trees, API.md "GET /threads"), the chain renders flat past
 * the indentation cap (it overflowed the stack at ~215 before), "Show more replies" loads the rest of a tree
 * by cursor, no error reaches the page, and the first GET /threads stays small whatever the trees' size.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { newReader, textOf, toBeVisible, toHaveCount } from '../support/widget-e2e.ts';

const baseUrl = inject('baseUrl');
const pageUrl = `${baseUrl}/test/hostile-trees`;
const CHAIN = 250;
const WIDE = 700;
/** What the worker may send for a page of this thread, measured in the browser (API.md: ~256 KiB). */
const FIRST_PAGE_BYTES = 300 * 1024;

let browser: Browser;

interface FileComment {
  id: string;
  parentId: string | null;
  body: string;
  name: string;
}

/** One thread in the Causerie export format, the comments in creation order (a second apart). */
const exportFile = (comments: FileComment[]) =>
  JSON.stringify({
    format: 'causerie-export',
    version: 1,
    threads: [
      {
        url: pageUrl,
        title: 'Arbres hostiles',
        comments: comments.map(({ name, ...c }, i) => ({
          ...c,
          importKey: null,
          status: 'approved',
          author: { name },
          createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
        })),
      },
    ],
  });

/**
 * An ordinary root first, then the wide tree (so the first page carries it: the page's byte budget is what
 * is measured), then the chain, which the page's bound of rows pushes to the next page of roots.
 */
const trees = (): FileComment[] => {
  const comments: FileComment[] = [{ id: 'ht-other', parentId: null, body: 'Un autre fil', name: 'Autre' }];
  comments.push({ id: 'ht-wide', parentId: null, body: 'La racine large', name: 'Large' });
  for (let i = 1; i <= WIDE; i++)
    comments.push({
      id: `ht-wide-${i}`,
      parentId: 'ht-wide',
      body: `Réponse ${i}`.padEnd(10_000, ' bla'),
      name: `w${i}`,
    });
  comments.push({ id: 'ht-chain-0', parentId: null, body: 'Maillon 0', name: 'm0' });
  for (let i = 1; i <= CHAIN; i++)
    comments.push({
      id: `ht-chain-${i}`,
      parentId: `ht-chain-${i - 1}`,
      body: `Maillon ${i}`,
      name: `m${i}`,
    });
  return comments;
};

beforeAll(async () => {
  browser = await launchChromium();
  const response = await fetch(`${baseUrl}/api/v1/admin/import?format=causerie`, {
    method: 'POST',
    headers: { Authorization: 'Bearer e2e-admin-token', 'Content-Type': 'application/json' },
    body: exportFile(trees()),
  });
  const summary = (await response.json()) as { comments: number; errors: unknown[] };
  expect(response.status, JSON.stringify(summary)).toBe(200);
  expect(summary).toMatchObject({ comments: CHAIN + 1 + WIDE + 1 + 1, errors: [] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

const comment = (page: Page, id: string) => page.locator(`[data-comment-id="${id}"]`);

/** How many comments enclose this one: the depth at which it is drawn. */
const nesting = (locator: Locator) =>
  locator.evaluate((element) => {
    let n = 0;
    for (let at = element.parentElement?.closest('article'); at; at = at.parentElement?.closest('article'))
      n++;
    return n;
  });

/** The "Show more replies" button of a root (only roots have one), whatever it says at the moment. */
const moreOf = (root: Locator) =>
  root.getByRole('button', { name: /^(Afficher plus de réponses|Chargement…|Réessayer)$/ });

describe('hostile reply trees in the browser', () => {
  it('shows every root, the deep chain flat past the cap, and loads the rest of a tree by cursor', async () => {
    const { page, context, errors } = await newReader(browser);
    // The first page comes as HTML (issue 15), its JSON island the very page GET /threads answers: that
    // page's size is what is bounded.
    const firstPage = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/threads/html');
    await page.goto(`${baseUrl}/test/thread.html?url=${encodeURIComponent(pageUrl)}&loading=eager`);
    await firstPage;
    const json = await fetch(`${baseUrl}/api/v1/threads?url=${encodeURIComponent(pageUrl)}&sort=oldest`);
    const bytes = (await json.arrayBuffer()).byteLength;
    console.info(`first GET /threads: ${bytes} B`);
    expect(bytes).toBeLessThan(FIRST_PAGE_BYTES);
    expect(bytes).toBeGreaterThan(10 * 10_000); // the wide tree's first ten replies were on it

    await toBeVisible(comment(page, 'ht-other'));
    await toBeVisible(comment(page, 'ht-wide'));
    // The next roots, as a reader gets them: the page was full with the wide tree's rows.
    const moreRoots = page.getByRole('button', { name: 'Afficher plus de commentaires' });
    for (let clicks = 0; (await comment(page, 'ht-chain-0').count()) === 0; clicks++) {
      expect(clicks, 'the chain never shows').toBeLessThan(5);
      await moreRoots.click();
      await expect.poll(() => textOf(moreRoots)).not.toBe('Chargement…');
    }

    // The chain: its first replies, then the rest by cursor, until the button goes.
    const chain = comment(page, 'ht-chain-0');
    const more = moreOf(chain);
    for (let clicks = 0; (await more.count()) > 0; clicks++) {
      expect(clicks, 'the chain never ends').toBeLessThan(CHAIN);
      await more.click();
      // Read without waiting: the button goes with the tree's last replies.
      await expect
        .poll(() => more.evaluateAll((els) => els.map((el) => el.textContent).join()))
        .not.toBe('Chargement…');
    }
    const last = comment(page, `ht-chain-${CHAIN}`);
    await toBeVisible(last);
    await toHaveCount(chain.locator('[data-testid="comment"]'), CHAIN);
    expect(await nesting(last)).toBe(4);
    const link = last.getByRole('link', { name: `↳ En réponse à m${CHAIN - 1}` });
    expect(await link.getAttribute('href')).toBe(`#comment-ht-chain-${CHAIN - 1}`);
    await link.click();
    await expect
      .poll(() => page.evaluate(() => document.querySelector('#comments')?.shadowRoot?.activeElement?.id))
      .toBe(`comment-ht-chain-${CHAIN - 1}`);

    // The wide root: ten replies on the page, more on each click, the button stays while there are more.
    const wide = comment(page, 'ht-wide');
    const replies = wide.locator('[data-testid="comment"]');
    await toHaveCount(replies, 10);
    await moreOf(wide).click();
    await expect.poll(() => replies.count()).toBeGreaterThan(10);
    await toBeVisible(comment(page, 'ht-wide-11'));
    await toBeVisible(moreOf(wide));
    expect(await replies.count()).toBeLessThan(WIDE);

    for (const id of ['ht-other', 'ht-wide', 'ht-chain-0']) await toBeVisible(comment(page, id));
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
