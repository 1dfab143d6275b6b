/**
 * Issue 13, item 2 end to end: e-mail sign-in against a real `wrangler dev` of our own whose e-mail API
 * (EMAIL_TRANSPORT=http) is a real HTTP server on 127.0.0.1 standing in for the provider. The test asks for
 * a link, receives the e-mail there, opens the link in Chromium, presses the page's button, lands back on
 * the page with the session in the fragment, uses the session, and sees the link refused a second time.
 * Every wait is on an event (the e-mail arrived, the browser navigated), never on a clock.
 */
import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { until } from '../support/events.ts';
import { closeServer, listenLocal, onBody, type Stack, startStack } from '../support/stack.ts';

interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const mails: Mail[] = [];
const arrived = new EventEmitter();
let receiver: Server;
let baseUrl = '';
let stack: Stack | undefined;
let browser: Browser;

/** Resolves with the first e-mail to `to`, as soon as the receiver has it. */
const mailTo = (to: string, timeoutMs = 20_000) =>
  until(
    arrived,
    'mail',
    () => mails.find((m) => m.to === to),
    timeoutMs,
    () => `no e-mail to ${to}; received: ${JSON.stringify(mails)}`,
  );

const api = (path: string, init: RequestInit & { token?: string } = {}) =>
  fetch(`${baseUrl}/api/v1${path}`, {
    ...init,
    headers: {
      Origin: baseUrl,
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
  });

beforeAll(async () => {
  receiver = createServer((req, res) =>
    onBody(req, (body) => {
      if (req.url === '/mail') {
        mails.push(JSON.parse(body) as Mail);
        arrived.emit('mail');
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"id":"m1"}');
    }),
  );
  const receiverUrl = await listenLocal(receiver);

  stack = await startStack({
    name: 'magic',
    vars: {
      RATE_LIMIT_WRITES: 'off',
      AUTH: 'optional',
      EMAIL_TRANSPORT: 'http',
      EMAIL_API_URL: `${receiverUrl}/mail`,
      EMAIL_API_KEY: 'e2e-mail-key',
      EMAIL_FROM: 'blog@example.com',
    },
  });
  baseUrl = stack.url;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  stack?.stop();
  await closeServer(receiver);
});

describe('e-mail sign-in by magic link', () => {
  it('e-mails a link that signs in once, in the browser, and hands the session back to the page', async () => {
    const address = 'emile@example.com';
    // Workers assets serve en.html at /en (their html_handling redirects the .html form there).
    const page = `${baseUrl}/en?post=1`;
    const asked = await api('/auth/email', {
      method: 'POST',
      body: JSON.stringify({ email: address, origin: baseUrl, url: page, name: 'Émile' }),
    });
    expect(asked.status).toBe(202);

    const mail = await mailTo(address);
    expect(mail.subject).toBe(`Sign in to comment on 127.0.0.1:${new URL(baseUrl).port}`);
    const link = /http:\/\/127\.0\.0\.1:\d+\/api\/v1\/auth\/email\/verify\?token=[A-Za-z0-9_-]{43}/.exec(
      mail.text,
    )?.[0];
    expect(link, mail.text).toBeDefined();

    const context = await browser.newContext();
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (err) => errors.push(err.message));
    await tab.goto(link as string);
    // The GET only shows the button: a scanner that fetched it has consumed nothing.
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await tab.waitForURL((url) => url.hash.startsWith('#causerie-session='));
    const landed = new URL(tab.url());
    expect(`${landed.origin}${landed.pathname}${landed.search}`).toBe(page);
    const token = new URLSearchParams(landed.hash.slice(1)).get('causerie-session') ?? '';
    expect(token).toMatch(/^ses_[A-Za-z0-9_-]{43}$/);

    // The session works: who, then a comment under the verified name.
    const me = await api('/me', { token });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ name: 'Émile', email: address, provider: 'email', role: null });
    const posted = await api('/comments', {
      method: 'POST',
      token,
      body: JSON.stringify({ url: page, body: 'Signé', author: { name: 'Not Émile' } }),
    });
    expect(posted.status).toBe(201);
    expect((await posted.json()).comment.author).toMatchObject({
      name: 'Émile',
      verified: { provider: 'email' },
    });

    // A replay is refused, by the browser's GET and by a POST alike: problem+json 401.
    const replay = await tab.goto(link as string);
    expect(replay?.status()).toBe(401);
    const again = await fetch(link as string, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl },
      body: '',
    });
    expect(again.status).toBe(401);
    expect(again.headers.get('Content-Type')).toContain('application/problem+json');
    expect(errors).toEqual([]);
    await context.close();

    // Signing out ends the session server-side.
    expect((await api('/auth/logout', { method: 'POST', token, body: '{}' })).status).toBe(204);
    expect((await api('/me', { token })).status).toBe(401);
  });
});
