/**
 * Issue 15's reader path, in Chromium against `wrangler dev`: when the thread nears the viewport the boot
 * asks for its server HTML (one GET /threads/html) and shows it, and the app (causerie-app.<lang>.js)
 * comes only on the reader's intent. What the reader does meanwhile is kept: a Like pressed before the app
 * counts once, the text typed in the form stays and is saved as the draft. When the HTML cannot be had,
 * the app reads the JSON as before. Nothing moves (CLS 0). And where the deployment is live, the watch
 * part (causerie-watch.<lang>.js) follows the view until the app takes over.
 * The app's file is held by the browser (page.route) where a test acts before it is there.
 */

import { createServer } from 'node:http';
import type { Browser, Page, Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { closeServer, listenLocal } from '../support/stack.ts';
import { newReader, seedComment, textOf, toBeVisible, toHaveCount } from '../support/widget-e2e.ts';

const baseUrl = inject('baseUrl');
const threadPage = `${baseUrl}/test/thread.html`;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const path = (request: Request) => new URL(request.url()).pathname;

/** Every request of the widget, by kind, as the page makes them. */
const watchRequests = (page: Page) => {
  const seen = { html: 0, json: 0, app: 0, view: 0 };
  page.on('request', (request) => {
    const p = path(request);
    if (p === '/api/v1/threads/html') seen.html++;
    else if (p === '/api/v1/threads') seen.json++;
    else if (p.includes('/causerie-app.')) seen.app++;
    else if (p === '/causerie-view.js') seen.view++;
  });
  return seen;
};

/** Holds the app's file until `release` is called: the reader acts before the app is there. */
const holdApp = async (page: Page) => {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/causerie-app.*.js', async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
};

/** Once the view's part has run (the thread on screen, its intent listeners in place). */
const viewReady = (page: Page) =>
  page.waitForFunction(() => !!(window as { causerieView?: object }).causerieView);

/** Layout shifts not caused by input, from before any script of the page, with what moved (for the message). */
const recordShifts = (page: Page) =>
  page.addInitScript(() => {
    const w = window as unknown as { __shifts: number; __moved: string[] };
    w.__shifts = 0;
    w.__moved = [];
    type Shift = PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Shift[]) {
        if (entry.hadRecentInput) continue;
        w.__shifts += entry.value;
        for (const { node, previousRect: a, currentRect: b } of entry.sources)
          w.__moved.push(
            `${(node as Element)?.outerHTML?.slice(0, 80) ?? node?.nodeName}: ${a.x},${a.y} ${a.width}x${a.height} → ${b.x},${b.y} ${b.width}x${b.height}`,
          );
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
const shifts = async (page: Page) => {
  const { value, moved } = await page.evaluate(() => {
    const w = window as unknown as { __shifts: number; __moved: string[] };
    return { value: w.__shifts, moved: w.__moved };
  });
  if (value > 0) console.log(`layout shifts: ${value}\n${moved.join('\n')}`);
  return value;
};

describe('a reader’s first view', () => {
  it('is the server HTML, asked for once, and the app loads only on intent', async () => {
    await seedComment(baseUrl, { url: threadPage, id: 'e2e-first-view', body: 'Vu sans l’app' });
    const { page, context, errors } = await newReader(browser);
    const seen = watchRequests(page);
    await recordShifts(page);
    await page.goto(`${threadPage}?id=e2e-first-view`);
    await toBeVisible(page.getByText('Vu sans l’app'));
    // The form's top is there at once, from the server.
    await toBeVisible(page.getByRole('form', { name: 'Laisser un commentaire' }));
    await viewReady(page);
    expect(seen).toEqual({ html: 1, json: 0, app: 0, view: 1 });
    expect(await shifts(page)).toBe(0);

    // Intent: the reader taps the form's text. The app comes and hydrates the same nodes.
    // The server's comment node, marked, to find it again after the app.
    const marked = await page.evaluate(() => {
      const article = document.querySelector('#comments')?.shadowRoot?.querySelector('article');
      if (article) (article as Element & { __server?: boolean }).__server = true;
      return !!article;
    });
    expect(marked).toBe(true);
    await page.getByRole('textbox', { name: 'Commentaire' }).click();
    await page.waitForFunction(
      () => !!document.querySelector('#comments')?.shadowRoot?.querySelector('.follow'),
    );
    expect(seen.app).toBe(1);
    console.log(
      'follow line / feed slot:',
      await page.evaluate(() => {
        const root = document.querySelector('#comments')?.shadowRoot;
        return [
          root?.querySelector('.follow')?.getBoundingClientRect().height,
          root?.querySelector('slot')?.getBoundingClientRect().height,
        ];
      }),
    );
    const same = await page.evaluate(
      () =>
        (
          document.querySelector('#comments')?.shadowRoot?.querySelector('article') as Element & {
            __server?: boolean;
          }
        )?.__server,
    );
    expect(same).toBe(true);
    // Hydration read nothing more: the page came with the HTML.
    expect(seen.json).toBe(0);
    expect(await shifts(page)).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the first comments while the rest of the page is still coming, then adopts the whole', async () => {
    for (let i = 0; i < 40; i++)
      await seedComment(baseUrl, { url: threadPage, id: 'e2e-streamed', body: `Commentaire n° ${i} 😀` });
    // The worker's fragment, cut after its third comment (inside the fourth, so a tag is cut too): the
    // first part is sent at once, the rest only when the test says (a real server on 127.0.0.1, to which
    // the page's request is routed: the browser reads its answer as it comes).
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const relay = createServer(async (req, res) => {
      const answer = await fetch(`${baseUrl}${req.url}`);
      const html = await answer.text();
      let cut = 0;
      for (let n = 0; n < 3; n++) cut = html.indexOf('</article>', cut) + '</article>'.length;
      cut += 20;
      res.writeHead(answer.status, { 'Content-Type': answer.headers.get('Content-Type') ?? 'text/html' });
      res.write(html.slice(0, cut));
      await held;
      res.end(html.slice(cut));
    });
    const relayUrl = await listenLocal(relay);
    try {
      const { page, context, errors } = await newReader(browser);
      const seen = watchRequests(page);
      await page.route('**/api/v1/threads/html?*', (route) => {
        const url = new URL(route.request().url());
        return route.continue({ url: `${relayUrl}${url.pathname}${url.search}` });
      });
      await page.goto(`${threadPage}?id=e2e-streamed`);
      const comments = page.getByTestId('comment');
      await toBeVisible(page.getByText('Commentaire n° 0 😀'));
      // The first part is on screen while the rest is held: the light DOM has nothing of the tail yet.
      expect(await comments.count()).toBeLessThan(5);
      expect(await page.evaluate(() => !!document.querySelector('#comments script'))).toBe(false);
      release();
      await toHaveCount(comments, 40);
      await viewReady(page);
      expect(
        await page.evaluate(() => {
          const host = document.querySelector('#comments');
          return [
            !!host?.querySelector('script[data-causerie-page]'),
            // That document has no scripting: its `<noscript>`, whose styles hide the form, is gone.
            host?.shadowRoot?.querySelectorAll('noscript').length,
          ];
        }),
      ).toEqual([true, 0]);
      await toBeVisible(page.getByText('Commentaire n° 39 😀'));
      await toBeVisible(page.getByRole('form', { name: 'Laisser un commentaire' }));
      // The app, on intent, adopts the streamed view: no JSON read.
      await page.getByRole('textbox', { name: 'Commentaire' }).click();
      await page.waitForFunction(
        () => !!document.querySelector('#comments')?.shadowRoot?.querySelector('.follow'),
        undefined,
        { timeout: 30_000 },
      );
      expect(seen).toEqual({ html: 1, json: 0, app: 1, view: 1 });
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      release();
      await closeServer(relay);
    }
  });

  it('counts a Like pressed before the app once, when the app has come', async () => {
    const seeded = await seedComment(baseUrl, { url: threadPage, id: 'e2e-early-like', body: 'Aimé tôt' });
    const { page, context, errors } = await newReader(browser);
    const seen = watchRequests(page);
    const release = await holdApp(page);
    await page.goto(`${threadPage}?id=e2e-early-like`);
    await viewReady(page);
    const like = page.getByRole('button', {
      name: /J’aime le commentaire d’Alice|J’aime le commentaire de Alice/,
    });
    await like.click();
    // The press asked for the app (held here): the click is waiting for it.
    await expect.poll(() => seen.app).toBe(1);
    expect(await like.getAttribute('aria-pressed')).toBe('false');
    // The app shows the like at once and sends it after: the server is asked once its answer is in.
    const liked = page.waitForResponse(
      (res) => res.url().endsWith(`/api/v1/comments/${seeded.id}/like`) && res.request().method() === 'POST',
      { timeout: 30_000 },
    );
    release();
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => textOf(like)).toContain('1');
    expect((await liked).status()).toBe(200);
    // Once on the server too, not twice (nor liked and unliked).
    const answer = await fetch(
      `${baseUrl}/api/v1/threads?url=${encodeURIComponent(threadPage)}&id=e2e-early-like`,
    );
    const body = (await answer.json()) as { comments: { id: string; likes: number }[] };
    expect(body.comments.find((c) => c.id === seeded.id)?.likes).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the text typed before the app, in the form and as the draft', async () => {
    await seedComment(baseUrl, { url: threadPage, id: 'e2e-early-text', body: 'Écrivez ici' });
    const { page, context, errors } = await newReader(browser);
    const release = await holdApp(page);
    await page.goto(`${threadPage}?id=e2e-early-text`);
    await viewReady(page);
    const text = page.getByRole('textbox', { name: 'Commentaire' });
    await text.pressSequentially('Écrit avant l’app');
    const draft = () => page.evaluate(() => localStorage.getItem('causerie:draft:e2e-early-text#'));
    expect(JSON.parse((await draft()) ?? '{}').body).toBe('Écrit avant l’app');
    release();
    // The full form (the extras, loaded because the focus is in the text) takes over with the text.
    await toBeVisible(page.getByRole('button', { name: 'Publier le commentaire' }));
    expect(await page.getByRole('textbox', { name: 'Commentaire' }).inputValue()).toBe('Écrit avant l’app');
    await page.getByRole('textbox', { name: 'Commentaire' }).pressSequentially(', puis après');
    await expect
      .poll(async () => JSON.parse((await draft()) ?? '{}').body)
      .toBe('Écrit avant l’app, puis après');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('falls back on the app and the JSON page when the HTML cannot be had', async () => {
    await seedComment(baseUrl, { url: threadPage, id: 'e2e-html-down', body: 'Lu en JSON' });
    const { page, context } = await newReader(browser);
    const seen = watchRequests(page);
    await page.route('**/api/v1/threads/html?*', (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.goto(`${threadPage}?id=e2e-html-down`);
    await toBeVisible(page.getByText('Lu en JSON'));
    expect(seen.html).toBe(1);
    expect(seen.app).toBe(1);
    expect(seen.json).toBe(1);
    await context.close();
  });
});

describe('the live watch before the app', () => {
  it('follows the view, and hands over to the app, stopped first, which shows the thread fresh', async () => {
    await seedComment(baseUrl, { url: threadPage, id: 'e2e-watch', body: 'Le premier' });
    const { page, context, errors } = await newReader(browser, { locale: 'en-US' });
    const seen = watchRequests(page);
    // Wraps the watch part as it registers: records its start, its stop, and the `wake` it was given.
    await page.addInitScript(() => {
      const w = window as unknown as {
        __watch: { started: number; stopped: number; wake?: () => void; appBeforeStop?: boolean };
        causerieWatch?: Record<string, unknown>;
        causerieApps?: object;
      };
      w.__watch = { started: 0, stopped: 0 };
      let parts: Record<string, unknown> | undefined;
      Object.defineProperty(window, 'causerieWatch', {
        configurable: true,
        get: () => parts,
        set: (value: Record<string, unknown>) => {
          parts = new Proxy(value, {
            get: (target, lang: string) => {
              const watch = target[lang] as
                | ((view: Element, options: object, wake: () => void) => () => void)
                | undefined;
              return (
                watch &&
                ((view: Element, options: object, wake: () => void) => {
                  w.__watch.started++;
                  w.__watch.wake = wake;
                  const stop = watch(view, options, wake);
                  return () => {
                    w.__watch.stopped++;
                    w.__watch.appBeforeStop = !!document
                      .querySelector('#comments')
                      ?.shadowRoot?.querySelector('.follow');
                    stop();
                  };
                })
              );
            },
          });
        },
      });
    });
    await page.goto(`${threadPage}?id=e2e-watch&lang=en`);
    await toBeVisible(page.getByText('Le premier'));
    await page.waitForFunction(
      () => (window as unknown as { __watch: { started: number } }).__watch.started === 1,
    );
    expect(seen.app).toBe(0);
    await seedComment(baseUrl, { url: threadPage, id: 'e2e-watch', body: 'Le second' });
    // The reader asks to see the new comments: the watch part calls `wake`.
    await page.evaluate(() => (window as unknown as { __watch: { wake: () => void } }).__watch.wake());
    await toBeVisible(page.getByText('Le second'));
    const watch = await page.evaluate(() => (window as unknown as { __watch: object }).__watch);
    expect(watch).toMatchObject({ started: 1, stopped: 1, appBeforeStop: false });
    expect(seen.app).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
