import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { nearMargin } from '../../widget/src/boot/when-near.ts';
import { launchChromium } from '../support/chromium.ts';
import { newReader, seedComment, seedLike, textOf, toBeVisible, toHaveCount } from '../support/widget-e2e.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const threadPage = `${baseUrl}/test/thread.html`;
const thread = (id: string, extra = '') => `${threadPage}?id=${id}&loading=eager${extra}`;

/**
 * Resolves with whether #comments is near the viewport, by the boot script's own margin (boot/when-near.ts),
 * once the browser has delivered a first report to an observer created after the boot script's. Observers
 * are notified in the order they were created (w3c.github.io/IntersectionObserver, "notify intersection
 * observers"), so by then the boot script's observer has had its first report too, and acted on it.
 */
const nearnessReported = (rootMargin: string) =>
  new Promise<boolean>((resolve) => {
    const observer = new IntersectionObserver(
      ([entry]) => {
        observer.disconnect();
        resolve(entry?.isIntersecting ?? false);
      },
      { rootMargin },
    );
    observer.observe(document.querySelector('#comments') as Element);
  });

/** Whether the boot script has asked for the app: loading it adds its script to the page at once (boot/load-app.ts). */
const appRequested = () =>
  (window as { causerieLoading?: object }).causerieLoading !== undefined ||
  document.querySelector('script[src*="causerie-app"]') !== null;

describe('reading in the widget', () => {
  it('likes a comment and the page, and remembers it after a reload', async () => {
    const a = await seedComment(baseUrl, { url: threadPage, id: 'e2e-like', body: 'Aimez-moi' });
    await seedLike(baseUrl, a.id, 'another-reader-1');
    const { page, context } = await newReader(browser);
    await page.goto(thread('e2e-like'));
    const like = page.getByRole('button', {
      name: /J’aime le commentaire d’Alice|J’aime le commentaire de Alice/,
    });
    await toBeVisible(like);
    expect(await like.getAttribute('aria-pressed')).toBe('false');
    expect(await textOf(like)).toContain('1');
    await like.click();
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => textOf(like)).toContain('2');

    const pageLike = page.getByRole('button', { name: /J’aime cette page/ });
    await pageLike.click();
    await toBeVisible(page.getByText('1 personne aime cette page'));
    // Pressed once the like is answered and remembered, as the comment's above: only then reload.
    await expect.poll(() => pageLike.getAttribute('aria-pressed')).toBe('true');

    await page.reload();
    await toBeVisible(like);
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
    expect(await textOf(like)).toContain('2');
    await expect.poll(() => pageLike.getAttribute('aria-pressed')).toBe('true');
    // Unliking goes back.
    await like.click();
    await expect.poll(() => textOf(like)).toContain('1');
    await context.close();
  });

  it('switches the order, and remembers the choice', async () => {
    for (const body of ['Premier', 'Deuxième', 'Troisième'])
      await seedComment(baseUrl, { url: threadPage, id: 'e2e-sort', body });
    const { page, context } = await newReader(browser);
    await page.goto(thread('e2e-sort'));
    const bodies = page.locator('[data-testid="comment"] .body');
    await toHaveCount(bodies, 3);
    expect(await bodies.allTextContents()).toEqual(['Premier\n', 'Deuxième\n', 'Troisième\n']);
    await page.getByLabel('Trier par').selectOption('newest');
    await expect.poll(() => bodies.first().textContent()).toContain('Troisième');
    await page.reload();
    await toHaveCount(bodies, 3);
    expect((await bodies.allTextContents()).map((t) => t.trim())).toEqual([
      'Troisième',
      'Deuxième',
      'Premier',
    ]);
    await context.close();
  });

  it('loads the thread only when it comes near the viewport, and the app on intent', async () => {
    const { page, context } = await newReader(browser);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${threadPage}?id=e2e-lazy&tall`);
    // Positive markers first: the boot script has run (it reserves the room in the same task as it starts
    // watching the thread), and the browser has told its viewport observers that the thread is far.
    await page.waitForFunction(() =>
      document.querySelector('#comments')?.shadowRoot?.querySelector('style[data-reserve]'),
    );
    expect(await page.evaluate(nearnessReported, nearMargin)).toBe(false);
    expect(requested).toContain('/embed.js');
    // Only now the negatives: whatever the boot would have done on its first intersection report, it has done.
    expect(await page.evaluate(appRequested)).toBe(false);
    expect(requested.some((path) => path.startsWith('/causerie-app'))).toBe(false);
    expect(requested).not.toContain('/causerie-view.js');
    expect(requested).not.toContain('/api/v1/threads/html');
    expect(requested).not.toContain('/api/v1/threads');
    await page.mouse.wheel(0, 2000);
    await toBeVisible(page.getByText('Pas encore de commentaire'));
    // Near, the thread came as HTML (issue 15); the app comes on the reader's intent.
    expect(requested).toContain('/api/v1/threads/html');
    await page.getByRole('textbox', { name: 'Commentaire' }).click();
    await expect.poll(() => requested).toContain('/causerie-app.fr.js');
    await context.close();
  });

  it('mounts, switches and unmounts threads in a single-page app', async () => {
    await seedComment(baseUrl, {
      url: `${baseUrl}/spa`,
      id: 'spa-second',
      body: 'Second thread',
      name: 'Bob',
    });
    const { page, errors, context } = await newReader(browser, { locale: 'en-US' });
    await page.goto(`${baseUrl}/spa`);
    await toBeVisible(page.getByText('No comments yet'));
    await page.getByRole('button', { name: 'Second article' }).click();
    await toBeVisible(page.getByText('Second thread'));
    await toHaveCount(page.getByTestId('comment'), 1);
    await page.getByRole('button', { name: 'No comments' }).click();
    await toHaveCount(page.getByRole('form'), 0);
    await page.getByRole('button', { name: 'First article' }).click();
    await toBeVisible(page.getByText('No comments yet'));
    await page.getByRole('button', { name: 'First article' }).click(); // mounting twice is harmless
    await toHaveCount(page.getByRole('form', { name: 'Leave a comment' }), 1);
    expect(
      await page.locator('#comments').evaluate((el) => el.shadowRoot?.querySelectorAll('.causerie').length),
    ).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fills the comment counts of an index page in one request', async () => {
    await seedComment(baseUrl, { url: `${baseUrl}/dark`, body: 'Un', name: 'A' });
    await seedComment(baseUrl, { url: `${baseUrl}/dark`, body: 'Deux', name: 'B' });
    const { page, context } = await newReader(browser);
    const counts: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/counts')) counts.push(request.url());
    });
    // Other test files may comment on /dark too: the truth is the API's count.
    const api = await fetch(`${baseUrl}/api/v1/counts?url=${encodeURIComponent(`${baseUrl}/dark`)}`);
    const n = Object.values(((await api.json()) as { counts: Record<string, number> }).counts)[0];
    expect(n).toBeGreaterThanOrEqual(2);
    await page.goto(`${baseUrl}/index-with-counts.html`);
    const dark = page.locator('a[data-causerie-count][href="/dark"]');
    await expect.poll(() => textOf(dark)).toBe(`${n} commentaires`);
    expect(await textOf(page.locator('span[data-causerie-count]'))).toMatch(/^\d+ commentaires?$/);
    expect(counts).toHaveLength(1);
    // An index page has no thread of its own. The boot script mounts (attaching a shadow root at once)
    // before it fills the counts, so the filled count above is the marker that it decided not to.
    expect(await page.evaluate(() => [...document.querySelectorAll('*')].some((el) => el.shadowRoot))).toBe(
      false,
    );
    await toHaveCount(page.getByRole('form'), 0);
    await context.close();
  });
});
