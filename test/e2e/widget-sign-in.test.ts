// AFTER MERGE: rename to test/e2e/widget-sign-in.test.ts once id/oauth (test/support/oidc-provider.ts,
// identity-fixtures.ts, oauth2-mock-server) and id/account (GET /me, MODERATORS) are merged: it imports
// them, so on id/widget alone it cannot type-check. Run on a merge of id/widget + id/oauth + id/account
// (2026-12-01, about 23:25 UTC): both tests pass in Chromium (popup sign-in, post with the mark, sign-out, axe
// 0 violations; the admin page's moderator sign-in with role).

/**
 * Issue 13, part C, end to end in Chromium: the real widget on a host page of its own origin, sign-in on
 * (AUTH=optional, a real OpenID Connect provider on 127.0.0.1): "Sign in with Test IdP" opens the popup,
 * the worker's callback page hands the session back, the widget shows who is signed in, posts with the
 * session (the comment carries the verified mark), and signs out. Its own `wrangler dev`, as
 * sign-in-popup.test.ts.
 */
import { createServer, type Server } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import type { OAuth2Server } from 'oauth2-mock-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { OIDC_PROFILE, oidcSignInVars } from '../support/identity-fixtures.ts';
import { startOidcProvider } from '../support/oidc-provider.ts';
import { listenLocal, type Stack, startStack } from '../support/stack.ts';

let browser: Browser;
let provider: OAuth2Server;
let host: Server;
let hostOrigin: string;
let workerUrl: string;
let stack: Stack | undefined;

const hostPage = (worker: string, origin: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A post</title></head>
<body><main><h1>A post</h1><div id="comments"></div></main>
<script src="${worker}/embed.js" data-target="#comments" data-loading="eager" data-url="${origin}/post"></script>
</body></html>`;

beforeAll(async () => {
  const oidc = await startOidcProvider();
  provider = oidc.server;
  host = createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(hostPage(workerUrl, hostOrigin)),
  );
  hostOrigin = await listenLocal(host);

  stack = await startStack({
    name: 'e2e-widget-sign-in',
    vars: {
      ...oidcSignInVars(oidc.issuer, hostOrigin),
      MODERATORS: `${OIDC_PROFILE.email.toLowerCase()}=owner`,
    },
  });
  workerUrl = stack.url;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  stack?.stop();
  host?.close();
  await provider?.stop();
});

describe('signing in from the widget, in Chromium', () => {
  it('signs in through the popup, posts with a verified mark, and signs out', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${hostOrigin}/post`);

    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Sign in with Test IdP' }).click(),
    ]);
    await popup.waitForEvent('close', { timeout: 20_000 });
    await page.getByText(`Signed in as ${OIDC_PROFILE.name}`).waitFor();
    expect(await page.getByLabel('Name', { exact: true }).count()).toBe(0);
    const axe = await new AxeBuilder({ page }).include('#comments').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    await page.getByLabel('Comment', { exact: true }).fill('Signed, sealed');
    await page.getByRole('button', { name: 'Post comment' }).click();
    const mine = page.getByTestId('comment').filter({ hasText: 'Signed, sealed' });
    await mine.getByRole('img', { name: 'Verified: oidc' }).waitFor();
    expect(await mine.locator('.author').textContent()).toBe(OIDC_PROFILE.name);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('session')))).toEqual(
      [],
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('signs a moderator in to the admin page with the same popup, and names them and their role', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${workerUrl}/admin/`);
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Sign in with Test IdP' }).click(),
    ]);
    await popup.waitForEvent('close', { timeout: 20_000 });
    await page.getByText(`Signed in as ${OIDC_PROFILE.name} (owner)`).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Use the admin token' }).waitFor();
    await context.close();
  });
});
