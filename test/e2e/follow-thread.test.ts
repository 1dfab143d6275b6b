/**
 * Issue 17, items 2–3, in real Chromium against `wrangler dev` with e-mail on (the `http` transport to an
 * e-mail API on 127.0.0.1): a thread shows its feed link and puts one `<link rel="alternate">` in the
 * page's head; a guest follows with an address, is told to check their inbox, and the confirmation e-mail
 * arrives at the e-mail API.
 */
import { EventEmitter, once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { closeServer, listenLocal, onBody, type Stack, startStack } from '../support/stack.ts';
import { newReader, seedComment } from '../support/widget-e2e.ts';

let browser: Browser;
let stack: Stack;
let mailApi: Server;
interface Mail {
  to: string;
  subject: string;
  text: string;
}
const mails: Mail[] = [];
const arrivals = new EventEmitter();

/** The first e-mail to `address`, once the e-mail API has it (bounded by the test's timeout). */
const mailTo = async (address: string): Promise<Mail> => {
  for (;;) {
    const found = mails.find((m) => m.to === address);
    if (found) return found;
    await once(arrivals, 'mail');
  }
};

beforeAll(async () => {
  mailApi = createServer((req, res) =>
    onBody(req, (body) => {
      mails.push(JSON.parse(body));
      arrivals.emit('mail');
      res.writeHead(202, { 'Content-Type': 'application/json' }).end('{"id":"1"}');
    }),
  );
  const mailUrl = await listenLocal(mailApi);
  [stack, browser] = await Promise.all([
    startStack({
      name: 'follow',
      testPages: true,
      vars: {
        RATE_LIMIT_WRITES: 'off',
        EMAIL_TRANSPORT: 'http',
        EMAIL_API_URL: `${mailUrl}/send`,
        EMAIL_FROM: 'blog@example.com',
      },
    }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  stack?.stop();
  await closeServer(mailApi);
});

describe('following a thread in the widget', () => {
  it('links the feed (and hints it in the head), and lets a guest follow through the double opt-in', async () => {
    const threadPage = `${stack.url}/test/thread.html`;
    await seedComment(stack.url, { url: threadPage, id: 'e2e-follow', body: 'Premier !' });
    const { page, context, errors } = await newReader(browser);
    await page.goto(`${threadPage}?id=e2e-follow&loading=eager`);

    // The follow line's link (the server HTML's own, for readers without the app, shows until it comes).
    const feed = page.locator('.follow').getByRole('link', { name: 'Flux des commentaires (Atom)' });
    await feed.waitFor();
    const href = (await feed.getAttribute('href')) ?? '';
    expect(href).toContain('/api/v1/feed?');
    expect(new URL(href).searchParams.get('id')).toBe('e2e-follow');
    const hints = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    expect(await hints.count()).toBe(1);
    expect(await hints.getAttribute('href')).toBe(href);
    // The feed it names is the thread's Atom feed.
    const atom = await fetch(href);
    expect(atom.headers.get('Content-Type')).toMatch(/^application\/atom\+xml/);
    expect(await atom.text()).toContain('Premier !');

    await page.getByRole('button', { name: 'Suivre cette discussion' }).click();
    const address = `guest-${Date.now().toString(36)}@example.com`;
    await page.getByLabel('Votre e-mail').fill(address);
    await page.getByRole('button', { name: 'Suivre cette discussion' }).click();
    await page.getByText('Consultez votre boîte de réception', { exact: false }).waitFor();

    // The confirmation goes out after the answer (waitUntil).
    const confirmation = await mailTo(address);
    expect(confirmation.text).toContain('/api/v1/confirm?');
    expect(errors).toEqual([]);
    await context.close();
  });
});
