/**
 * The dashboard's counters (migration 0012) through every write that moves them: a post, each status
 * change (a count moves from one column to another), a reader's edit that holds, a reader's delete, the
 * owner's erase, bulk actions, likes, imports, thread merges; and the migration's backfill, which must
 * rebuild from the comments exactly what the write path kept.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { importText } from '../fixtures/import/support.ts';
import { admin, call, freshPage, ORIGIN, postComment, postJson, request, setStatus } from './helpers.ts';

interface Counts {
  published: number;
  held: number;
  spam: number;
  page_likes: number;
  comment_likes: number;
}

// Raw SQL: the per-thread, per-day rows are what these tests check; GET /admin/stats sums them
// site-wide (test/worker/admin-stats.test.ts checks its figures on a database of its own).
const countsOf = async (url: string): Promise<Record<string, Counts>> => {
  const { results } = await env.DB.prepare(
    `SELECT s.day, s.published, s.held, s.spam, s.page_likes, s.comment_likes FROM daily_stats s
     JOIN threads t ON t.id = s.thread_id WHERE t.key = ?1 ORDER BY s.day`,
  )
    .bind(url)
    .all<Counts & { day: string }>();
  return Object.fromEntries(results.map(({ day, ...counts }) => [day, counts]));
};

const decisionsOf = async (url: string): Promise<Record<string, number>> => {
  const row = await env.DB.prepare(
    `SELECT sum(decided_1m) AS m1, sum(decided_5m) AS m5, sum(decided_15m) AS m15, sum(decided_30m) AS m30,
       sum(decided_1h) AS h1, sum(decided_2h) AS h2, sum(decided_4h) AS h4, sum(decided_later) AS later
     FROM daily_stats s JOIN threads t ON t.id = s.thread_id WHERE t.key = ?1`,
  )
    .bind(url)
    .first<Record<string, number>>();
  return Object.fromEntries(Object.entries(row ?? {}).filter(([, n]) => n > 0));
};

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const zero: Counts = { published: 0, held: 0, spam: 0, page_likes: 0, comment_likes: 0 };
const counts = (partial: Partial<Counts>): Counts => ({ ...zero, ...partial });

/** Posts with every comment held (MODERATION=all), as a reader whose id is its own. */
const postHeld = async (url: string, extra: Record<string, unknown> = {}) => {
  const { json } = await call({ MODERATION: 'all' }, '/api/v1/comments', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify({ url, body: 'à modérer', ...extra }),
  });
  return json as { comment: { id: string; status: string }; editToken: string };
};

const importFile = (threads: unknown[]) =>
  importText(
    'causerie',
    JSON.stringify({ format: 'causerie-export', version: 1, threads }),
    'application/json',
  );

const comment = (id: string, status: string, createdAt: string, extra: Record<string, unknown> = {}) => ({
  id,
  status,
  body: `imported ${id}`,
  author: { name: `Auteur ${id}` },
  createdAt,
  ...extra,
});

describe('daily_stats, kept by the write path', () => {
  it('counts a published post on its day, and a held one as held', async () => {
    const url = freshPage();
    await postComment({ url });
    await postComment({ url, body: 'encore' });
    await postHeld(url);
    expect(await countsOf(url)).toEqual({ [today()]: counts({ published: 2, held: 1 }) });
  });

  it('moves one count between columns on each status change, and counts a retried post once', async () => {
    const url = freshPage();
    const first = await postComment({ url, clientId: 'retry-me-0001-abcdef' });
    const again = await postComment({ url, clientId: 'retry-me-0001-abcdef' });
    expect(again.res.status).toBe(200);
    const id = first.json.comment.id as string;
    expect(await countsOf(url)).toEqual({ [today()]: counts({ published: 1 }) });
    await setStatus(id, 'spam');
    expect(await countsOf(url)).toEqual({ [today()]: counts({ spam: 1 }) });
    await setStatus(id, 'pending');
    expect(await countsOf(url)).toEqual({ [today()]: counts({ held: 1 }) });
    await setStatus(id, 'approved');
    await setStatus(id, 'approved');
    expect(await countsOf(url)).toEqual({ [today()]: counts({ published: 1 }) });
    await setStatus(id, 'deleted');
    expect(await countsOf(url)).toEqual({ [today()]: counts({}) });
  });

  it('counts a held comment the owner decides on in the histogram, a re-decision not', async () => {
    const url = freshPage();
    const held = await postHeld(url);
    await setStatus(held.comment.id, 'approved');
    expect(await decisionsOf(url)).toEqual({ m1: 1 });
    await setStatus(held.comment.id, 'spam');
    expect(await decisionsOf(url)).toEqual({ m1: 1 });
  });

  it('moves a reader’s edit that the rules hold from published to held', async () => {
    const url = freshPage();
    const { json } = await postComment({ url, body: 'sans lien' });
    const links = Array.from({ length: 5 }, (_, i) => `https://x${i}.example`).join(' ');
    const res = await request(`/api/v1/comments/${json.comment.id}`, {
      method: 'PATCH',
      headers: {
        'Content-Type': 'application/json',
        Origin: ORIGIN,
        Authorization: `Bearer ${json.editToken}`,
      },
      body: JSON.stringify({ body: links }),
    });
    expect(res.status).toBe(200);
    expect(await countsOf(url)).toEqual({ [today()]: counts({ held: 1 }) });
  });

  it('takes a reader’s deleted comment off its column, a placeholder with replies included', async () => {
    const url = freshPage();
    const root = await postComment({ url });
    await postComment({ url, parentId: root.json.comment.id, body: 'réponse' });
    const alone = await postHeld(url);
    const remove = (id: string, token: string) =>
      request(`/api/v1/comments/${id}`, {
        method: 'DELETE',
        headers: { Origin: ORIGIN, Authorization: `Bearer ${token}` },
      });
    expect(await countsOf(url)).toEqual({ [today()]: counts({ published: 2, held: 1 }) });
    expect((await remove(root.json.comment.id, root.json.editToken)).status).toBe(204);
    expect((await remove(alone.comment.id, alone.editToken)).status).toBe(204);
    expect(await countsOf(url)).toEqual({ [today()]: counts({ published: 1 }) });
  });

  it('counts the owner’s erase and bulk actions, and the erase of a held comment as a decision', async () => {
    const url = freshPage();
    const a = await postHeld(url);
    const b = await postHeld(url);
    const c = await postHeld(url);
    const d = await postHeld(url);
    expect(await countsOf(url)).toEqual({ [today()]: counts({ held: 4 }) });
    expect((await admin('DELETE', `/comments/${a.comment.id}`)).res.status).toBe(204);
    const bulk = await admin('POST', '/comments/bulk', { ids: [b.comment.id, c.comment.id], action: 'spam' });
    expect(bulk.res.status).toBe(200);
    await admin('POST', '/comments/bulk', { ids: [c.comment.id, d.comment.id], action: 'approve' });
    expect(await countsOf(url)).toEqual({ [today()]: counts({ published: 2, spam: 1 }) });
    await admin('POST', '/comments/bulk', { ids: [b.comment.id, d.comment.id], action: 'delete' });
    expect(await countsOf(url)).toEqual({ [today()]: counts({ published: 1 }) });
    // a erased, b and c marked spam, d approved: four decisions on held comments, all within a minute.
    expect(await decisionsOf(url)).toEqual({ m1: 4 });
  });

  it('counts the owner’s reply as published', async () => {
    const url = freshPage();
    const root = await postComment({ url });
    const reply = await admin('POST', '/comments', { parentId: root.json.comment.id, body: 'Merci !' });
    expect(reply.res.status).toBe(201);
    expect(await countsOf(url)).toEqual({ [today()]: counts({ published: 2 }) });
  });

  it('counts likes on the day they are given and takes back an unlike, once each', async () => {
    const url = freshPage();
    const { json } = await postComment({ url });
    const id = json.comment.id as string;
    const like = (path: string, body: unknown, method = 'POST') =>
      request(path, {
        method,
        headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
        body: JSON.stringify(body),
      });
    for (const reader of ['lecteur-aaaaaaaa', 'lecteur-aaaaaaaa', 'lecteur-bbbbbbbb']) {
      expect((await like(`/api/v1/comments/${id}/like`, { reader })).status).toBe(200);
    }
    expect((await postJson('/api/v1/threads/like', { url, reader: 'lecteur-aaaaaaaa' })).status).toBe(200);
    expect(await countsOf(url)).toEqual({
      [today()]: counts({ published: 1, comment_likes: 2, page_likes: 1 }),
    });
    await like(`/api/v1/comments/${id}/like`, { reader: 'lecteur-bbbbbbbb' }, 'DELETE');
    await like(`/api/v1/comments/${id}/like`, { reader: 'lecteur-bbbbbbbb' }, 'DELETE');
    await like('/api/v1/threads/like', { url, reader: 'lecteur-aaaaaaaa' }, 'DELETE');
    expect(await countsOf(url)).toEqual({ [today()]: counts({ published: 1, comment_likes: 1 }) });
  });

  it('counts imported comments on the day each was written, by status, and a second import not again', async () => {
    const url = freshPage();
    const thread = {
      url,
      title: 'Importé',
      comments: [
        comment('imp-1', 'approved', daysAgo(2)),
        comment('imp-2', 'approved', daysAgo(2), { parentId: 'imp-1' }),
        comment('imp-3', 'pending', daysAgo(2)),
        comment('imp-4', 'spam', daysAgo(40)),
        comment('imp-5', 'deleted', daysAgo(40)),
        comment('imp-6', 'approved', daysAgo(400)),
      ],
    };
    expect((await importFile([thread])).res.status).toBe(200);
    await importFile([thread]);
    expect(await countsOf(url)).toEqual({
      [daysAgo(400).slice(0, 10)]: counts({ published: 1 }),
      [daysAgo(40).slice(0, 10)]: counts({ spam: 1 }),
      [daysAgo(2).slice(0, 10)]: counts({ published: 2, held: 1 }),
    });
  });

  it('moves a merged thread’s rows into the thread it joins', async () => {
    const oldUrl = freshPage();
    const newUrl = freshPage();
    await postComment({ url: oldUrl });
    await postHeld(oldUrl);
    await postComment({ url: newUrl });
    expect(
      await postJson('/api/v1/threads/like', { url: oldUrl, reader: 'lecteur-cccccccc' }),
    ).toHaveProperty('status', 200);
    const { json } = await admin('PATCH', '/threads', { key: oldUrl, url: newUrl });
    expect(json.merged).toBe(true);
    expect(await countsOf(newUrl)).toEqual({ [today()]: counts({ published: 2, held: 1, page_likes: 1 }) });
    expect(await countsOf(oldUrl)).toEqual({});
  });
});

describe('migration 0012’s backfill', () => {
  it('rebuilds from the comments, likes and audit log what the write path kept', async () => {
    // Everything the tests above wrote, counted two ways: kept on each write, and rebuilt from scratch
    // by the migration's own statements (all but its CREATE TABLE) on the same database.
    const snapshot = async () =>
      (
        await env.DB.prepare(
          `SELECT day, thread_id, published, held, spam, page_likes, comment_likes FROM daily_stats
           WHERE published + held + spam + page_likes + comment_likes > 0 ORDER BY day, thread_id`,
        ).all()
      ).results;
    const kept = await snapshot();
    expect(kept.length).toBeGreaterThan(10);
    const migration = env.TEST_MIGRATIONS.find((m) => m.name === '0012_daily_stats.sql');
    const backfill = (migration?.queries ?? []).filter((query) => !/CREATE TABLE/i.test(query));
    expect(backfill).toHaveLength(3);
    await env.DB.prepare('DELETE FROM daily_stats').run();
    expect(await snapshot()).toEqual([]);
    for (const query of backfill) await env.DB.prepare(query).run();
    expect(await snapshot()).toEqual(kept);
  });
});
