import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { keyedHash } from '../../worker/lib/crypto.ts';
import { freshPage, getThread, postJson, postWithSettings } from './helpers.ts';

let n = 0;
/** A documentation-range IP of its own per test, so rate-limit buckets don't mix. */
const freshIp = () => `198.51.100.${++n}`;

const postFrom = (ip: string, body: Record<string, unknown>) =>
  postJson('/api/v1/comments', { url: freshPage(), body: 'Bonjour', ...body }, { 'CF-Connecting-IP': ip });

const ban = (kind: 'email' | 'ip' | 'reader', value: string, expiresAt: string | null = null) =>
  env.DB.prepare("INSERT INTO bans (id, kind, value, expires_at, created_at) VALUES (?1, ?2, ?3, ?4, 'now')")
    .bind(crypto.randomUUID(), kind, value, expiresAt)
    .run();

const postWith = postWithSettings;

describe('rate limits', () => {
  it('answers 429 rate_limited with Retry-After past RATE_LIMIT_WRITES per IP (5/60 here)', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await postFrom(ip, {})).status).toBe(201);
    const res = await postFrom(ip, {});
    expect(res.status).toBe(429);
    expect(((await res.json()) as Record<string, any>).code).toBe('rate_limited');
    const retryAfter = Number(res.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await postFrom(freshIp(), {})).status).toBe(201);
  });

  it('limits per reader too, whatever the IP', async () => {
    const reader = `reader-${crypto.randomUUID()}`;
    for (let i = 0; i < 5; i++) expect((await postFrom(freshIp(), { reader })).status).toBe(201);
    expect((await postFrom(freshIp(), { reader })).status).toBe(429);
  });

  it('does not count a retry of a comment already made', async () => {
    const ip = freshIp();
    const clientId = `retry-${crypto.randomUUID()}`;
    for (let i = 0; i < 8; i++) expect((await postFrom(ip, { clientId })).status).toBe(i === 0 ? 201 : 200);
    expect((await postFrom(ip, {})).status).toBe(201);
  });
});

describe('bans', () => {
  it('answers 403 banned for a banned e-mail, IP or reader', async () => {
    await ban('email', 'troll@example.com');
    const byEmail = await postFrom(freshIp(), { author: { email: 'Troll@Example.com' } });
    expect(byEmail.status).toBe(403);
    expect(((await byEmail.json()) as Record<string, any>).code).toBe('banned');

    const ip = freshIp();
    await ban('ip', await keyedHash(env.SECRET_KEY, 'ip', ip));
    expect((await postFrom(ip, {})).status).toBe(403);

    await ban('reader', await keyedHash(env.SECRET_KEY, 'reader', 'banned-reader'));
    expect((await postFrom(freshIp(), { reader: 'banned-reader' })).status).toBe(403);
  });

  it('lets an expired ban lapse', async () => {
    await ban('email', 'reformed@example.com', '2000-01-01T00:00:00.000Z');
    expect((await postFrom(freshIp(), { author: { email: 'reformed@example.com' } })).status).toBe(201);
  });
});

describe('held for moderation', () => {
  it('holds a comment with more links than MAX_LINKS as pending', async () => {
    const links = 'https://a.example https://b.example https://c.example https://d.example';
    const url = freshPage();
    expect((await postWith({ maxLinks: 3 }, { url, body: links })).body.comment.status).toBe('pending');
    expect((await postWith({ maxLinks: 4 }, { url, body: links })).body.comment.status).toBe('approved');
  });

  it('holds a comment with a blocklisted word, matched as a whole word in any case', async () => {
    const settings = { blocklist: ['casino', 'crédit facile'] };
    expect(
      (await postWith(settings, { url: freshPage(), body: 'Best CASINO ever' })).body.comment.status,
    ).toBe('pending');
    expect(
      (await postWith(settings, { url: freshPage(), body: 'Un Crédit Facile !' })).body.comment.status,
    ).toBe('pending');
    expect(
      (await postWith(settings, { url: freshPage(), body: 'casinos are not words here' })).body.comment
        .status,
    ).toBe('approved');
  });

  it('keeps a held comment out of the thread and its count', async () => {
    const url = freshPage();
    await postWith({ blocklist: ['spam'] }, { url, body: 'spam spam' });
    const { json } = await getThread(`url=${encodeURIComponent(url)}`);
    expect(json.comments).toEqual([]);
    expect(json.thread.commentCount).toBe(0);
  });
});
