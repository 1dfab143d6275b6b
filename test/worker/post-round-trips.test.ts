/**
 * Issue 12: a post costs at most two D1 round trips in the common case — every lookup (idempotency key,
 * account name, bans, rate-limit counters, thread, parent, the spam filter's model, first-time trust) in
 * one batch, then the insert and its read-back in one more. Counted on the real local D1 (d1-counter.ts).
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../worker/lib/name-key.ts';
import { countingD1 } from './d1-counter.ts';
import { admin, call, freshPage, ORIGIN } from './helpers.ts';

let ips = 0;
/** An IP of its own per post, so the write limit (5/60 in wrangler.toml) never decides a test here. */
const freshIp = () => `203.0.113.${++ips}`;

const post = (body: Record<string, unknown>, ip = freshIp()) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'CF-Connecting-IP': ip },
  body: JSON.stringify({ body: 'Bonjour !', author: { name: 'Alice', email: 'alice@example.org' }, ...body }),
});

/** POSTs through a counting D1; answers the response and the round trips the request made. */
const countedPost = async (body: Record<string, unknown>, vars: Record<string, string> = {}, ip?: string) => {
  const counted = countingD1(env.DB);
  const { res, json } = await call({ ...vars, DB: counted.db }, '/api/v1/comments', post(body, ip));
  return { res, json, trips: counted.trips };
};

const rateHits = async () =>
  (await env.DB.prepare('SELECT coalesce(sum(hits), 0) AS n FROM rate_hits').first<{ n: number }>())?.n ?? 0;

describe('POST /comments round trips to D1', () => {
  it('posts a guest root comment in two round trips: the lookups, then the insert with its read-back', async () => {
    const { res, json, trips } = await countedPost({ url: freshPage(), clientId: 'round-trips-root-0001' });
    expect(res.status).toBe(201);
    expect(json.comment.html).toBe('<p>Bonjour !</p>\n');
    expect(trips.map((trip) => trip.method)).toEqual(['batch', 'batch']);
    // The second trip writes the comment and reads it back as its last statement.
    expect(trips[1]?.sql[0]).toMatch(/^INSERT INTO threads/);
    expect(trips[1]?.sql.at(-1)).toMatch(/^SELECT /);
  });

  it('posts a reply in two round trips, the parent looked up with the rest', async () => {
    const url = freshPage();
    const root = await countedPost({ url });
    const { res, json, trips } = await countedPost({ url, parentId: root.json.comment.id });
    expect(res.status).toBe(201);
    expect(json.comment.parentId).toBe(root.json.comment.id);
    expect(trips).toHaveLength(2);
  });

  it('posts in two round trips under MODERATION=first-time too (the trust lookup joins the first)', async () => {
    const moderated = { MODERATION: 'first-time' };
    const { res, json, trips } = await countedPost(
      { url: freshPage(), reader: 'reader-first-time-0001' },
      moderated,
    );
    expect(res.status).toBe(201);
    expect(json.comment.status).toBe('pending');
    expect(trips).toHaveLength(2);
  });

  it('answers a retried clientId after one round trip, and counts no write against the limit', async () => {
    const url = freshPage();
    const ip = freshIp();
    const first = await countedPost({ url, clientId: 'round-trips-retry-0001' }, {}, ip);
    expect(first.res.status).toBe(201);
    const hits = await rateHits();
    const retry = await countedPost({ url, clientId: 'round-trips-retry-0001' }, {}, ip);
    expect(retry.res.status).toBe(200);
    expect(retry.json.comment.id).toBe(first.json.comment.id);
    expect(retry.trips).toHaveLength(1);
    expect(await rateHits()).toBe(hits);
  });

  it('refuses a banned author after one round trip, and counts no write against the limit', async () => {
    const email = `banned-${Date.now()}@example.org`;
    const ban = await admin('POST', '/bans', { email });
    expect(ban.res.status).toBe(201);
    const hits = await rateHits();
    const { res, json, trips } = await countedPost({ url: freshPage(), author: { name: 'B', email } });
    expect(res.status).toBe(403);
    expect(json.code).toBe('banned');
    expect(trips).toHaveLength(1);
    expect(await rateHits()).toBe(hits);
  });

  it('refuses a guest taking an account name after one round trip, and counts no write against the limit', async () => {
    const name = `Zoé ${Date.now()}`;
    const now = new Date().toISOString();
    await env.DB.batch([
      env.DB.prepare('INSERT INTO users (id, name, created_at) VALUES (?1, ?2, ?3)').bind(
        `u-${name}`,
        name,
        now,
      ),
      env.DB.prepare('INSERT INTO account_names (name_key, user_id, created_at) VALUES (?1, ?2, ?3)').bind(
        nameKey(name),
        `u-${name}`,
        now,
      ),
    ]);
    const hits = await rateHits();
    const { res, json, trips } = await countedPost({
      url: freshPage(),
      author: { name: name.toUpperCase() },
    });
    expect(res.status).toBe(422);
    expect(json.errors).toEqual([
      { field: 'author.name', message: 'is reserved on this site: an account uses it' },
    ]);
    expect(trips).toHaveLength(1);
    expect(await rateHits()).toBe(hits);
  });

  it('refuses a locked thread after one round trip', async () => {
    const url = freshPage();
    const root = await countedPost({ url });
    expect(root.res.status).toBe(201);
    const lock = await admin('PATCH', '/threads', { key: url, locked: true });
    expect(lock.res.status).toBe(200);
    const { res, json, trips } = await countedPost({ url });
    expect(res.status).toBe(409);
    expect(json.code).toBe('thread_locked');
    expect(trips).toHaveLength(1);
  });
});
