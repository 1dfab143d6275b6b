import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { admin, freshPage, getThread, ORIGIN, postComment, request, setStatus } from './helpers.ts';

const q = (url: string, extra = '') => `url=${encodeURIComponent(url)}${extra}`;
const bodiesOf = (json: Record<string, any>) =>
  (json.comments as { html: string }[]).map((c) => c.html.replace(/<\/?p>|\n/g, ''));

/** Posts roots r0..r(n-1) in order, each with `replies` replies, and returns their ids. */
const seed = async (url: string, roots: number, replies = 0) => {
  const ids: string[] = [];
  for (let i = 0; i < roots; i++) {
    const root = await postComment({ url, body: `r${i}` });
    ids.push(root.json.comment.id);
    for (let j = 0; j < replies; j++)
      await postComment({ url, body: `r${i}.${j}`, parentId: root.json.comment.id });
  }
  return ids;
};

const pin = async (id: string) => {
  expect((await admin('PATCH', `/comments/${id}`, { pinned: true })).res.status).toBe(200);
};

/** Follows nextCursor to the end and returns every page's bodies. */
const allPages = async (url: string, extra: string) => {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const { res, json } = await getThread(q(url, `${extra}${cursor ? `&cursor=${cursor}` : ''}`));
    expect(res.status).toBe(200);
    pages.push(bodiesOf(json));
    cursor = json.nextCursor;
  } while (cursor !== null);
  return pages;
};

describe('GET /api/v1/threads', () => {
  it('answers 200 with an empty thread for a page nobody commented on', async () => {
    const url = freshPage();
    const { res, json } = await getThread(q(`${url}/#top`));
    expect(res.status).toBe(200);
    expect(json).toEqual({
      thread: { key: url, url, title: '', commentCount: 0, likes: 0, locked: false },
      comments: [],
      nextCursor: null,
    });
  });

  it('returns each root followed by its replies, each reply after its parent', async () => {
    const url = freshPage();
    const [a] = await seed(url, 2);
    const reply = await postComment({ url, body: 'a.1', parentId: a });
    await postComment({ url, body: 'a.1.1', parentId: reply.json.comment.id });
    await postComment({ url, body: 'a.2', parentId: a });
    const { json } = await getThread(q(url));
    expect(bodiesOf(json)).toEqual(['r0', 'a.1', 'a.1.1', 'a.2', 'r1']);
    expect(json.comments[1].parentId).toBe(a);
  });

  it('pages by root comment: limit counts roots, and the cursor walks every comment exactly once', async () => {
    const url = freshPage();
    await seed(url, 5, 2);
    const pages = await allPages(url, '&limit=2');
    expect(pages.map((p) => p.length)).toEqual([6, 6, 3]);
    expect(pages.flat()).toEqual([
      'r0',
      'r0.0',
      'r0.1',
      'r1',
      'r1.0',
      'r1.1',
      'r2',
      'r2.0',
      'r2.1',
      'r3',
      'r3.0',
      'r3.1',
      'r4',
      'r4.0',
      'r4.1',
    ]);
  });

  it('keeps paging correct while comments are added between pages', async () => {
    const url = freshPage();
    await seed(url, 3);
    for (const sort of ['oldest', 'newest'] as const) {
      const first = await getThread(q(url, `&limit=2&sort=${sort}`));
      await postComment({ url, body: `late-${sort}` });
      const second = await getThread(q(url, `&limit=2&sort=${sort}&cursor=${first.json.nextCursor}`));
      const seen = [...bodiesOf(first.json), ...bodiesOf(second.json)];
      expect(new Set(seen).size).toBe(seen.length);
      for (const body of ['r0', 'r1', 'r2']) expect(seen).toContain(body);
    }
  });

  it('sorts roots oldest first by default, newest first, or by likes', async () => {
    const url = freshPage();
    const ids = await seed(url, 3, 1);
    expect(bodiesOf((await getThread(q(url))).json)).toEqual(['r0', 'r0.0', 'r1', 'r1.0', 'r2', 'r2.0']);
    expect(bodiesOf((await getThread(q(url, '&sort=newest'))).json)).toEqual([
      'r2',
      'r2.0',
      'r1',
      'r1.0',
      'r0',
      'r0.0',
    ]);
    const liked = await request(`/api/v1/comments/${ids[1]}/like`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
      body: JSON.stringify({ reader: 'reader-top-sort' }),
    });
    expect(liked.status).toBe(200);
    expect(bodiesOf((await getThread(q(url, '&sort=top'))).json)).toEqual([
      'r1',
      'r1.0',
      'r2',
      'r2.0',
      'r0',
      'r0.0',
    ]);
    expect((await allPages(url, '&sort=top&limit=1')).flat()).toEqual([
      'r1',
      'r1.0',
      'r2',
      'r2.0',
      'r0',
      'r0.0',
    ]);
  });

  it('puts pinned roots first in every sort', async () => {
    const url = freshPage();
    const ids = await seed(url, 3);
    await pin(ids[1] as string);
    for (const [sort, expected] of [
      ['oldest', ['r1', 'r0', 'r2']],
      ['newest', ['r1', 'r2', 'r0']],
      ['top', ['r1', 'r2', 'r0']],
    ] as const) {
      expect((await allPages(url, `&sort=${sort}&limit=1`)).flat()).toEqual(expected);
    }
    expect((await getThread(q(url))).json.comments[0].pinned).toBe(true);
  });

  it('never shows pending comments, and counts only approved ones', async () => {
    const url = freshPage();
    const [a] = await seed(url, 2);
    await setStatus(a as string, 'pending');
    const { json } = await getThread(q(url));
    expect(bodiesOf(json)).toEqual(['r1']);
  });

  it('shows a deleted comment with replies as a placeholder without author or text', async () => {
    const url = freshPage();
    const [a, b] = (await seed(url, 2, 1)) as [string, string];
    // b loses its only reply first, so it ends up deleted with no replies left to hold its place.
    const bReply = (await getThread(q(url))).json.comments.find(
      (c: { parentId: string }) => c.parentId === b,
    );
    await setStatus(bReply.id, 'deleted');
    await setStatus(a, 'deleted');
    await setStatus(b, 'deleted');
    const { json } = await getThread(q(url));
    expect(json.comments[0]).toMatchObject({ id: a, status: 'deleted', author: null, html: '' });
    expect(json.comments.map((c: { id: string }) => c.id)).not.toContain(b);
  });

  it('reads the thread by explicit id', async () => {
    const id = `by-id-${Date.now()}`;
    await postComment({ url: freshPage(), id });
    const { json } = await getThread(`id=${id}`);
    expect(json.thread.key).toBe(id);
    expect(json.comments).toHaveLength(1);
  });

  it('answers 400 bad_request for a bad limit, sort or url, and for a missing url', async () => {
    for (const query of [
      q(freshPage(), '&limit=0'),
      q(freshPage(), '&limit=101'),
      q(freshPage(), '&limit=x'),
      q(freshPage(), '&sort=best'),
      'url=not-a-url',
      '',
    ]) {
      const { res, json } = await getThread(query);
      expect(res.status, query).toBe(400);
      expect(json.code).toBe('bad_request');
      expect(json.errors.length).toBeGreaterThan(0);
    }
  });

  it('answers 400 for a garbage cursor or one made for another sort, never 500', async () => {
    const url = freshPage();
    await seed(url, 2);
    const first = await getThread(q(url, '&limit=1'));
    const other = await getThread(q(url, `&limit=1&sort=newest&cursor=${first.json.nextCursor}`));
    expect(other.res.status).toBe(400);
    for (const cursor of ['garbage', 'eyJ4IjoxfQ', '%00', 'W1wibyIsMCwtMSwwXQ', 'x'.repeat(600)]) {
      const { res, json } = await getThread(q(url, `&cursor=${cursor}`));
      expect(res.status, cursor).toBe(400);
      expect(json.code).toBe('bad_request');
    }
  });

  it('reads about what it returns: D1 rows read within rows returned + 10, whatever the thread size', async () => {
    const { readThreadPage } = await import('../../worker/db/thread-page.ts');
    const url = freshPage();
    const ids = await seed(url, 8, 1);
    await pin(ids[3] as string);
    // rowsRead is what D1 reports to the query, which no HTTP answer shows: the test calls db/ itself.
    const small = await readThreadPage(env.DB, url, 'oldest', 3, null);
    await seed(url, 30, 2);
    for (const sort of ['oldest', 'newest'] as const) {
      let cursor = null;
      do {
        const page = await readThreadPage(env.DB, url, sort, 3, cursor);
        expect(page.rowsRead, `${sort} ${JSON.stringify(cursor)}`).toBeLessThanOrEqual(page.rows.length + 10);
        cursor = page.next;
      } while (cursor);
    }
    const large = await readThreadPage(env.DB, url, 'oldest', 3, null);
    expect(large.rowsRead).toBe(small.rowsRead);
    // It seeds 38 trees through the API first: seconds on a busy 2-core machine, so more than the default 5 s.
  }, 30_000);

  it('skips the holes left by roots moderated away, never answering an empty page while more exist', async () => {
    const url = freshPage();
    const ids = await seed(url, 6);
    for (const id of ids.slice(1, 4)) await setStatus(id, 'spam');
    const pages = await allPages(url, '&limit=2');
    expect(pages).toEqual([['r0'], ['r4', 'r5']]);
    expect(await allPages(url, '&limit=2&sort=newest')).toEqual([['r5', 'r4'], ['r0']]);
  });
});
