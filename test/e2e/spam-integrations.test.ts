/**
 * The spam integrations end to end (issue 14, part I): a `wrangler dev` of our own with Turnstile and
 * Telegram on, pointed at the fake siteverify and Bot API of test/worker/fake-services.ts (a real HTTP
 * server on 127.0.0.1); real Chromium, in which Cloudflare's script is answered by a stand-in that
 * behaves as the real explicit-render API (Chromium has no internet here). A reader posts through the
 * challenge; the owner approves the held comment from the Telegram message's button; the link then works
 * no more.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { type Stack, startStack } from '../support/stack.ts';
import { newReader, toBeVisible, toHaveCount } from '../support/widget-e2e.ts';
import type { LoggedRequest } from '../worker/fake-services.ts';
import { startFakeServices } from '../worker/fake-services.ts';

/**
 * Cloudflare's api.js as a stand-in: `render` draws a box and "solves" the challenge a moment later with a
 * token the fake siteverify accepts for this page's hostname; `reset` solves a new one.
 */
const FAKE_TURNSTILE = `
window.turnstile = (() => {
  const widgets = {};
  let n = 0;
  const solve = (id) => setTimeout(() => widgets[id].callback('pass:' + Math.random().toString(36).slice(2) + ':host=' + location.hostname), 50);
  return {
    render(element, params) {
      const id = 'w' + ++n;
      const box = document.createElement('div');
      box.dataset.testid = 'turnstile';
      box.textContent = 'Turnstile (' + params.sitekey + ', ' + params.action + ')';
      element.append(box);
      widgets[id] = params;
      solve(id);
      return id;
    },
    reset(id) { solve(id); },
    remove(id) { delete widgets[id]; },
  };
})();`;

let browser: Browser;
let fakes: Awaited<ReturnType<typeof startFakeServices>>;
let baseUrl = '';
let stack: Stack | undefined;

const fakeLog = async (tag: string): Promise<LoggedRequest[]> =>
  (await fetch(`${fakes.url}/__log?tag=${encodeURIComponent(tag)}`)).json() as Promise<LoggedRequest[]>;

beforeAll(async () => {
  fakes = await startFakeServices();
  stack = await startStack({
    name: 'spam',
    // The build (the e2e global setup made it) and the test pages, as the shared stack serves them.
    testPages: true,
    vars: {
      RATE_LIMIT_WRITES: 'off',
      MODERATION: 'all',
      TURNSTILE_SITE_KEY: 'e2e-site-key',
      TURNSTILE_SECRET: 'e2e-turnstile-secret',
      TURNSTILE_VERIFY_URL: `${fakes.url}/turnstile/v0/siteverify`,
      TELEGRAM_BOT_TOKEN: 'e2e-bot-token',
      TELEGRAM_CHAT_ID: '4242',
      TELEGRAM_API_URL: `${fakes.url}/telegram`,
    },
  });
  baseUrl = stack.url;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  stack?.stop();
  await fakes?.close();
});

describe('spam integrations in the browser', () => {
  it('refuses a post without a challenge token (403 challenge_failed)', async () => {
    const res = await fetch(`${baseUrl}/api/v1/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: `${baseUrl}/no-token`, body: 'sans jeton' }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('challenge_failed');
  });

  it('posts through the challenge; the owner approves from Telegram; the link works once', async () => {
    const { page, context, errors } = await newReader(browser);
    const cloudflare: string[] = [];
    await context.route('https://challenges.cloudflare.com/**', (route) => {
      cloudflare.push(route.request().url());
      return route.fulfill({ contentType: 'text/javascript', body: FAKE_TURNSTILE });
    });
    const tag = `e2e-${Date.now().toString(36)}`;
    await page.goto(`${baseUrl}/test/thread.html?id=${tag}&loading=eager`);
    const form = page.getByRole('form', { name: 'Laisser un commentaire' });
    const body = form.getByLabel('Commentaire', { exact: true });
    await body.click();
    await toBeVisible(form.getByTestId('turnstile'));
    expect(await form.getByTestId('turnstile').textContent()).toBe('Turnstile (e2e-site-key, comment)');
    expect(cloudflare).toEqual(['https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit']);
    await body.fill(`Un avis qui attend ${tag}`);
    await form.getByLabel('Nom').fill('Zoé');
    await form.getByRole('button', { name: 'Publier le commentaire' }).click();
    await toHaveCount(page.getByTestId('comment'), 1);
    await toBeVisible(page.getByText('En attente de modération', { exact: true }));

    // The owner's Telegram message, with its three buttons.
    let sent: LoggedRequest | undefined;
    await expect
      .poll(async () => (sent = (await fakeLog(tag)).find((r) => r.path.includes('/telegram/'))))
      .toBeDefined();
    type Keyboard = { inline_keyboard: Array<Array<{ text: string; url: string }>> };
    const keyboard = (sent?.fields.reply_markup as Keyboard | undefined)?.inline_keyboard[0];
    const approve = keyboard?.find((b) => b.text === 'Approve')?.url ?? '';
    expect(approve.startsWith(`${baseUrl}/api/v1/moderate?`)).toBe(true);

    // Opening the link acts on nothing; its button does.
    const owner = await context.newPage();
    await owner.goto(approve);
    await toBeVisible(owner.getByRole('heading', { name: 'Approve this comment?' }));
    expect(await owner.textContent('blockquote')).toContain(tag);
    await owner.getByRole('button', { name: 'Approve' }).click();
    await toBeVisible(owner.getByRole('heading', { name: 'The comment is approved.' }));

    const thread = await fetch(
      `${baseUrl}/api/v1/threads?id=${tag}&url=${encodeURIComponent(`${baseUrl}/test/thread.html`)}`,
    );
    const { comments } = (await thread.json()) as { comments: Array<{ status: string; html: string }> };
    expect(comments.map((c) => c.status)).toEqual(['approved']);

    const again = await owner.goto(approve);
    expect(again?.status()).toBe(403);
    expect(await owner.textContent('body')).toContain('already used');
    expect(errors).toEqual([]);
    await context.close();
  });
});
