/** Issue 11, item 2: likes are rate limited per IP (RATE_LIMIT_LIKES) and never create a thread. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { freshPage, getThread, ORIGIN, postComment, request } from './helpers.ts';

const like = (path: string, body: unknown, ip: string, method = 'POST') =>
  request(path, {
    method,
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'CF-Connecting-IP': ip },
    body: JSON.stringify(body),
  });

/** A reader id nobody used: the attack mints a new one per like. */
const newReader = () => `r${crypto.randomUUID().replaceAll('-', '')}`;

const threadRow = (key: string) => env.DB.prepare('SELECT 1 FROM threads WHERE key = ?1').bind(key).first();

describe('likes: a per-IP budget of their own', () => {
  it('answers 429 with Retry-After after 30 likes a minute from one IP, whatever the reader ids', async () => {
    const { json } = await postComment({ url: freshPage() });
    const path = `/api/v1/comments/${json.comment.id}/like`;
    const ip = '192.0.2.41';
    for (let i = 0; i < 30; i++) expect((await like(path, { reader: newReader() }, ip)).status).toBe(200);
    // Windows are fixed (db/rate-limit.ts): if a minute boundary fell inside the loop above, the budget
    // restarted there, so the refusal comes within one more budget, never later.
    let allowed = 30;
    let refused = await like(path, { reader: newReader() }, ip);
    while (refused.status === 200 && allowed < 60) {
      allowed++;
      refused = await like(path, { reader: newReader() }, ip);
    }
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as Record<string, any>).code).toBe('rate_limited');
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('Retry-After'))).toBeLessThanOrEqual(60);
    // Another IP has its own budget, and the comment kept exactly the likes that were allowed.
    const other = await like(path, { reader: newReader() }, '192.0.2.42');
    expect(other.status).toBe(200);
    expect(((await other.json()) as Record<string, any>).likes).toBe(allowed + 1);
  });

  it('counts page likes and unlikes in the same budget, and an IPv6 /64 as one IP', async () => {
    const url = freshPage();
    await postComment({ url });
    const reader = newReader();
    for (let i = 0; i < 15; i++) {
      const ip = `2001:db8:41:7::${(2 * i).toString(16)}`;
      expect((await like('/api/v1/threads/like', { url, reader }, ip)).status).toBe(200);
      expect((await like('/api/v1/threads/like', { url, reader }, `${ip}1`, 'DELETE')).status).toBe(200);
    }
    // Fixed windows: a minute boundary inside the loop restarts the budget once, never twice.
    let last = await like('/api/v1/threads/like', { url, reader }, '2001:db8:41:7:ffff::1');
    for (let i = 0; last.status === 200 && i < 30; i++) {
      last = await like('/api/v1/threads/like', { url, reader }, `2001:db8:41:7:ffff::${i + 2}`);
    }
    expect(last.status).toBe(429);
    expect((await like('/api/v1/threads/like', { url, reader }, '2001:db8:41:8::1')).status).toBe(200);
  });

  it('does not count writes: a reader at the like limit can still comment', async () => {
    const url = freshPage();
    const { json } = await postComment({ url });
    const ip = '192.0.2.43';
    for (let i = 0; i < 31; i++)
      await like(`/api/v1/comments/${json.comment.id}/like`, { reader: newReader() }, ip);
    const res = await request('/api/v1/comments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'CF-Connecting-IP': ip },
      body: JSON.stringify({ url, body: 'still here' }),
    });
    expect(res.status).toBe(201);
  });
});

describe('page likes never create a thread', () => {
  it('answers 404 for a page with no thread yet, even after a GET, and stores nothing', async () => {
    const url = freshPage();
    expect((await getThread(`url=${encodeURIComponent(url)}`)).res.status).toBe(200);
    const res = await like('/api/v1/threads/like', { url, reader: newReader() }, '192.0.2.44');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as Record<string, any>).code).toBe('not_found');
    expect(await threadRow(url)).toBeNull();
    const byId = await like(
      '/api/v1/threads/like',
      { url, id: 'made-up-id', reader: newReader() },
      '192.0.2.44',
    );
    expect(byId.status).toBe(404);
    expect(await threadRow('made-up-id')).toBeNull();
  });

  it('likes a page once its first comment made its thread', async () => {
    const url = freshPage();
    await postComment({ url });
    const res = await like('/api/v1/threads/like', { url, reader: newReader() }, '192.0.2.45');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ likes: 1, liked: true });
  });
});
