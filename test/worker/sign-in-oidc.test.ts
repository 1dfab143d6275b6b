// The sign-in popup against a real OpenID Connect provider on 127.0.0.1 (oauth2-mock-server, started by
// test/support/identity-servers.ts): the good path, then every way a popup can be forged or go wrong.
import { env } from 'cloudflare:test';
import { describe, expect, inject, it } from 'vitest';
import { resolveSession } from '../../worker/services/identity/sessions.ts';
import { OIDC_CLIENT } from '../support/identity-fixtures.ts';
import { ORIGIN } from './helpers.ts';
import {
  hit,
  oidcBindings,
  readPopup,
  sessionToken,
  signIn,
  startPath,
  throughProvider,
  WORKER,
} from './sign-in-flow.ts';

const vars = oidcBindings();

const expectFailure = (
  result: Awaited<ReturnType<typeof signIn>>,
  status: number,
  code: string,
  origin: string | null = ORIGIN,
) => {
  expect(result.res.status).toBe(status);
  expect(result.res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  if (origin === null) expect(result.posted).toBeNull();
  else expect(result.posted).toEqual({ origin, message: { type: 'causerie:error', code } });
  expect(result.html).toContain(`(${code})`);
};

describe('signing in through an OpenID Connect provider', () => {
  it('redirects to the issuer with PKCE S256, a state and a nonce', async () => {
    const res = await hit(vars, startPath('oidc'));
    expect(res.status).toBe(302);
    const authorize = new URL(res.headers.get('Location') ?? '');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${inject('oidcIssuer')}/authorize`);
    const params = authorize.searchParams;
    expect(params.get('client_id')).toBe(OIDC_CLIENT.id);
    expect(params.get('redirect_uri')).toBe(`${WORKER}/api/v1/auth/oidc/callback`);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('scope')).toBe('openid email profile');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toMatch(/^[\w-]{43}$/);
    expect(params.get('nonce')).toMatch(/^[\w-]{43}$/);
    // Only its hash is stored, with a 10-minute life.
    const row = await env.DB.prepare("SELECT id_hash, expires_at FROM auth_flows WHERE kind = 'oauth'")
      .all<{ id_hash: string; expires_at: string }>()
      .then((r) => r.results.at(-1));
    expect(row?.id_hash).toMatch(/^[0-9a-f]{64}$/);
    const life = Date.parse(row?.expires_at ?? '') - Date.now();
    expect(life).toBeGreaterThan(9 * 60_000);
    expect(life).toBeLessThanOrEqual(10 * 60_000);
  });

  it('ends with a page that posts a working session token to the opener’s exact origin', async () => {
    const result = await signIn(vars, 'oidc');
    expect(result.res.status).toBe(200);
    expect(result.posted?.origin).toBe(ORIGIN);
    const token = sessionToken(result);
    expect(token).toMatch(/^ses_[\w-]{43}$/);
    const reader = await resolveSession(env.DB, token);
    expect(reader?.provider).toBe('oidc');
    expect(reader?.user).toMatchObject({
      name: 'Jeanne Martin',
      email: 'jeanne@example.org',
      avatar_url: 'https://avatars.example/jeanne.png',
    });
    // The bearer works on the API; a made-up one is refused.
    expect(
      (await hit(vars, '/api/v1/config', { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    const fake = `ses_${'A'.repeat(43)}`;
    expect((await hit(vars, '/api/v1/config', { headers: { Authorization: `Bearer ${fake}` } })).status).toBe(
      401,
    );
  });

  it('serves the page with a nonce CSP, no inline handler, no-store and no referrer', async () => {
    const result = await signIn(vars, 'oidc');
    const csp = result.res.headers.get('Content-Security-Policy') ?? '';
    const nonce = /script-src 'nonce-([\w-]+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(result.html).toContain(`<script nonce="${nonce}">`);
    expect(result.html).toContain('window.opener.postMessage(result.message, result.origin)');
    expect(result.html).not.toMatch(/\son[a-z]+=/i);
    expect(result.res.headers.get('Cache-Control')).toBe('no-store');
    expect(result.res.headers.get('Referrer-Policy')).toBe('no-referrer');
    // Each answer its own nonce.
    const again = await signIn(vars, 'oidc');
    expect(again.res.headers.get('Content-Security-Policy')).not.toBe(csp);
  });

  it('keeps only an address the provider verified', async () => {
    const token = sessionToken(await signIn(vars, 'oidc', { scenario: 'unverified-email' }));
    const reader = await resolveSession(env.DB, token);
    expect(reader?.user.name).toBe('Jeanne Martin');
    expect(reader?.user.email).toBeNull();
  });

  it('refuses a replayed callback: the state is single-use', async () => {
    const { callbackPath } = await throughProvider(vars, 'oidc');
    expect((await readPopup(await hit(vars, callbackPath))).res.status).toBe(200);
    // The state is gone, so is the origin it named: the page posts nothing.
    expectFailure(await readPopup(await hit(vars, callbackPath)), 400, 'invalid_state', null);
  });

  it('refuses a callback without a state, or with a made-up one', async () => {
    expectFailure(
      await readPopup(await hit(vars, '/api/v1/auth/oidc/callback?code=x')),
      400,
      'invalid_state',
      null,
    );
    const forged = await hit(vars, `/api/v1/auth/oidc/callback?code=x&state=${'s'.repeat(43)}`);
    expectFailure(await readPopup(forged), 400, 'invalid_state', null);
  });

  it('refuses a state older than 10 minutes, and tells the opener', async () => {
    const { callbackPath } = await throughProvider(vars, 'oidc');
    await env.DB.prepare(
      "UPDATE auth_flows SET expires_at = '2000-01-01T00:00:00.000Z' WHERE kind = 'oauth'",
    ).run();
    expectFailure(await readPopup(await hit(vars, callbackPath)), 400, 'expired');
  });

  it('binds the code to its PKCE verifier: a code under another flow’s state is refused', async () => {
    const first = await throughProvider(vars, 'oidc');
    const second = await throughProvider(vars, 'oidc');
    const code = new URL(first.callbackPath, WORKER).searchParams.get('code') ?? '';
    const state = new URL(second.callbackPath, WORKER).searchParams.get('state') ?? '';
    const res = await hit(vars, `/api/v1/auth/oidc/callback?code=${code}&state=${state}`);
    expectFailure(await readPopup(res), 400, 'provider_error');
  });

  it('says `cancelled` when the reader refuses consent', async () => {
    expectFailure(await signIn(vars, 'oidc', { scenario: 'denied' }), 403, 'cancelled');
  });

  it('says `provider_error` when the token endpoint refuses the code', async () => {
    expectFailure(await signIn(vars, 'oidc', { scenario: 'token-error' }), 400, 'provider_error');
  });

  it.each([
    ['an expired ID token', 'expired'],
    ['an ID token for another audience', 'wrong-audience'],
    ['an ID token from another issuer', 'wrong-issuer'],
    ['an ID token with another nonce', 'wrong-nonce'],
    ['an ID token whose claims were changed after signing', 'forged'],
  ])('refuses %s (401 invalid_token) and starts no session', async (_name, scenario) => {
    const before = await env.DB.prepare('SELECT count(*) AS n FROM sessions').first<{ n: number }>();
    expectFailure(await signIn(vars, 'oidc', { scenario }), 401, 'invalid_token');
    const after = await env.DB.prepare('SELECT count(*) AS n FROM sessions').first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });

  it('refuses an opener origin that may not embed comments (403), storing no state', async () => {
    const before = await env.DB.prepare('SELECT count(*) AS n FROM auth_flows').first<{ n: number }>();
    for (const origin of ['https://evil.example', 'null', 'javascript:alert(1)']) {
      const res = await hit(vars, startPath('oidc', origin));
      expect(res.status).toBe(403);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
      expect(((await res.json()) as { code: string }).code).toBe('origin_not_allowed');
    }
    expect((await hit(vars, '/api/v1/auth/oidc/start')).status).toBe(400);
    const after = await env.DB.prepare('SELECT count(*) AS n FROM auth_flows').first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });

  it('answers 404 for an unknown provider, one not configured, and any while AUTH is off', async () => {
    for (const [bindings, provider] of [
      [vars, 'myspace'],
      [vars, 'github'],
      [{ ...vars, AUTH: 'off' }, 'oidc'],
      // Plain http to a host that is not loopback would send the client secret in clear: refused.
      [{ ...vars, OIDC_ISSUER: 'http://idp.example' }, 'oidc'],
    ] as const) {
      const start = await hit(bindings, startPath(provider));
      expect(start.status).toBe(404);
      expect(((await start.json()) as { code: string }).code).toBe('not_found');
      expect((await hit(bindings, `/api/v1/auth/${provider}/callback?code=x&state=y`)).status).toBe(404);
    }
  });

  it('refuses a state started for another provider, telling the opener', async () => {
    const both = {
      ...vars,
      GITHUB_CLIENT_ID: 'gh',
      GITHUB_CLIENT_SECRET: 'gh',
      GITHUB_API_URL: inject('githubUrl'),
    };
    const start = await hit(both, startPath('github'));
    const state = new URL(start.headers.get('Location') ?? '').searchParams.get('state');
    const res = await hit(both, `/api/v1/auth/oidc/callback?code=x&state=${state}`);
    expectFailure(await readPopup(res), 400, 'invalid_state');
  });

  it('says `provider_error` when the issuer cannot be reached', async () => {
    const down = oidcBindings({ OIDC_ISSUER: 'http://127.0.0.1:9' });
    const res = await hit(down, startPath('oidc'));
    expectFailure(await readPopup(res), 400, 'provider_error');
  });

  it('limits sign-in starts per IP: 30 per 10 minutes, then 429 with Retry-After', async () => {
    const from = (ip: string) => ({ headers: { 'CF-Connecting-IP': ip } });
    for (let i = 0; i < 30; i++)
      expect((await hit(vars, startPath('oidc'), from('203.0.113.7'))).status).toBe(302);
    const refused = await hit(vars, startPath('oidc'), from('203.0.113.7'));
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { code: string }).code).toBe('rate_limited');
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Another address still may.
    expect((await hit(vars, startPath('oidc'), from('203.0.113.8'))).status).toBe(302);
  });

  it('signs in with Google through the same OpenID path (GOOGLE_API_URL moves its issuer, for tests)', async () => {
    const google = {
      AUTH: 'optional',
      GOOGLE_CLIENT_ID: OIDC_CLIENT.id,
      GOOGLE_CLIENT_SECRET: OIDC_CLIENT.secret,
      GOOGLE_API_URL: inject('oidcIssuer'),
    };
    const reader = await resolveSession(env.DB, sessionToken(await signIn(google, 'google')));
    expect(reader?.provider).toBe('google');
    expect(reader?.user.email).toBe('jeanne@example.org');
    const identity = await env.DB.prepare("SELECT subject FROM identities WHERE provider = 'google'").first();
    expect(identity).toEqual({ subject: 'johndoe' });
  });
});
