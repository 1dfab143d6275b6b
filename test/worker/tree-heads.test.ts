/**
 * Issue 11, item 1 (CPU and rows read): a page reads the rows it shows and not the replies it drops. Each
 * tree's first 11 listed rows are its heads (migration 0015), kept by triggers through every write path:
 * posts, status changes, placeholders, deletes, imports, moves, merges and pins. After each, the page
 * shows a tree's first 10 listed replies with `more` exactly when others exist, and every stored mark is
 * what the rule gives (`treeViolations().heads` reads storage: no HTTP answer shows the marks).
 */
import { describe, expect, it } from 'vitest';
import { REPLIES_PER_TREE } from '../../worker/lib/page-budget.ts';
import { importText, treeViolations } from '../fixtures/import/support.ts';
import { admin, call, freshPage, ORIGIN, request, setStatus } from './helpers.ts';

const q = (url: string, extra = '') => `url=${encodeURIComponent(url)}${extra}`;

/** Posts with the write rate limit off (a tree of a dozen replies from one test IP). */
const post = async (url: string, body: string, parentId: string | null = null) => {
  const { res, json } = await call({ RATE_LIMIT_WRITES: 'off' }, '/api/v1/comments', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify({ url, body, parentId }),
  });
  expect(res.status, JSON.stringify(json)).toBe(201);
  return { id: json.comment.id as string, token: json.editToken as string };
};

const page = async (url: string, extra = '') => {
  const res = await request(`/api/v1/threads?${q(url, extra)}`);
  expect(res.status).toBe(200);
  const json = (await res.json()) as {
    comments: Array<{ id: string; parentId: string | null; replies?: object }>;
  };
  return { json, rowsRead: Number(res.headers.get('X-D1-Rows-Read')) };
};

/** The first tree of the page: the ids of the replies shown, and whether it says more follow. */
const firstTree = async (url: string) => {
  const { json } = await page(url, '&limit=1');
  const [root, ...rest] = json.comments;
  return { rootId: root?.id, replies: rest.map((c) => c.id), more: root?.replies !== undefined };
};

const expectMarksSound = async () => expect((await treeViolations()).heads).toEqual([]);

/** A root and `n` replies posted through the API; returns the root and the replies in creation order. */
const tree = async (url: string, n: number) => {
  const root = await post(url, 'root');
  const replies = [];
  for (let i = 0; i < n; i++) replies.push(await post(url, `reply ${i}`, root.id));
  return { root, replies };
};

describe('pages read what they return', () => {
  it('reads a wide tree’s shown rows only: rows read within returned + 10', async () => {
    const url = freshPage();
    await tree(url, 40);
    const { json, rowsRead } = await page(url, '&limit=1');
    expect(json.comments).toHaveLength(1 + REPLIES_PER_TREE);
    expect(json.comments[0]?.replies).toBeDefined();
    // Returned: the comments and the thread row. Before the heads the walk read all 41 rows of the tree.
    expect(rowsRead).toBeLessThanOrEqual(json.comments.length + 1 + 10);
  }, 60_000);

  it('reads a page of ten busy trees within returned + 10, and a `top` page within 4× returned', async () => {
    const url = freshPage();
    for (let t = 0; t < 10; t++) await tree(url, 13);
    for (const sort of ['newest', 'oldest']) {
      const { json, rowsRead } = await page(url, `&limit=10&sort=${sort}`);
      expect(json.comments).toHaveLength(10 * (1 + REPLIES_PER_TREE));
      expect(json.comments.filter((c) => c.replies !== undefined)).toHaveLength(10);
      expect(rowsRead, sort).toBeLessThanOrEqual(json.comments.length + 1 + 10);
    }
    // `top` finds its roots by likes and orders the trees in SQL, which D1 counts too; reading each tree's
    // heads rather than probing its first 12 listed rows took it from about 5× to about 3× what it returns.
    const { json, rowsRead } = await page(url, '&limit=10&sort=top');
    expect(json.comments).toHaveLength(10 * (1 + REPLIES_PER_TREE));
    expect(json.comments.filter((c) => c.replies !== undefined)).toHaveLength(10);
    expect(rowsRead).toBeLessThanOrEqual(4 * json.comments.length);
  }, 120_000);
});

describe('the heads follow every write path', () => {
  it('posts: the 11th reply shows "more" only once a 12th exists', async () => {
    const url = freshPage();
    const { replies } = await tree(url, 10);
    expect(await firstTree(url)).toMatchObject({ replies: replies.map((r) => r.id), more: false });
    const eleventh = await post(url, 'reply 10', replies[4]?.id);
    expect(await firstTree(url)).toMatchObject({ replies: replies.map((r) => r.id), more: true });
    expect((await firstTree(url)).replies).not.toContain(eleventh.id);
    await expectMarksSound();
  }, 60_000);

  it('status changes: hiding a shown reply brings the next one up; approving it again pushes it back', async () => {
    const url = freshPage();
    const { replies } = await tree(url, 12);
    const ids = replies.map((r) => r.id);
    await setStatus(ids[2] as string, 'pending');
    expect(await firstTree(url)).toMatchObject({
      replies: ids.filter((_, i) => i !== 2).slice(0, 10),
      more: true,
    });
    await expectMarksSound();
    await setStatus(ids[5] as string, 'spam');
    // Ten listed replies left: all shown, none more.
    expect(await firstTree(url)).toMatchObject({
      replies: ids.filter((_, i) => i !== 2 && i !== 5),
      more: false,
    });
    await expectMarksSound();
    await setStatus(ids[2] as string, 'approved');
    expect(await firstTree(url)).toMatchObject({
      replies: ids.filter((_, i) => i !== 5).slice(0, 10),
      more: true,
    });
    await expectMarksSound();
  }, 60_000);

  it('placeholders: a deleted reply stays a head while it has replies, and leaves when the last one goes', async () => {
    const url = freshPage();
    const { replies } = await tree(url, 11);
    const ids = replies.map((r) => r.id);
    const child = await post(url, 'under reply 1', ids[1]);
    await setStatus(ids[1] as string, 'deleted');
    expect((await firstTree(url)).replies.slice(0, 2)).toEqual([ids[0], ids[1]]);
    await setStatus(child.id, 'spam');
    // The placeholder lost its only reply: it is no longer listed, and reply 10 moves up into view.
    expect(await firstTree(url)).toMatchObject({ replies: ids.filter((_, i) => i !== 1), more: false });
    await expectMarksSound();
  }, 60_000);

  it('deletes: a reader’s delete and the owner’s erase bring the next reply up', async () => {
    const url = freshPage();
    const { replies } = await tree(url, 13);
    const ids = replies.map((r) => r.id);
    const res = await request(`/api/v1/comments/${ids[0]}`, {
      method: 'DELETE',
      headers: { Origin: ORIGIN, Authorization: `Bearer ${replies[0]?.token}` },
    });
    expect(res.status).toBe(204);
    expect(await firstTree(url)).toMatchObject({ replies: ids.slice(1, 11), more: true });
    const erased = await admin('DELETE', `/comments/${ids[3]}`);
    expect(erased.res.status).toBeLessThan(300);
    // Eleven listed replies left: ten shown, and more.
    expect(await firstTree(url)).toMatchObject({
      replies: ids.filter((_, i) => i !== 0 && i !== 3).slice(0, 10),
      more: true,
    });
    await admin('DELETE', `/comments/${ids[12]}`);
    expect(await firstTree(url)).toMatchObject({
      replies: ids.filter((_, i) => i !== 0 && i !== 3 && i !== 12),
      more: false,
    });
    await expectMarksSound();
  }, 60_000);

  it('imports: a file’s trees get their heads, placeholders and held replies included', async () => {
    const url = freshPage();
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
    const comments = [
      { id: 'imp-root', parentId: null, status: 'approved' },
      { id: 'imp-gone', parentId: 'imp-root', status: 'deleted' },
      { id: 'imp-held', parentId: 'imp-root', status: 'pending' },
      ...Array.from({ length: 12 }, (_, i) => ({ id: `imp-${i}`, parentId: 'imp-root', status: 'approved' })),
      { id: 'imp-under-gone', parentId: 'imp-gone', status: 'approved' },
    ];
    const file = JSON.stringify({
      format: 'causerie-export',
      version: 1,
      threads: [
        {
          url,
          title: 'Imported',
          comments: comments.map((c, i) => ({
            ...c,
            body: c.status === 'deleted' ? '' : `text ${c.id}`,
            importKey: null,
            author: { name: `p${i}` },
            createdAt: at(i),
          })),
        },
      ],
    });
    const { res, json } = await importText('causerie', file, 'application/json');
    expect(res.status, JSON.stringify(json)).toBe(200);
    const shown = await firstTree(url);
    expect(shown.rootId).toBe('imp-root');
    expect(shown.replies).toEqual(['imp-gone', ...Array.from({ length: 9 }, (_, i) => `imp-${i}`)]);
    expect(shown.more).toBe(true);
    await expectMarksSound();
  }, 60_000);

  it('moves, merges and pins keep each tree’s heads and their order', async () => {
    const a = freshPage();
    const b = freshPage();
    const first = await tree(a, 12);
    const second = await tree(b, 3);
    const moved = await admin('PATCH', '/threads', { key: a, url: b });
    expect(moved.json.merged).toBe(true);
    const { json } = await page(b, '&sort=oldest');
    expect(json.comments.map((c) => c.id)).toEqual([
      first.root.id,
      ...first.replies.slice(0, 10).map((r) => r.id),
      second.root.id,
      ...second.replies.map((r) => r.id),
    ]);
    const pinned = await admin('PATCH', `/comments/${second.root.id}`, { pinned: true });
    expect(pinned.res.status).toBe(200);
    const after = await page(b, '&sort=oldest');
    expect(after.json.comments[0]?.id).toBe(second.root.id);
    expect(after.json.comments).toHaveLength(1 + 3 + 1 + 10);
    await expectMarksSound();
  }, 120_000);
});
