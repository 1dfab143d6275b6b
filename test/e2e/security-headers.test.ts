/**
 * Issue 11, item 7: strict headers on the admin page, the widget's files, the demo pages and the API,
 * served by the e2e `wrangler dev` (dist/_headers from demo/_headers, and the API's middleware); and in
 * Chromium, a page of another origin cannot frame the admin page.
 */
import { createServer } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { closeServer, listenLocal } from '../support/stack.ts';

const baseUrl = inject('baseUrl');

const headersOf = async (path: string, init: RequestInit = {}) => {
  const res = await fetch(`${baseUrl}${path}`, init);
  await res.body?.cancel();
  return { status: res.status, headers: res.headers };
};

/** The directives of a CSP header, by name. */
const directives = (csp: string | null): Map<string, string> =>
  new Map(
    (csp ?? '')
      .split(/[;,]/)
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...values] = part.split(/\s+/);
        return [name, values.join(' ')];
      }),
  );

describe('security headers', () => {
  it('the admin page: a CSP without unsafe-inline, no framing, nosniff', async () => {
    const { status, headers } = await headersOf('/admin/');
    expect(status).toBe(200);
    const csp = headers.get('Content-Security-Policy');
    expect(csp).not.toContain('unsafe-inline');
    const policy = directives(csp);
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('style-src')).toBe("'self'");
    expect(headers.get('X-Frame-Options')).toBe('DENY');
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('embed.js and the app chunks: nosniff, and nothing that blocks another origin from loading them', async () => {
    for (const path of ['/embed.js', '/causerie-app.fr.js']) {
      const { status, headers } = await headersOf(path, { headers: { Origin: 'https://blog.example' } });
      expect(status, path).toBe(200);
      expect(headers.get('Content-Type')).toMatch(/javascript/);
      expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(headers.get('Cross-Origin-Resource-Policy')).toBeNull();
      expect(headers.get('Cross-Origin-Embedder-Policy')).toBeNull();
    }
  });

  it('the demo page: a CSP that loads scripts from this origin only', async () => {
    const { status, headers } = await headersOf('/');
    expect(status).toBe(200);
    const policy = directives(headers.get('Content-Security-Policy'));
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('the API: nosniff and default-src none / frame-ancestors none, on answers and errors', async () => {
    for (const path of [
      '/api/v1/config',
      '/api/v1/threads?url=javascript:1',
      '/api/v1/unsubscribe?c=x&sig=y',
    ]) {
      const { status, headers } = await headersOf(path);
      expect(status, path).toBeLessThan(500);
      expect(headers.get('X-Content-Type-Options'), path).toBe('nosniff');
      const policy = directives(headers.get('Content-Security-Policy'));
      expect(policy.get('default-src'), path).toBe("'none'");
      expect(policy.get('frame-ancestors'), path).toBe("'none'");
      expect(headers.get('Cross-Origin-Resource-Policy'), path).toBeNull();
    }
  });
});

describe('framing in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the admin page works under its CSP at the top level, and a foreign page cannot frame it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    // Positive: the page renders (its token form) with no CSP violation.
    await page.goto(`${baseUrl}/admin/`);
    await page.getByRole('button').first().waitFor({ state: 'visible', timeout: 10_000 });
    expect(violations).toEqual([]);

    // A foreign page from a real server of its own (another port: another origin). Not page.route: Chromium
    // counts a routed page as public, and its local-network rules would then block the loopback frame
    // whatever our headers say (measured: the frame errored with no headers at all).
    const html = `<!doctype html><title>Foreign</title>
      <iframe id="control" srcdoc="<p id=marker>framed fine</p>"></iframe>
      <iframe id="admin" name="admin-frame" onload="this.dataset.loaded = 'yes'" src="${baseUrl}/admin/"></iframe>`;
    const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(html));
    const foreign = await listenLocal(server);
    await page.goto(`${foreign}/foreign-page`);
    // Positive markers first: framing as such works on this page, and the admin frame finished loading.
    await page.frameLocator('#control').locator('#marker').waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForFunction(() => document.getElementById('admin')?.dataset.loaded === 'yes');
    const frame = page.frame({ name: 'admin-frame' });
    expect(frame).not.toBeNull();
    // Blocked: Chromium shows its error page instead (chrome-error://), never the admin page.
    expect(frame?.url() ?? '').not.toContain('/admin/');
    expect(frame ? await frame.locator('#admin').count() : 0).toBe(0);
    await context.close();
    await closeServer(server);
  });
});
