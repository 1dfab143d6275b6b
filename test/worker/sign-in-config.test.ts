// GET /config's `auth` block, and how the sign-in vars are read (lib/sign-in-config.ts).
import { describe, expect, inject, it } from 'vitest';
import { readSignIn } from '../../worker/lib/sign-in-config.ts';
import { githubBindings, hit, oidcBindings } from './sign-in-flow.ts';

const authOf = async (bindings: Record<string, string>) =>
  ((await (await hit(bindings, '/api/v1/config')).json()) as { auth: unknown }).auth;

describe('GET /config auth', () => {
  const both = { ...oidcBindings(), ...githubBindings(), SSO_SECRET: 'x'.repeat(32) };

  it('lists the configured providers in a fixed order, and SSO, when AUTH is optional', async () => {
    expect(await authOf(both)).toEqual({
      guests: true,
      providers: [
        { id: 'github', name: 'GitHub' },
        { id: 'oidc', name: 'Test IdP' },
      ],
      sso: true,
    });
  });

  it('says guests may not comment when AUTH is required', async () => {
    expect(await authOf({ ...both, AUTH: 'required' })).toMatchObject({ guests: false, sso: true });
  });

  it('lists nothing while AUTH is off (the default), even with providers configured', async () => {
    expect(await authOf({ ...both, AUTH: 'off' })).toEqual({ guests: true, providers: [], sso: false });
    expect(await authOf({})).toEqual({ guests: true, providers: [], sso: false });
  });
});

describe('GET /admin/health signIn', () => {
  it('names the providers that are on and what is half configured', async () => {
    const res = await hit(
      { ...githubBindings(), OIDC_ISSUER: 'https://idp.example' },
      '/api/v1/admin/health',
      {
        headers: { Authorization: 'Bearer test-admin-token' },
      },
    );
    expect(((await res.json()) as { signIn: unknown }).signIn).toEqual({
      auth: 'optional',
      providers: ['github'],
      sso: false,
      problems: ['OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must all be set: OpenID sign-in is off'],
    });
  });
});

describe('reading the sign-in vars', () => {
  it('turns off a half-configured provider and says why', () => {
    const read = readSignIn({ GITHUB_CLIENT_ID: 'id', OIDC_ISSUER: 'https://idp.example' });
    expect(read.providers).toEqual([]);
    expect(read.problems).toEqual([
      'GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET must both be set: github sign-in is off',
      'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must all be set: OpenID sign-in is off',
    ]);
  });

  it('refuses plain http endpoints outside loopback, allows them on it', () => {
    const oidc = { OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 's' };
    expect(readSignIn({ ...oidc, OIDC_ISSUER: 'http://idp.example' }).providers).toEqual([]);
    const local = readSignIn({ ...oidc, OIDC_ISSUER: `${inject('oidcIssuer')}/` }).providers[0];
    expect(local).toMatchObject({ id: 'oidc', insecure: true, endpoints: { issuer: inject('oidcIssuer') } });
    expect(readSignIn({ ...oidc, OIDC_ISSUER: 'https://login.example/realms/x' }).providers[0]).toMatchObject(
      {
        name: 'login.example',
        insecure: false,
      },
    );
    const moved = readSignIn({ GOOGLE_CLIENT_ID: 'g', GOOGLE_CLIENT_SECRET: 's', GOOGLE_API_URL: 'ftp://x' });
    expect(moved.providers).toEqual([]);
  });

  it('takes the JWKS over a shared secret, and warns of a short secret', () => {
    expect(
      readSignIn({ SSO_JWKS_URL: 'https://blog.example/jwks.json', SSO_SECRET: 'x'.repeat(40) }),
    ).toMatchObject({
      sso: { key: { kind: 'jwks' } },
      problems: ['SSO_SECRET is ignored while SSO_JWKS_URL is set'],
    });
    expect(readSignIn({ SSO_SECRET: 'short' }).problems[0]).toMatch(/shorter than 32/);
  });
});
