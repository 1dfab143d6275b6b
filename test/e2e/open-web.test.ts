/**
 * Issue 18 end to end, in real Chromium against `wrangler dev` (WEBMENTION=on): a source site on
 * 127.0.0.1 sends a reply and a like of the demo post as Webmentions; once verified, the post shows the
 * reply marked "via Webmention" with its source, and the like as a compact face (the part's CSS, :has()
 * included, applied by a real browser), the open web part loaded on demand.
 */
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { type Stack, startStack } from '../support/stack.ts';
import { newReader, textOf, toBeVisible } from '../support/widget-e2e.ts';

let stack: Stack;
let source: Server;
let sourceUrl = '';
let browser: Browser;

const pages: Record<string, (target: string) => string> = {
  reply: (target) => `<!doctype html><article class="h-entry">
    <a class="p-author h-card" href="https://alice.example/">Alice Martin</a>
    <div class="e-content"><p>A reply from <strong>my blog</strong> to <a class="u-in-reply-to" href="${target}">your post</a>.</p></div>
  </article>`,
  like: (target) => `<!doctype html><article class="h-entry">
    <span class="p-author h-card"><a class="p-name u-url" href="https://mastodon.example/@carol">Carol</a></span>
    <a class="u-like-of" href="${target}"></a></article>`,
};

beforeAll(async () => {
  source = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const page = pages[url.pathname.slice(1)];
    res.writeHead(page ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page ? page(url.searchParams.get('target') ?? '') : 'not found');
  });
  await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
  const address = source.address();
  sourceUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  stack = await startStack({
    name: 'open-web',
    vars: { WEBMENTION: 'on', WEBMENTION_ALLOW_PRIVATE: 'true' },
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  stack?.stop();
  await new Promise((resolve) => source?.close(resolve));
});

/** Sends a Webmention and polls its status URL until it is no longer pending. */
const mention = async (kind: string, target: string): Promise<Record<string, unknown>> => {
  const res = await fetch(`${stack.url}/api/v1/webmention`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      source: `${sourceUrl}/${kind}?target=${encodeURIComponent(target)}`,
      target,
    }),
  });
  expect(res.status).toBe(202);
  const location = res.headers.get('Location') ?? '';
  let status: Record<string, unknown> = {};
  await expect
    .poll(
      async () => {
        status = (await (await fetch(location)).json()) as Record<string, unknown>;
        return status.status;
      },
      { timeout: 20_000 },
    )
    .not.toBe('pending');
  return status;
};

describe('comments from the open web in the widget', () => {
  it('shows a Webmention reply marked with its source and a like as a face', async () => {
    // Workers assets serve /en.html at /en (a redirect): that is the page's URL, the thread's key.
    const target = `${stack.url}/en`;
    expect((await mention('reply', target)).status).toBe('accepted');
    expect((await mention('like', target)).status).toBe('accepted');

    const { context, page, errors } = await newReader(browser, { locale: 'en-US' });
    const scripts: string[] = [];
    page.on('request', (request) => scripts.push(new URL(request.url()).pathname));
    await page.goto(target);
    // The marks and faces are drawn by a part the app loads, and the app comes on intent (issue 15): the
    // reader taps the thread.
    await page.getByTestId('comment').filter({ hasText: 'A reply from' }).locator('.body').click();
    const mark = page.getByTestId('source').filter({ hasText: 'via Webmention' });
    await toBeVisible(mark);
    expect(await textOf(mark)).toBe('via Webmention · 127.0.0.1');
    expect(await mark.getByRole('link').getAttribute('href')).toContain(`${sourceUrl}/reply`);
    expect(await textOf(page.getByTestId('comment').filter({ hasText: 'A reply from' }))).toContain(
      'Alice Martin',
    );

    const face = page.locator('[data-face="like"]');
    await toBeVisible(face);
    expect(await textOf(face.getByRole('link'))).toBe('liked this');
    // The like's item is a compact face: inline, its text, date and buttons hidden (faces.css).
    const item = page.getByTestId('comment').filter({ has: face });
    expect(await item.locator('xpath=..').evaluate((li) => getComputedStyle(li).display)).toBe(
      'inline-block',
    );
    expect(await item.locator('time').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: '1 comment' }).count()).toBe(1);
    expect(scripts.filter((path) => path.startsWith('/causerie-openweb.'))).toEqual([
      '/causerie-openweb.en.js',
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
