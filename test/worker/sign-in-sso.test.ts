// POST /auth/sso: the host site's JWT, HS256 with SSO_SECRET or ES256 through a JWKS served on 127.0.0.1
// (test/support/identity-servers.ts); every forged, expired, misaddressed or confused token is a 401.
import { env } from 'cloudflare:test';
import { importJWK, SignJWT } from 'jose';
import { describe, expect, inject, it } from 'vitest';
import { resolveSession } from '../../worker/services/identity/sessions.ts';
import { ORIGIN } from './helpers.ts';
import { hit } from './sign-in-flow.ts';

const SECRET = 'a-site-secret-of-at-least-32-characters!';
const hs256 = { AUTH: 'optional', SSO_SECRET: SECRET };
const jwks = () => ({ AUTH: 'optional', SSO_JWKS_URL: inject('ssoJwksUrl') });

const now = () => Math.floor(Date.now() / 1000);

const hsToken = (claims: Record<string, unknown>, secret = SECRET, header: Record<string, unknown> = {}) =>
  new SignJWT({
    sub: 'site-user-1',
    name: 'Louise Site',
    email: 'Louise@Blog.example',
    exp: now() + 300,
    ...claims,
  })
    .setProtectedHeader({ alg: 'HS256', ...header })
    .sign(new TextEncoder().encode(secret));

const esToken = async (claims: Record<string, unknown>, exp = now() + 300) => {
  const jwk = JSON.parse(inject('ssoPrivateJwk'));
  const key = await importJWK(jwk, 'ES256');
  return new SignJWT({ sub: 'site-user-2', name: 'Paul Clé', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
    .setExpirationTime(exp)
    .sign(key);
};

const b64 = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

const exchange = async (bindings: Record<string, string>, token: unknown) => {
  const res = await hit(bindings, '/api/v1/auth/sso', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify({ token }),
  });
  return { res, json: (await res.json()) as Record<string, any> };
};

const expectRefused = async (bindings: Record<string, string>, token: string | Promise<string>) => {
  const { res, json } = await exchange(bindings, await token);
  expect(res.status).toBe(401);
  expect(res.headers.get('Content-Type')).toContain('application/problem+json');
  expect(json.code).toBe('unauthorized');
};

describe('SSO with an HS256 shared secret', () => {
  it('trades a good token for a session of the site’s user, its address taken as verified', async () => {
    const { res, json } = await exchange(hs256, await hsToken({ picture: 'https://blog.example/me.png' }));
    expect(res.status).toBe(200);
    expect(json.session.token).toMatch(/^ses_[\w-]{43}$/);
    expect(Date.parse(json.session.expiresAt)).toBeGreaterThan(Date.now());
    expect(json.user).toEqual({
      id: expect.any(String),
      name: 'Louise Site',
      email: 'louise@blog.example',
      provider: 'sso',
    });
    const reader = await resolveSession(env.DB, json.session.token);
    expect(reader?.user).toMatchObject({ id: json.user.id, avatar_url: 'https://blog.example/me.png' });
    const identity = await env.DB.prepare("SELECT subject FROM identities WHERE provider = 'sso'").first();
    expect(identity).toEqual({ subject: 'site-user-1' });
  });

  it('refuses a token signed with another secret', async () => {
    await expectRefused(hs256, hsToken({}, 'another-secret-of-at-least-32-characters'));
  });

  it('refuses an expired token, and one without exp', async () => {
    await expectRefused(hs256, hsToken({ exp: now() - 120 }));
    const noExp = await new SignJWT({ sub: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(SECRET));
    await expectRefused(hs256, noExp);
  });

  it('refuses a token without sub', async () => {
    const noSub = await new SignJWT({ name: 'Nobody' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(now() + 60)
      .sign(new TextEncoder().encode(SECRET));
    await expectRefused(hs256, noSub);
  });

  it('checks the audience when SSO_AUDIENCE is set', async () => {
    const addressed = { ...hs256, SSO_AUDIENCE: 'https://comments.example' };
    await expectRefused(addressed, hsToken({ aud: 'https://elsewhere.example' }));
    await expectRefused(addressed, hsToken({}));
    expect((await exchange(addressed, await hsToken({ aud: 'https://comments.example' }))).res.status).toBe(
      200,
    );
  });

  it('refuses alg none', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'admin', exp: now() + 300 })}.`;
    await expectRefused(hs256, unsigned);
  });

  it('refuses what is not a JWT, and validates the body', async () => {
    await expectRefused(hs256, 'not.a.jwt');
    expect((await exchange(hs256, '')).res.status).toBe(422);
    expect((await exchange(hs256, 42)).res.status).toBe(422);
    expect((await exchange(hs256, 'x'.repeat(9000))).res.status).toBe(422);
  });

  it('answers 404 while SSO is not configured or AUTH is off', async () => {
    expect((await exchange({ AUTH: 'optional' }, await hsToken({}))).res.status).toBe(404);
    expect((await exchange({ ...hs256, AUTH: 'off' }, await hsToken({}))).res.status).toBe(404);
  });
});

describe('SSO with a JWKS (ES256)', () => {
  it('trades a token signed with the site’s published key', async () => {
    const { res, json } = await exchange(jwks(), await esToken({}));
    expect(res.status).toBe(200);
    expect(json.user).toMatchObject({ name: 'Paul Clé', email: null, provider: 'sso' });
  });

  it('refuses a token signed by a key the site does not publish', async () => {
    const { privateKey } = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const forged = await new SignJWT({ sub: 'site-user-2' })
      .setProtectedHeader({ alg: 'ES256', kid: 'site-1' })
      .setExpirationTime(now() + 300)
      .sign(privateKey);
    await expectRefused(jwks(), forged);
  });

  it('refuses an HS256 token keyed with the public JWK (algorithm confusion), even with SSO_SECRET set', async () => {
    const publicJwk = await (await fetch(inject('ssoJwksUrl'))).text();
    await expectRefused(jwks(), hsToken({}, publicJwk, { kid: 'site-1' }));
    await expectRefused({ ...jwks(), SSO_SECRET: SECRET }, hsToken({}));
  });

  it('refuses an expired token and a wrong audience', async () => {
    await expectRefused(jwks(), esToken({}, now() - 120));
    await expectRefused({ ...jwks(), SSO_AUDIENCE: 'causerie' }, esToken({ aud: 'other' }));
  });

  it('refuses every token when the key set cannot be fetched (401, never a 500)', async () => {
    await expectRefused({ AUTH: 'optional', SSO_JWKS_URL: 'http://127.0.0.1:9/jwks.json' }, esToken({}));
  });
});
