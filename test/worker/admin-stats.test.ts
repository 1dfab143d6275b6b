/**
 * GET /api/v1/admin/stats against a database this file seeds (its storage is its own), whose every figure
 * the test knows: comments on known days and statuses, held comments decided after known waits, likes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importText } from '../fixtures/import/support.ts';
import { admin, call, ORIGIN, postComment, postJson, request } from './helpers.ts';

const A = `${ORIGIN}/stats/a`;
const B = `${ORIGIN}/stats/b`;
const C = `${ORIGIN}/stats/c`;

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const DAY = 86_400_000;
const MINUTE = 60_000;

interface Seed {
  id: string;
  status: 'approved' | 'pending' | 'spam';
  createdAt: string;
  name: string;
}
const seed = (id: string, status: Seed['status'], createdAt: string, name: string): Seed => ({
  id,
  status,
  createdAt,
  name,
});

const threadA = [
  seed('a1', 'approved', ago(1 * DAY), 'Alice'),
  seed('a2', 'approved', ago(1 * DAY), 'Alice'),
  seed('a3', 'approved', ago(1 * DAY), 'Bob'),
  seed('a4', 'pending', ago(1 * DAY), 'Bob'),
  seed('a5', 'spam', ago(5 * DAY), 'Spammeur'),
  seed('a6', 'approved', ago(5 * DAY), 'Alice'),
  seed('a7', 'approved', ago(5 * DAY), 'Chloé'),
  ...['a8', 'a9', 'a10', 'a11'].map((id) => seed(id, 'approved', ago(20 * DAY), 'Zed')),
  seed('a12', 'approved', ago(100 * DAY), 'Yann'),
  seed('a13', 'approved', ago(100 * DAY), 'Yann'),
];
// Held comments the owner approves during the test: two waited 10 minutes, one 3 hours.
const threadC = [
  seed('c1', 'pending', ago(10 * MINUTE), 'Dana'),
  seed('c2', 'pending', ago(10 * MINUTE), 'Dana'),
  seed('c3', 'pending', ago(180 * MINUTE), 'Dana'),
];

const toFile = (url: string, comments: Seed[]) => ({
  url,
  title: `Titre ${url.slice(-1)}`,
  comments: comments.map((c) => ({ ...c, body: `texte ${c.id}`, author: { name: c.name } })),
});

/** What a day of the answer must say, from the seeds and the live comments (known statuses now). */
const expectedDays = (period: number, live: Seed[]) => {
  const days = new Map<string, { published: number; held: number; spam: number }>();
  for (let i = period - 1; i >= 0; i -= 1)
    days.set(ago(i * DAY).slice(0, 10), { published: 0, held: 0, spam: 0 });
  for (const c of live) {
    const day = days.get(c.createdAt.slice(0, 10));
    if (!day) continue;
    if (c.status === 'approved') day.published += 1;
    if (c.status === 'pending') day.held += 1;
    if (c.status === 'spam') day.spam += 1;
  }
  return [...days].map(([date, counts]) => ({ date, ...counts }));
};

const live: Seed[] = [];

beforeAll(async () => {
  const file = { format: 'causerie-export', version: 1, threads: [toFile(A, threadA), toFile(C, threadC)] };
  const imported = await importText('causerie', JSON.stringify(file), 'application/json');
  if (imported.res.status !== 200) throw new Error(`import answered ${imported.res.status}`);
  // Thread B, today: a published post, a held one, the owner's reply (no commenter's), two likes.
  const eve = await postComment({ url: B, title: 'Titre b', author: { name: 'Eve' } });
  const now = new Date().toISOString();
  live.push(seed('b1', 'approved', now, 'Eve'));
  await call({ MODERATION: 'all' }, '/api/v1/comments', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify({ url: B, body: 'en attente', author: { name: 'Eve' } }),
  });
  live.push(seed('b2', 'pending', now, 'Eve'));
  await admin('POST', '/comments', { parentId: eve.json.comment.id, body: 'Merci !' });
  live.push(seed('b3', 'approved', now, 'the owner'));
  await postJson('/api/v1/threads/like', { url: B, reader: 'lecteur-stats-001' });
  await postJson(`/api/v1/comments/a1/like`, { reader: 'lecteur-stats-001' });
  const bulk = await admin('POST', '/comments/bulk', { ids: ['c1', 'c2', 'c3'], action: 'approve' });
  if (bulk.json.updated !== 3) throw new Error('the bulk approval failed');
  live.push(...threadA, ...threadC.map((c) => ({ ...c, status: 'approved' as const })));
});

describe('GET /api/v1/admin/stats', () => {
  it('answers every day of the last 7, zeros included, with the queue, the median and the tops', async () => {
    const { res, json } = await admin('GET', '/stats?days=7');
    expect(res.status).toBe(200);
    const { days, ...rest } = json;
    expect(days).toHaveLength(7);
    expect(days.map(({ date, published, held, spam }: any) => ({ date, published, held, spam }))).toEqual(
      expectedDays(7, live),
    );
    expect(days.at(-1).pageLikes).toBe(1);
    expect(days.at(-1).commentLikes).toBe(1);
    expect(rest).toEqual({
      pending: 2,
      // The queue's oldest by arrival: a4 came with the import, before b2 was posted.
      oldestPendingAt: threadA[3]?.createdAt,
      // Two decisions in [5 min, 15 min), one in [2 h, 4 h): the middle one, interpolated in its bucket.
      medianModerationSeconds: 750,
      decisions: 3,
      topThreads: [
        { key: A, url: A, title: 'Titre a', published: 5, held: 1, spam: 1, likes: 1 },
        { key: C, url: C, title: 'Titre c', published: 3, held: 0, spam: 0, likes: 0 },
        { key: B, url: B, title: 'Titre b', published: 2, held: 1, spam: 0, likes: 1 },
      ],
      topAuthors: [
        { name: 'Alice', comments: 3, verified: false },
        { name: 'Dana', comments: 3, verified: false },
        { name: 'Bob', comments: 1, verified: false },
        { name: 'Chloé', comments: 1, verified: false },
        { name: 'Eve', comments: 1, verified: false },
      ],
      likes: { page: 1, comment: 1 },
    });
  });

  it('widens to 30 and 365 days, and defaults to 30', async () => {
    const month = await admin('GET', '/stats?days=30');
    expect(month.json.days).toHaveLength(30);
    expect(
      month.json.days.map(({ date, published, held, spam }: any) => ({ date, published, held, spam })),
    ).toEqual(expectedDays(30, live));
    expect(month.json.topAuthors[0]).toEqual({ name: 'Zed', comments: 4, verified: false });
    expect(month.json.topThreads[0]).toMatchObject({ key: A, published: 9 });
    expect((await admin('GET', '/stats')).json).toEqual(month.json);
    const year = await admin('GET', '/stats?days=365');
    expect(year.json.days).toHaveLength(365);
    expect(year.json.days.at(-1).date).toBe(new Date().toISOString().slice(0, 10));
    expect(year.json.days.reduce((sum: number, d: any) => sum + d.published, 0)).toBe(16);
    expect(year.json.topThreads[0]).toMatchObject({ key: A, published: 11 });
  });

  it('answers 422 naming `days` for any other period', async () => {
    for (const days of ['8', '0', 'abc', '', '7.0']) {
      const { res, json } = await admin('GET', `/stats?days=${days}`);
      expect(res.status).toBe(422);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
      expect(json.errors).toEqual([{ field: 'days', message: 'must be one of 7, 30, 365' }]);
    }
  });

  it('answers 401 without the admin token', async () => {
    expect((await request('/api/v1/admin/stats')).status).toBe(401);
  });
});
