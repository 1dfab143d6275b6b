/**
 * One round trip after boot (issue 15, item 4), in Chromium against `wrangler dev`: the boot script asks
 * for the thread's first page (as HTML, since issue 15's last step) while the app's file is still on its
 * way, and the app adopts that answer without asking again. The app's file is held by the browser (page.route) until the thread's request has
 * gone out, then passed on to the real server; a boot that waited for the app would leave it held, and
 * the test would see the order reversed.
 */
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { newReader, seedComment, toBeVisible } from '../support/widget-e2e.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const threadPage = `${baseUrl}/test/thread.html`;

/**
 * A read of a thread's first page (not "more comments", not the replies of a root): as HTML since issue
 * 15's last step (GET /threads/html, which the app adopts), or as JSON.
 */
const firstPageRead = (request: Request) => {
  const url = new URL(request.url());
  return (
    ['/api/v1/threads', '/api/v1/threads/html'].includes(url.pathname) && !url.searchParams.has('cursor')
  );
};

describe('the boot script and the app', () => {
  it('read the first page once, the request starting before the app’s file has even arrived', async () => {
    await seedComment(baseUrl, { url: threadPage, id: 'e2e-prefetch', body: 'Déjà demandé' });
    const { page, context, errors } = await newReader(browser);
    const events: string[] = [];
    let threadAsked: () => void = () => {};
    const asked = new Promise<void>((resolve) => {
      threadAsked = resolve;
    });
    page.on('request', (request) => {
      if (firstPageRead(request)) {
        events.push(`thread requested: ${new URL(request.url()).search}`);
        threadAsked();
      }
    });
    // Held until the thread's request is out, or 5 s (then the order below tells what went wrong).
    await page.route('**/causerie-app.*.js', async (route) => {
      await Promise.race([asked, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      events.push('app released');
      await route.continue();
    });
    page.on('requestfinished', (request) => {
      if (request.url().includes('/causerie-app.')) events.push('app arrived');
    });

    // Eager: the app is asked for at once, in parallel with the thread (issue 15: else it waits for intent).
    await page.goto(`${threadPage}?id=e2e-prefetch&loading=eager`);
    await toBeVisible(page.getByText('Déjà demandé'));
    expect(events[0]).toMatch(/^thread requested: \?url=.*&id=e2e-prefetch&sort=oldest&lang=fr&theme=light$/);
    expect(events.slice(1, 3)).toEqual(['app released', 'app arrived']);
    // The comment is on screen and the app has adopted it (its form is interactive): it did not ask again.
    await page.waitForFunction(
      () => !!document.querySelector('#comments')?.shadowRoot?.querySelector('.follow'),
    );
    expect(events.filter((event) => event.startsWith('thread requested'))).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
