/**
 * Cloudflare Turnstile on POST /comments (issue 14, item 2), against a real siteverify on 127.0.0.1
 * (test/worker/fake-services.ts): tokens are single-use there, the idempotency key lets a retry verify
 * again, and its failures (5xx, not JSON, silence) are real HTTP behaviour.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../worker/env.ts';
import { startSession } from '../../worker/services/identity/sessions.ts';
import { idempotencyKey, verifyChallenge } from '../../worker/services/spam/turnstile.ts';
import { call, freshPage } from './helpers.ts';
import { clientId, fake, fakeLog, marker, postWith, storedComment, TURNSTILE } from './spam-helpers.ts';

const vars = () => ({ ...TURNSTILE(), RATE_LIMIT_WRITES: 'off' });

const post = (
  extra: Record<string, unknown>,
  headers: Record<string, string> = {},
  more: Record<string, string> = {},
) => postWith({ ...vars(), ...more }, { url: freshPage(), body: 'Bonjour, joli billet.', ...extra }, headers);

describe('GET /config with Turnstile', () => {
  it('names the provider and the site key, never the secret', async () => {
    const { res, json } = await call(vars() as Partial<Cloudflare.Env>, '/api/v1/config');
    expect(res.status).toBe(200);
    expect(json.challenge).toEqual({ provider: 'turnstile', siteKey: 'test-site-key' });
    expect(JSON.stringify(json)).not.toContain('test-turnstile-secret');
  });

  it('stays off with a site key but no secret', async () => {
    const { json } = await call({ TURNSTILE_SITE_KEY: 'k' } as Partial<Cloudflare.Env>, '/api/v1/config');
    expect(json.challenge).toBeNull();
  });
});

describe('POST /comments with Turnstile on', () => {
  it('refuses a post without a token with 403 challenge_failed, and stores nothing', async () => {
    const url = freshPage();
    const { res, json } = await postWith(vars(), { url, body: 'no token' });
    expect(res.status).toBe(403);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(json).toMatchObject({ status: 403, code: 'challenge_failed', detail: 'no challenge token' });
    const thread = await call({}, `/api/v1/threads?url=${encodeURIComponent(url)}`);
    expect(thread.json.comments).toEqual([]);
  });

  it('refuses a token siteverify refuses', async () => {
    const token = `fail:${marker('refused')}`;
    const { res, json } = await post({ challengeToken: token });
    expect(res.status).toBe(403);
    expect(json.detail).toContain('invalid-input-response');
    expect(await fakeLog(token)).toHaveLength(1);
  });

  it('publishes with a good token, sending the secret, the token, the IP and an idempotency key', async () => {
    const token = `pass:${marker('good')}`;
    const id = clientId();
    const { res, json } = await post({ challengeToken: token, clientId: id });
    expect(res.status).toBe(201);
    expect(json.comment.status).toBe('approved');
    const [sent] = await fakeLog(token);
    expect(sent?.contentType).toContain('application/json');
    expect(sent?.fields).toEqual({
      secret: 'test-turnstile-secret',
      response: token,
      remoteip: '203.0.113.7',
      idempotency_key: await idempotencyKey('test-secret-key', id, token),
    });
    expect(sent?.fields.idempotency_key).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('answers a retry of the same clientId with the first comment, without a new token or a second check', async () => {
    const token = `pass:${marker('retry')}`;
    const id = clientId();
    const url = freshPage();
    const first = await postWith(vars(), { url, body: 'once', challengeToken: token, clientId: id });
    expect(first.res.status).toBe(201);
    const again = await postWith(vars(), { url, body: 'once', clientId: id });
    expect(again.res.status).toBe(200);
    expect(again.json.comment.id).toBe(first.json.comment.id);
    expect(await fakeLog(token)).toHaveLength(1);
  });

  it('refuses a token used once already for another post (single use)', async () => {
    const token = `pass:${marker('spent')}`;
    expect((await post({ challengeToken: token, clientId: clientId() })).res.status).toBe(201);
    const { res, json } = await post({ challengeToken: token, clientId: clientId() });
    expect(res.status).toBe(403);
    expect(json.detail).toContain('timeout-or-duplicate');
  });

  it('refuses a token solved on another site, or for another action', async () => {
    const host = await post({ challengeToken: `pass:${marker('host')}:host=evil.example` });
    expect(host.res.status).toBe(403);
    expect(host.json.detail).toContain('another site (evil.example)');
    const action = await post({ challengeToken: `pass:${marker('action')}:action=login` });
    expect(action.res.status).toBe(403);
    expect(action.json.detail).toContain('another action (login)');
  });

  it('accepts a challenge solved on the worker’s own pages', async () => {
    const { res } = await post({ challengeToken: `pass:${marker('own')}:host=comments.example` });
    expect(res.status).toBe(201);
  });

  it('refuses a token longer than siteverify takes with a 422, before calling it', async () => {
    const { res, json } = await post({ challengeToken: `pass:${'x'.repeat(2100)}` });
    expect(res.status).toBe(422);
    expect(json.errors[0].field).toBe('challengeToken');
  });

  for (const [name, token] of [
    ['answers 500', 'error500'],
    ['answers something that is not JSON', 'malformed'],
  ] as const) {
    it(`holds the comment, never loses it, when siteverify ${name}`, async () => {
      const { res, json } = await post({ challengeToken: `${token}:${marker(token)}` });
      expect(res.status).toBe(201);
      expect(json.comment.status).toBe('pending');
      expect((await storedComment(json.comment.id))?.status).toBe('pending');
    });
  }

  it('holds the comment when our own secret is refused (the owner’s mistake is not the reader’s loss)', async () => {
    const { res, json } = await post(
      { challengeToken: `pass:${marker('secret')}` },
      {},
      { TURNSTILE_SECRET: 'wrong-secret' },
    );
    expect(res.status).toBe(201);
    expect(json.comment.status).toBe('pending');
  });

  it('holds the comment when siteverify cannot be reached at all', async () => {
    const { res, json } = await post(
      { challengeToken: `pass:${marker('down')}` },
      {},
      // A closed port on the loopback: the connection is refused.
      { TURNSTILE_VERIFY_URL: 'http://127.0.0.1:9/siteverify' },
    );
    expect(res.status).toBe(201);
    expect(json.comment.status).toBe('pending');
  });

  it('lets a signed-in reader post without a token, unless TURNSTILE_SIGNED_IN=verify', async () => {
    const { token } = await startSession(env.DB, {
      provider: 'github',
      subject: marker('gh'),
      name: 'Zoé',
      email: null,
      avatarUrl: null,
    });
    const headers = { Authorization: `Bearer ${token}` };
    // With AUTH=off a session is ignored on posts (docs/api.md "Identity"): sign-in must be on.
    expect((await post({}, headers, { AUTH: 'optional' })).res.status).toBe(201);
    const strict = await post({}, headers, { AUTH: 'optional', TURNSTILE_SIGNED_IN: 'verify' });
    expect(strict.res.status).toBe(403);
    expect(strict.json.code).toBe('challenge_failed');
  });
});

describe('verifyChallenge', () => {
  const settings = () => {
    const turnstile = readSettings({ ...env, ...vars() } as Cloudflare.Env).turnstile;
    if (!turnstile) throw new Error('Turnstile should be on');
    return turnstile;
  };
  const deps = {
    secretKey: 'k',
    fetcher: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  };
  const input = (token: string, id?: string) => ({
    token,
    ip: null,
    clientId: id,
    hostnameAllowed: (h: string) => h === 'blog.example',
  });

  it('verifies one token again for a retry with the same clientId (idempotency key), not for another', async () => {
    const token = `pass:${marker('idem')}`;
    expect(await verifyChallenge(settings(), input(token, 'client-one-aaaaaaaa'), deps)).toEqual({
      kind: 'pass',
    });
    expect(await verifyChallenge(settings(), input(token, 'client-one-aaaaaaaa'), deps)).toEqual({
      kind: 'pass',
    });
    expect(await verifyChallenge(settings(), input(token, 'client-two-bbbbbbbb'), deps)).toMatchObject({
      kind: 'refused',
    });
  });

  it('counts siteverify as unavailable when it does not answer in time', async () => {
    const outcome = await verifyChallenge(settings(), input(`slow:${marker('slow')}`), {
      ...deps,
      timeoutMs: 200,
    });
    expect(outcome).toEqual({ kind: 'unavailable', detail: 'siteverify timed out' });
  });

  it('sends its requests to the configured URL only', () => {
    expect(settings().verifyUrl).toBe(`${fake()}/turnstile/v0/siteverify`);
    expect(
      readSettings({ ...env, ...vars(), TURNSTILE_VERIFY_URL: 'not a url' } as Cloudflare.Env).turnstile
        ?.verifyUrl,
    ).toBe('https://challenges.cloudflare.com/turnstile/v0/siteverify');
  });
});
