// The popup against a fixed provider, GitHub, whose endpoints GITHUB_API_URL moves to a real stand-in on
// 127.0.0.1 (test/support/fake-github.ts): its token endpoint checks the secret and the PKCE verifier.
import { env } from 'cloudflare:test';
import { describe, expect, inject, it } from 'vitest';
import { resolveSession } from '../../worker/services/identity/sessions.ts';
import { GITHUB_CLIENT } from '../support/identity-fixtures.ts';
import { ORIGIN } from './helpers.ts';
import { githubBindings, hit, sessionToken, signIn, startPath } from './sign-in-flow.ts';

const vars = githubBindings();

describe('signing in with GitHub', () => {
  it('sends the reader to GitHub’s authorize path with PKCE and the app’s scopes', async () => {
    const res = await hit(vars, startPath('github'));
    const authorize = new URL(res.headers.get('Location') ?? '');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${inject('githubUrl')}/login/oauth/authorize`);
    expect(authorize.searchParams.get('client_id')).toBe(GITHUB_CLIENT.id);
    expect(authorize.searchParams.get('scope')).toBe('read:user user:email');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.has('nonce')).toBe(false);
  });

  it('signs in with the account’s name and its verified primary address', async () => {
    const result = await signIn(vars, 'github');
    expect(result.res.status).toBe(200);
    expect(result.posted?.origin).toBe(ORIGIN);
    const reader = await resolveSession(env.DB, sessionToken(result));
    expect(reader?.provider).toBe('github');
    expect(reader?.user).toMatchObject({
      name: 'Camille Octo',
      email: 'camille@example.org',
      avatar_url: null,
    });
    const identity = await env.DB.prepare(
      "SELECT subject, user_id FROM identities WHERE provider = 'github'",
    ).first<{ subject: string; user_id: string }>();
    expect(identity).toEqual({ subject: '4242', user_id: reader?.user.id });
  });

  it('finds the same account on the next sign-in, and keeps no unverified address', async () => {
    const first = await resolveSession(env.DB, sessionToken(await signIn(vars, 'github')));
    const second = await resolveSession(
      env.DB,
      sessionToken(await signIn(vars, 'github', { emails: 'unverified' })),
    );
    expect(second?.user.id).toBe(first?.user.id);
    // The primary address is unverified this time: nothing new is taken from it.
    expect(second?.user.email).toBe(first?.user.email);
    const users = await env.DB.prepare(
      "SELECT count(*) AS n FROM identities WHERE provider = 'github'",
    ).first<{
      n: number;
    }>();
    expect(users?.n).toBe(1);
  });

  it('says `provider_error` when GitHub refuses the client secret', async () => {
    const result = await signIn(githubBindings({ GITHUB_CLIENT_SECRET: 'wrong' }), 'github');
    expect(result.res.status).toBe(400);
    expect(result.posted).toEqual({
      origin: ORIGIN,
      message: { type: 'causerie:error', code: 'provider_error' },
    });
  });

  it('is off until both the client id and the secret are set', async () => {
    expect((await hit(githubBindings({ GITHUB_CLIENT_SECRET: '' }), startPath('github'))).status).toBe(404);
    expect(
      (await hit(githubBindings({ GITHUB_API_URL: 'http://github.example' }), startPath('github'))).status,
    ).toBe(404);
  });
});
