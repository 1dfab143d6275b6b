/**
 * The widget in Chromium in two scripts far from French: Arabic, right to left (its layout measured in
 * the rendered page: the replies indent from the right, their rule on the right, the reply arrow turned),
 * and Japanese; axe-core finds nothing in either. Screenshots of both go to test-results/.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { newReader, seedComment, textOf, toBeVisible } from '../support/widget-e2e.ts';

const baseUrl = inject('baseUrl');
const threadPage = `${baseUrl}/test/thread.html`;
let browser: Browser;

/** A chain of replies five deep (past the indentation limit of three), each by the next name. */
const seedChain = async (id: string, names: string[]) => {
  let parentId: string | undefined;
  for (const [i, name] of names.entries()) {
    const body = `${name}: ${i + 1}`;
    parentId = (
      await seedComment(baseUrl, { url: threadPage, id, body, name, ...(parentId ? { parentId } : {}) })
    ).id;
  }
};

const names = ['محمد', 'Alice', 'ليلى', 'Bob', 'سارة'];

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync('test-results', { recursive: true });
  await seedChain('e2e-lang-ar', names);
  await seedChain('e2e-lang-ja', ['さくら', 'Alice', 'ゆうき']);
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the thread in `lang` and waits for its form, the last thing the app renders. */
const open = async (lang: string, id: string, form: string) => {
  const reader = await newReader(browser, { viewport: { width: 800, height: 1000 }, locale: lang });
  await reader.page.goto(`${threadPage}?id=${id}&loading=eager&lang=${lang}`);
  await toBeVisible(reader.page.getByRole('form', { name: form }));
  return reader;
};

const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );

/** The border box of a comment's own header and of its replies' list, in page coordinates. */
const boxes = (page: Page, author: string) =>
  page.locator('#comments').evaluate((host, name) => {
    const root = host.shadowRoot as ShadowRoot;
    const article = [...root.querySelectorAll('article')].find(
      (a) => a.querySelector(':scope > header .author')?.textContent === name,
    ) as HTMLElement;
    const box = (el: Element | null | undefined) => {
      const r = el?.getBoundingClientRect();
      return r ? { left: Math.round(r.left), right: Math.round(r.right) } : null;
    };
    const replies = article.querySelector(':scope > ol.replies');
    const style = replies ? getComputedStyle(replies) : null;
    return {
      article: box(article),
      replies: box(replies),
      border: style ? { left: style.borderLeftWidth, right: style.borderRightWidth } : null,
    };
  }, author);

describe('the widget in Arabic and Japanese', () => {
  it('lays Arabic out right to left: replies indent from the right, the arrow turned, names isolated', async () => {
    const { page, context, errors } = await open('ar', 'e2e-lang-ar', 'إضافة تعليق');
    const section = page.locator('section.causerie');
    expect(await section.getAttribute('dir')).toBe('rtl');
    expect(await section.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // Five comments: the plural form for 3–10, the noun in the plural.
    expect(await textOf(page.locator('h2.count'))).toBe('5 تعليقات');

    const root = await boxes(page, names[0] as string);
    const reply = await boxes(page, names[1] as string);
    expect(root.replies && root.article).toBeTruthy();
    if (!root.replies || !root.article || !reply.article) return;
    // The replies' list keeps the left edge and is indented from the right, where its rule is.
    expect(Math.abs(root.replies.left - root.article.left)).toBeLessThanOrEqual(1);
    expect(root.replies.right).toBeLessThan(root.article.right - 10);
    expect(reply.article.right).toBeLessThan(root.article.right - 10);
    expect(root.border).toEqual({ left: '0px', right: '2px' });

    // Past the indentation limit, "in reply to" with the arrow pointing the way Arabic runs.
    const to = page.locator('.to a').first();
    expect(await textOf(to)).toBe(`↲ ردًا على ${names[3]}`);
    expect(await to.locator('bdi').count()).toBe(1);
    expect(await page.locator('bdi.author').count()).toBe(names.length);

    await page.locator('#comments').screenshot({ path: 'test-results/widget-ar-rtl.png' });
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('speaks Japanese, left to right, with its counters and full-width punctuation', async () => {
    const { page, context, errors } = await open('ja', 'e2e-lang-ja', 'コメントを残す');
    const section = page.locator('section.causerie');
    expect(await section.getAttribute('dir')).toBe('ltr');
    expect(await section.getAttribute('lang')).toBe('ja');
    expect(await textOf(page.locator('h2.count'))).toBe('3件のコメント');
    // The guest fields come with the rest of the form when the reader turns to it (components/comment-form.tsx).
    await page.getByRole('form', { name: 'コメントを残す' }).getByLabel('コメント', { exact: true }).click();
    expect(await textOf(page.locator('label').filter({ hasText: 'メール' }))).toBe('メールアドレス（任意）');
    const root = await boxes(page, 'さくら');
    if (!root.replies || !root.article) throw new Error('no replies');
    // Left to right: indented from the left, the rule on the left.
    expect(root.replies.left).toBeGreaterThan(root.article.left + 10);
    expect(root.border).toEqual({ left: '2px', right: '0px' });
    await page.locator('#comments').screenshot({ path: 'test-results/widget-ja.png' });
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
