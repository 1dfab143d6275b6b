/**
 * Issue 13: the whole sign-in popup in Chromium. A host page on an allowed origin of its own opens the
 * popup on the worker's origin; the popup goes through a real OpenID Connect provider on 127.0.0.1
 * (oauth2-mock-server, consent at once) and back to the worker's callback page, which posts the session
 * token to the host page and closes; the token then authenticates a request from that page.
 * This file runs its own `wrangler dev` (sign-in on, an allowed origin) so the shared stack of the other
 * e2e files keeps its configuration (no allowed origins, AUTH off: test/e2e/doctor.test.ts reads them).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { OAuth2Server } from 'oauth2-mock-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { oidcSignInVars } from '../support/identity-fixtures.ts';
import { startOidcProvider } from '../support/oidc-provider.ts';
import { listenLocal, type Stack, startStack } from '../support/stack.ts';

const openerPage = readFileSync(new URL('../pages/sign-in-opener.html', import.meta.url), 'utf8');

let browser: Browser;
let provider: OAuth2Server;
let opener: Server;
let openerOrigin: string;
let workerUrl: string;
let stack: Stack | undefined;

beforeAll(async () => {
  const oidc = await startOidcProvider();
  provider = oidc.server;
  opener = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(openerPage));
  openerOrigin = await listenLocal(opener);

  stack = await startStack({
    name: 'e2e-sign-in',
    vars: oidcSignInVars(oidc.issuer, openerOrigin),
  });
  workerUrl = stack.url;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  stack?.stop();
  opener?.close();
  await provider?.stop();
});

describe('the sign-in popup in Chromium', () => {
  it('hands the opener a session token that authenticates its requests, then closes', async () => {
    const config = await (await fetch(`${workerUrl}/api/v1/config`)).json();
    expect(config.auth).toEqual({ guests: true, providers: [{ id: 'oidc', name: 'Test IdP' }], sso: false });

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${openerOrigin}/?worker=${encodeURIComponent(workerUrl)}`);
    const [popup] = await Promise.all([context.waitForEvent('page'), page.click('#sign-in')]);
    await popup.waitForEvent('close', { timeout: 20_000 });

    await page.waitForFunction(() => (window as unknown as { received: unknown[] }).received.length > 0);
    const received = await page.evaluate(() => (window as unknown as { received: unknown[] }).received);
    expect(received).toHaveLength(1);
    const message = received[0] as { type: string; token: string };
    expect(message.type).toBe('causerie:session');
    expect(message.token).toMatch(/^ses_[\w-]{43}$/);

    // From the host page, as the widget will: the bearer is a live session (a dead one is a 401).
    const statuses = await page.evaluate(
      async ({ worker, token }) => {
        // POST /preview: never cached, so the worker itself judges the bearer every time.
        const call = (bearer: string) =>
          fetch(`${worker}/api/v1/preview`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ body: 'Bonjour' }),
          }).then((r) => r.status);
        return [await call(token), await call(`ses_${'A'.repeat(43)}`)];
      },
      { worker: workerUrl, token: message.token },
    );
    expect(statuses).toEqual([200, 401]);
    await context.close();
  });
});
