/**
 * Live threads (issue 17) in real Chromium against `wrangler dev` (the real Durable Object, local D1): two
 * readers on one thread, each with its own browser context. A comment posted in one shows in the other,
 * behind the "new comments" button, without a reload; a moderator's spam decision takes it off both pages.
 * Every wait is on an event (a WebSocket frame, an element), never on time. How fast the button shows is
 * printed, not asserted: a full `npm test` on two cores once took over a second, and speed belongs in
 * `npm run bench` (the README's live figures), not in a timed test.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { E2E_SECRETS } from '../support/stack.ts';
import { newReader, toBeVisible, toHaveCount } from '../support/widget-e2e.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const thread = (id: string) => `${baseUrl}/test/thread.html?id=${id}&loading=eager`;

/**
 * Opens the thread and resolves once its live socket has said hello (the server's first frame), with every
 * live frame the page hears from then on (what a failure prints: heard and not shown, or never heard).
 */
const openLive = async (page: Page, url: string): Promise<string[]> => {
  const frames: string[] = [];
  const hello = new Promise<void>((resolve) =>
    page.on('websocket', (socket) => {
      if (!socket.url().includes('/api/v1/live?')) return;
      frames.push(`open ${socket.url()}`);
      socket.on('close', () => frames.push('close'));
      socket.on('framereceived', ({ payload }) => {
        frames.push(String(payload).slice(0, 120));
        if (String(payload).includes('"hello"')) resolve();
      });
    }),
  );
  await page.goto(url);
  await hello;
  return frames;
};

describe('two readers on one live thread', () => {
  it('shows a comment posted in one page in the other without a reload, then a spam decision removes it from both', async () => {
    const id = `e2e-live-${Date.now().toString(36)}`;
    const writer = await newReader(browser);
    const reader = await newReader(browser);
    await openLive(writer.page, thread(id));
    const heard = await openLive(reader.page, thread(id));

    const form = writer.page.getByRole('form', { name: 'Laisser un commentaire' });
    // The reader turns to the form first: its guest fields come with the rest of the form (issue 15's diet).
    await form.getByLabel('Commentaire', { exact: true }).fill('En direct, sans recharger.');
    await form.getByLabel('Nom').fill('Camille');
    const posted = writer.page.waitForResponse(
      (res) => res.url().endsWith('/api/v1/comments') && res.request().method() === 'POST',
    );
    await form.getByRole('button', { name: 'Publier le commentaire' }).click();
    const answer = await posted;
    const since = Date.now();
    const { comment } = (await answer.json()) as { comment: { id: string; status: string } };
    // Published, not held: only a published comment is news to other readers.
    expect([answer.status(), comment.status]).toEqual([201, 'approved']);

    const show = reader.page.getByRole('button', { name: '1 nouveau commentaire — afficher' });
    await toBeVisible(show).catch((error: Error) => {
      throw new Error(`${error.message}\nThe reader's live frames: ${JSON.stringify(heard)}`);
    });
    console.info(
      `live e2e: the other page showed the button ${Date.now() - since} ms after the POST answered`,
    );
    // Behind the button: not in the list until the reader asks (the positive marker, the button, is in).
    await toHaveCount(reader.page.getByTestId('comment'), 0);
    await show.click();
    await toHaveCount(reader.page.getByTestId('comment'), 1);
    await toBeVisible(reader.page.getByText('En direct, sans recharger.'));
    await toHaveCount(writer.page.getByTestId('comment'), 1);

    const spam = await fetch(`${baseUrl}/api/v1/admin/comments/${comment.id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${E2E_SECRETS.ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'spam' }),
    });
    expect(spam.status).toBe(200);
    await toHaveCount(reader.page.getByTestId('comment'), 0);
    await toHaveCount(writer.page.getByTestId('comment'), 0);

    expect(writer.errors).toEqual([]);
    expect(reader.errors).toEqual([]);
    await writer.context.close();
    await reader.context.close();
  });

  it('updates a like count in the other page live', async () => {
    const id = `e2e-live-like-${Date.now().toString(36)}`;
    const seeded = await fetch(`${baseUrl}/api/v1/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        url: `${baseUrl}/test/thread.html`,
        id,
        body: 'À aimer',
        author: { name: 'Alice' },
      }),
    });
    expect(seeded.status).toBe(201);
    const one = await newReader(browser);
    const two = await newReader(browser);
    await openLive(one.page, thread(id));
    await openLive(two.page, thread(id));
    const likeIn = (page: Page) => page.getByRole('button', { name: /J’aime le commentaire de Alice/ });
    await likeIn(one.page).click();
    await expect
      .poll(async () => (await likeIn(two.page).textContent()) ?? '', { timeout: 10_000 })
      .toContain('1');
    await one.context.close();
    await two.context.close();
  });
});
