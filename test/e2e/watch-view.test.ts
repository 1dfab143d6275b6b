/**
 * The live watch of a server-rendered thread (causerie-watch.en.js, issues 15 × 17) in real Chromium
 * against `wrangler dev` (the real Durable Object, local D1): a blog page whose container holds the
 * thread's server HTML (GET /threads/html, as the no-JavaScript path has it), which loads the watch itself
 * and calls `window.causerieWatch.en(view, options, wake)`, without the app. A comment posted through the
 * API makes the button say so, a like changes the count shown, a moderator's delete removes the comment,
 * and a click on the button wakes the app (here, the page's wake counts). Every wait is on an event.
 */
import type { Browser, Page, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { E2E_SECRETS } from '../support/stack.ts';
import { newReader, seedComment, seedLike, textOf, toBeVisible, toHaveCount } from '../support/widget-e2e.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The blog's page: the container holding the server HTML, then the watch, started by the page. */
const blogPage = (url: string, fragment: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A post</title>
<meta name="viewport" content="width=device-width"></head>
<body><main><h1>A post</h1></main>
<div id="comments">${fragment}</div>
<script src="${baseUrl}/causerie-watch.en.js"></script>
<script>
  window.__woke = 0;
  const view = document.getElementById('comments').shadowRoot.querySelector('[data-causerie-ssr]');
  window.__stop = window.causerieWatch.en(view, { origin: ${JSON.stringify(baseUrl)}, url: ${JSON.stringify(url)}, lang: 'en' }, () => { window.__woke += 1; });
</script>
</body></html>`;

/**
 * Opens the page and answers its live socket once it has said hello (the server's first frame). The page
 * is written by the HTML parser into a document the worker served (test/pages/blank.html): a page
 * Playwright made up itself (page.route) would not be on the loopback's address space, and Chromium's
 * Local Network Access checks would refuse its WebSocket to the worker
 * (net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS: a connection from a less private address space into the
 * loopback needs the `loopback-network` permission, and an insecure http:// page is denied it outright:
 * https://developer.chrome.com/docs/modern-web-guidance/guides/security/local-network-access).
 */
const openWatched = async (page: Page, html: string): Promise<WebSocket> => {
  const hello = new Promise<WebSocket>((resolve) =>
    page.on('websocket', (socket) => {
      if (!socket.url().includes('/api/v1/live?')) return;
      socket.on('framereceived', ({ payload }) => {
        if (String(payload).includes('"hello"')) resolve(socket);
      });
    }),
  );
  await page.goto(`${baseUrl}/test/blank.html`);
  await page.setContent(html);
  return hello;
};

describe('the watch of a server-rendered thread, without the app', () => {
  it('counts a new comment, updates a like, removes a deleted comment, and a click wakes the app', async () => {
    const url = `${baseUrl}/watch/post-${Date.now().toString(36)}.html`;
    const alice = await seedComment(baseUrl, { url, body: 'First!', name: 'Alice' });
    const answer = await fetch(`${baseUrl}/api/v1/threads/html?url=${encodeURIComponent(url)}&lang=en`);
    expect(answer.status).toBe(200);
    const fragment = await answer.text();

    const { context, page, errors } = await newReader(browser, { locale: 'en-US' });
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    const socket = await openWatched(page, blogPage(url, fragment));
    const comments = page.getByTestId('comment');
    await toHaveCount(comments, 1);

    const since = Date.now();
    await seedComment(baseUrl, { url, body: 'Live, without the app.', name: 'Bob' });
    const show = page.getByRole('button', { name: '1 new comment — show' });
    await toBeVisible(show);
    console.info(`watch e2e: the button showed ${Date.now() - since} ms after the POST was sent`);
    // Behind the button (the positive marker is in): the server's view is unchanged.
    await toHaveCount(comments, 1);

    const like = page.getByRole('button', { name: /Like Alice’s comment/ });
    expect(await textOf(like)).toMatch(/ 0$/);
    await seedLike(baseUrl, alice.id, 'watch-e2e-reader');
    await expect.poll(() => textOf(like), { timeout: 10_000 }).toMatch(/ 1$/);

    const removed = await fetch(`${baseUrl}/api/v1/admin/comments/${alice.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${E2E_SECRETS.ADMIN_TOKEN}` },
    });
    expect(removed.status).toBe(204);
    await toHaveCount(comments, 0);

    await show.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __woke: number }).__woke)).toBe(1);
    await toHaveCount(page.locator('.live:not([hidden])'), 0);
    // The page loaded the watch and nothing else of the widget: the app is for the boot to bring.
    expect(scripts).toEqual(['/causerie-watch.en.js']);

    // stop() closes the socket and takes the button away.
    const closed = socket.waitForEvent('close');
    await page.evaluate(() => (window as unknown as { __stop: () => void }).__stop());
    await closed;
    await toHaveCount(page.locator('.live'), 0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('stops by itself once the view leaves the page (a single-page app moving on)', async () => {
    const url = `${baseUrl}/watch/gone-${Date.now().toString(36)}.html`;
    await seedComment(baseUrl, { url, body: 'Soon gone', name: 'Alice' });
    const fragment = await (
      await fetch(`${baseUrl}/api/v1/threads/html?url=${encodeURIComponent(url)}&lang=en`)
    ).text();
    const { context, page, errors } = await newReader(browser, { locale: 'en-US' });
    const socket = await openWatched(page, blogPage(url, fragment));
    const closed = socket.waitForEvent('close', { timeout: 10_000 });
    // The IntersectionObserver reports the removed view as out of sight: the watch finds it gone.
    await page.evaluate(() => document.getElementById('comments')?.remove());
    await closed;
    expect(errors).toEqual([]);
    await context.close();
  });
});
