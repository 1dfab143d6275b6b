/**
 * Issue 15, items 1–3 in real Chromium against `wrangler dev`: the thread's server HTML put inside the
 * embed's container, the three ways it is used.
 * - build time: `causerie render` prints the fragment of a live deployment;
 * - no JavaScript: a reader with scripts off sees the styled comments and the feed link;
 * - with JavaScript: embed.js adopts the server's nodes (the same nodes, none removed, the form's top
 *   included) once the reader shows intent, asks for no first page, puts the feed line where the light
 *   DOM's feed link was (no layout shift), and the thread works (reply, like).
 * The pages are served by Playwright at the worker's own origin (always allowed), the fragment by the CLI.
 */
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { newReader, seedComment, toBeVisible, toHaveCount } from '../support/widget-e2e.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

let n = 0;
const freshUrl = () => `${baseUrl}/ssr/post-${Date.now().toString(36)}-${++n}.html`;

const render = (...args: string[]) => {
  const env = { ...process.env };
  delete env.CAUSERIE_WORKER;
  return spawnSync('node', ['scripts/cli.mjs', 'render', ...args], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
};

/** The blog's page: its article, then the embed's container holding the server HTML, then embed.js. */
const blogPage = (url: string, fragment: string, script = true) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Un billet</title>
<meta name="viewport" content="width=device-width"></head>
<body><main><h1>Un billet</h1><p>Le texte du billet.</p></main>
<div data-causerie>${fragment}</div>
<p id="after">Pied de page</p>
${script ? `<script>window.__seen = performance.now()</script><script src="${baseUrl}/embed.js" data-url="${url}" data-lang="fr" async></script>` : ''}
</body></html>`;

const serve = async (page: Page, url: string, html: string) => {
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
};

const seedThread = async (url: string) => {
  const root = await seedComment(baseUrl, { url, body: 'Premier *commentaire*', name: 'Alice' });
  await seedComment(baseUrl, { url, body: 'Une réponse', name: 'Bob', parentId: root.id });
  return root;
};

describe('causerie render (build time)', () => {
  it('prints the thread’s server HTML for a page of a live deployment', async () => {
    const url = freshUrl();
    const root = await seedThread(url);
    const run = render(url, '--worker', baseUrl, '--lang', 'fr');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('<template shadowrootmode="open">')).toBe(true);
    expect(run.stdout).toContain(`data-comment-id="${root.id}"`);
    expect(run.stdout).toContain('2 commentaires');
    expect(run.stdout).toContain('<script type="application/ld+json">');
    expect(run.stdout).toContain('data-causerie-page');
  });

  it('says what the worker refused, and what is missing', () => {
    const bad = render('not a url', '--worker', baseUrl);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('400 bad_request');
    const missing = render(freshUrl());
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--worker');
    const down = render(freshUrl(), '--worker', 'http://127.0.0.1:9');
    expect(down.status).toBe(1);
    expect(down.stderr).toContain('nothing answers');
  });
});

describe('a server-rendered thread without JavaScript', () => {
  it('shows the styled comments and the feed link, and nothing that needs a script', async () => {
    const url = freshUrl();
    await seedThread(url);
    const fragment = render(url, '--worker', baseUrl, '--lang', 'fr').stdout;
    const { context, page } = await newReader(browser, { javaScriptEnabled: false });
    await serve(page, url, blogPage(url, fragment));
    await page.goto(url);
    const comments = page.getByTestId('comment');
    await toHaveCount(comments, 2);
    await toBeVisible(page.getByText('Une réponse'));
    await toBeVisible(page.getByRole('heading', { name: '2 commentaires' }));
    // The widget's stylesheet applies inside the shadow root: the avatar is a coloured disc.
    const avatar = await page
      .locator('.avatar')
      .first()
      .evaluate((el) => getComputedStyle(el).borderRadius);
    expect(avatar).not.toBe('0px');
    const feed = page.getByRole('link', { name: 'Flux des commentaires (Atom)' });
    await toBeVisible(feed);
    expect(await feed.getAttribute('href')).toBe(`${baseUrl}/api/v1/feed?url=${encodeURIComponent(url)}`);
    // Buttons that would do nothing are not shown, and no form: the form's top is in the HTML (for readers
    // with JavaScript, issue 15), hidden here.
    await toHaveCount(page.getByRole('button'), 0);
    await toHaveCount(page.locator('form'), 1);
    await toHaveCount(page.locator('form:visible'), 0);
    await context.close();
  });
});

describe('a server-rendered thread with embed.js', () => {
  it.each([1024, 390])(
    'is adopted in place at %ipx on intent: same nodes and form, no first-page request, no shift, then reply and like',
    async (width) => {
      const url = freshUrl();
      const root = await seedThread(url);
      const fragment = render(url, '--worker', baseUrl, '--lang', 'fr').stdout;
      const { context, page, errors } = await newReader(browser, { viewport: { width, height: 2000 } });
      const threadReads: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/v1/threads') threadReads.push(request.url());
      });
      // Before any script of the page: watch the server's comment nodes and every layout shift.
      await page.addInitScript(() => {
        const w = window as unknown as {
          __removed: Node[];
          __shifts: number;
          __before?: Element[];
          __footer?: number;
        };
        w.__removed = [];
        w.__shifts = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[])
            w.__shifts += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        document.addEventListener('DOMContentLoaded', () => {
          const root = document.querySelector('[data-causerie]')?.shadowRoot;
          if (!root) return;
          w.__before = [...root.querySelectorAll('article')];
          w.__footer = document.getElementById('after')?.getBoundingClientRect().top;
          new MutationObserver((records) => {
            for (const record of records) w.__removed.push(...record.removedNodes);
          }).observe(root, { childList: true, subtree: true });
        });
      });
      await serve(page, url, blogPage(url, fragment));
      await page.goto(url);
      const form = page.getByRole('form', { name: 'Laisser un commentaire' });
      await toBeVisible(form);
      // The app comes on intent (issue 15): the reader taps the thread (its text, not a control).
      await page.getByText('Une réponse').click();
      // The feed link's line under the form (causerie-follow.<lang>.js, issue 17) comes once the app has
      // the thread: the slot of the light DOM's feed link holds its room, so measure once it is in.
      await page.waitForFunction(
        () => !!document.querySelector('[data-causerie]')?.shadowRoot?.querySelector('.follow'),
      );
      const adopted = await page.evaluate(() => {
        const w = window as unknown as { __removed: Node[]; __before?: Element[] };
        const root = document.querySelector('[data-causerie]')?.shadowRoot;
        const after = [...(root?.querySelectorAll('article') ?? [])];
        return {
          before: w.__before?.length ?? 0,
          same: after.length === w.__before?.length && after.every((el, i) => el === w.__before?.[i]),
          removed: w.__removed.filter((node) => w.__before?.some((el) => node === el || node.contains(el)))
            .length,
        };
      });
      expect(adopted).toEqual({ before: 2, same: true, removed: 0 });
      expect(threadReads).toEqual([]);
      const { shifts, moved } = await page.evaluate(() => {
        const w = window as unknown as { __shifts: number; __footer: number };
        return {
          shifts: w.__shifts,
          moved: (document.getElementById('after')?.getBoundingClientRect().top ?? 0) - w.__footer,
        };
      });
      console.log(
        `server-rendered thread at ${width}px: layout shift ${shifts.toFixed(4)}, footer moved ${moved}px`,
      );
      // The form is the server's; the feed link's slot is the height of the line that replaces it.
      expect(shifts).toBeLessThan(0.001);
      expect(Math.abs(moved)).toBeLessThan(2);
      // The feed link for readers without JavaScript gives way to the widget.
      // (The widget's own feed link, the follow part's, is inside the shadow root: only the container's
      // light DOM is looked at here.)
      const lightFeedLinks = await page.evaluate(() =>
        [...(document.querySelector('[data-causerie]')?.querySelectorAll('a[href*="/feed"]') ?? [])].map(
          (a) => a.checkVisibility(),
        ),
      );
      expect(lightFeedLinks).toEqual([false]);

      // The thread works: a reply to Alice, a like.
      const alice = page.locator(`[data-comment-id="${root.id}"]`);
      await alice.getByRole('button', { name: 'Répondre' }).first().click();
      const replyForm = page.getByRole('form', { name: 'Répondre à Alice' });
      await replyForm.getByLabel('Commentaire').fill('Merci, depuis le HTML du serveur');
      await replyForm.getByLabel('Nom').fill('Camille');
      // The POST's answer first (under the full suite's load a post through wrangler dev has taken more
      // than the 10 s of toBeVisible): a refusal then fails here, with its status.
      const posted = page.waitForResponse(
        (r) => r.url().includes('/api/v1/comments') && r.request().method() === 'POST',
        { timeout: 30_000 },
      );
      await replyForm.getByRole('button', { name: 'Publier le commentaire' }).click();
      expect((await posted).status()).toBe(201);
      await toBeVisible(page.getByText('Merci, depuis le HTML du serveur'));
      const like = alice.getByRole('button', { name: /J’aime le commentaire de Alice/ }).first();
      await like.click();
      await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
