import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { admin, call, freshPage, getThread, postComment } from './helpers.ts';

const setStatus = (id: string, status: string) => admin('PATCH', `/comments/${id}`, { status });

/** The stored counters of a page: the thread's comment_count and each comment's reply_count. */
// Raw SQL: the counters themselves are what these tests check, and no answer shows each reply_count.
const counters = async (url: string) => {
  const thread = await env.DB.prepare('SELECT id, comment_count FROM threads WHERE key = ?1')
    .bind(url)
    .first<{ id: number; comment_count: number }>();
  const { results } = await env.DB.prepare('SELECT id, reply_count FROM comments WHERE thread_id = ?1')
    .bind(thread?.id)
    .all<{ id: string; reply_count: number }>();
  return {
    count: thread?.comment_count,
    replies: Object.fromEntries(results.map((r) => [r.id, r.reply_count])),
  };
};

const visibleIds = async (url: string) =>
  (await getThread(`url=${encodeURIComponent(url)}`)).json.comments.map((c: any) => c.id);

const post = async (url: string, extra: Record<string, unknown> = {}) =>
  (await postComment({ url, ...extra })).json.comment.id as string;

describe('GET /api/v1/admin/comments', () => {
  it('shows held comments in the pending queue (the default), with e-mail, IP hash and thread', async () => {
    const url = freshPage();
    const { json } = await call({ MODERATION: 'all' }, '/api/v1/comments', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: 'https://blog.example',
        'CF-Connecting-IP': '203.0.113.9',
      },
      body: JSON.stringify({
        url,
        title: 'Un billet',
        body: 'held *please*',
        author: { name: 'Zoé', email: 'Zoe@Example.com' },
      }),
    });
    expect(json.comment.status).toBe('pending');
    const queue = await admin('GET', `/comments?url=${encodeURIComponent(url)}`);
    expect(queue.res.status).toBe(200);
    expect(queue.json.comments).toHaveLength(1);
    const [comment] = queue.json.comments;
    expect(comment).toMatchObject({
      id: json.comment.id,
      status: 'pending',
      body: 'held *please*',
      html: '<p>held <em>please</em></p>\n',
      email: 'zoe@example.com',
      author: { name: 'Zoé', moderator: false },
      thread: { key: url, url, title: 'Un billet' },
    });
    expect(comment.ipHash).toMatch(/^[0-9a-f]{32}$/);
    const counts = await admin('GET', '/comments/counts');
    expect(counts.json.counts.pending).toBeGreaterThanOrEqual(1);
  });

  it('filters by status and text, and pages with a cursor, newest first, each comment once', async () => {
    const url = freshPage();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await post(url, { body: `needle-${url} number ${i}` }));
    await setStatus(ids[1] as string, 'spam');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/comments?status=all&limit=2&q=${encodeURIComponent(`needle-${url}`)}${cursor ? `&cursor=${cursor}` : ''}`;
      const { json } = await admin('GET', q);
      seen.push(...json.comments.map((c: any) => c.id));
      cursor = json.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const spam = await admin('GET', `/comments?status=spam&url=${encodeURIComponent(url)}`);
    expect(spam.json.comments.map((c: any) => c.id)).toEqual([ids[1]]);
    expect((await admin('GET', '/comments?status=nope')).res.status).toBe(400);
    expect((await admin('GET', '/comments?cursor=garbage!')).res.status).toBe(400);
  });

  it('treats % and _ in the search as plain characters', async () => {
    const url = freshPage();
    await post(url, { body: 'a 100% sure thing' });
    const hit = await admin('GET', `/comments?status=all&url=${encodeURIComponent(url)}&q=100%25`);
    expect(hit.json.comments).toHaveLength(1);
    const miss = await admin('GET', `/comments?status=all&url=${encodeURIComponent(url)}&q=_00`);
    expect(miss.json.comments).toHaveLength(0);
  });
});

describe('PATCH /api/v1/admin/comments/:id (status)', () => {
  it('keeps comment_count and the parent reply_count right through approved → pending → spam → approved', async () => {
    const url = freshPage();
    const root = await post(url);
    const reply = await post(url, { parentId: root });
    expect(await counters(url)).toEqual({ count: 2, replies: { [root]: 1, [reply]: 0 } });

    expect((await setStatus(reply, 'pending')).json.comment.status).toBe('pending');
    expect(await counters(url)).toEqual({ count: 1, replies: { [root]: 0, [reply]: 0 } });
    expect(await visibleIds(url)).toEqual([root]);

    await setStatus(reply, 'spam');
    expect(await counters(url)).toEqual({ count: 1, replies: { [root]: 0, [reply]: 0 } });

    await setStatus(reply, 'approved');
    expect(await counters(url)).toEqual({ count: 2, replies: { [root]: 1, [reply]: 0 } });
    expect(await visibleIds(url)).toEqual([root, reply]);
  });

  it('soft-deletes: a deleted parent stays as a placeholder while it has a listed reply, and comes back', async () => {
    const url = freshPage();
    const root = await post(url);
    const child = await post(url, { parentId: root });
    const grandchild = await post(url, { parentId: child });
    await setStatus(child, 'deleted');
    expect(await counters(url)).toEqual({ count: 2, replies: { [root]: 1, [child]: 1, [grandchild]: 0 } });
    const page = (await getThread(`url=${encodeURIComponent(url)}`)).json;
    expect(page.comments.map((c: any) => [c.id, c.status])).toEqual([
      [root, 'approved'],
      [child, 'deleted'],
      [grandchild, 'approved'],
    ]);
    // The placeholder's only reply goes to spam: the placeholder disappears, and its parent loses a reply.
    await setStatus(grandchild, 'spam');
    expect(await counters(url)).toEqual({ count: 1, replies: { [root]: 0, [child]: 0, [grandchild]: 0 } });
    expect(await visibleIds(url)).toEqual([root]);
    // And back: the reply reappears, so does the placeholder.
    await setStatus(grandchild, 'approved');
    expect(await counters(url)).toEqual({ count: 2, replies: { [root]: 1, [child]: 1, [grandchild]: 0 } });
    // The owner restores the soft-deleted comment with its text intact.
    const restored = await setStatus(child, 'approved');
    expect(restored.json.comment.html).toBe('<p>Bonjour !</p>\n');
    expect(await counters(url)).toEqual({ count: 3, replies: { [root]: 1, [child]: 1, [grandchild]: 0 } });
  });

  it('records who did what in the audit log', async () => {
    const id = await post(freshPage());
    await setStatus(id, 'spam');
    const { json } = await admin('GET', `/audit?commentId=${id}`);
    expect(json.entries).toHaveLength(1);
    expect(json.entries[0]).toMatchObject({
      actor: 'admin',
      action: 'comment.status',
      commentId: id,
      detail: { from: 'approved', to: 'spam' },
    });
    expect(Date.parse(json.entries[0].at)).toBeGreaterThan(0);
  });

  it('answers 404 for an unknown comment and 422 for a bad status', async () => {
    expect((await setStatus('nope', 'approved')).res.status).toBe(404);
    const id = await post(freshPage());
    const bad = await setStatus(id, 'published');
    expect(bad.res.status).toBe(422);
    expect(bad.json.errors[0].field).toBe('status');
  });
});

describe('PATCH /api/v1/admin/comments/:id (pin, body)', () => {
  it('pins a root with its tree (first on the page), and refuses to pin a reply', async () => {
    const url = freshPage();
    const first = await post(url);
    const second = await post(url);
    const reply = await post(url, { parentId: second });
    const pinned = await admin('PATCH', `/comments/${second}`, { pinned: true });
    expect(pinned.json.comment.pinned).toBe(true);
    expect(await visibleIds(url)).toEqual([second, reply, first]);
    // tree_pinned is internal ordering state; the order above is its visible effect, this is its cause.
    const tree = await env.DB.prepare('SELECT tree_pinned FROM comments WHERE id = ?1').bind(reply).first();
    expect(tree?.tree_pinned).toBe(1);
    expect((await admin('PATCH', `/comments/${reply}`, { pinned: true })).res.status).toBe(422);
    await admin('PATCH', `/comments/${second}`, { pinned: false });
    expect(await visibleIds(url)).toEqual([first, second, reply]);
  });

  it('rewrites the body, renders it on the server, and clears the cached page', async () => {
    const url = freshPage();
    const id = await post(url, { body: 'a slur' });
    await getThread(`url=${encodeURIComponent(url)}`); // warms the KV page cache
    const { json } = await admin('PATCH', `/comments/${id}`, { body: '[removed by the moderator]' });
    expect(json.comment.body).toBe('[removed by the moderator]');
    expect(json.comment.editedAt).not.toBeNull();
    const page = await getThread(`url=${encodeURIComponent(url)}`);
    expect(page.json.comments[0].html).toBe('<p>[removed by the moderator]</p>\n');
  });
});

describe('DELETE /api/v1/admin/comments/:id', () => {
  it('erases a comment without replies for good', async () => {
    const url = freshPage();
    const id = await post(url, { author: { name: 'Zoé', email: 'zoe@example.com' } });
    const res = await admin('DELETE', `/comments/${id}`);
    expect(res.res.status).toBe(204);
    // Erased for good means no row at all, which a 404 alone would not tell from a hidden row.
    expect(await env.DB.prepare('SELECT 1 FROM comments WHERE id = ?1').bind(id).first()).toBeNull();
    expect((await counters(url)).count).toBe(0);
    expect((await admin('DELETE', `/comments/${id}`)).res.status).toBe(404);
  });

  it('keeps an anonymous placeholder when it has replies, with no personal data left', async () => {
    const url = freshPage();
    const root = await post(url, { author: { name: 'Zoé', email: 'zoe@example.com' }, body: 'secret' });
    const reply = await post(url, { parentId: root });
    await admin('DELETE', `/comments/${root}`);
    // No personal data left is about what is stored, not about what is shown.
    const row = await env.DB.prepare(
      'SELECT status, body, author_name, author_email, ip_hash, reader_hash FROM comments WHERE id = ?1',
    )
      .bind(root)
      .first();
    expect(row).toEqual({
      status: 'deleted',
      body: '',
      author_name: null,
      author_email: null,
      ip_hash: null,
      reader_hash: null,
    });
    expect(await counters(url)).toEqual({ count: 1, replies: { [root]: 1, [reply]: 0 } });
    expect(await visibleIds(url)).toEqual([root, reply]);
  });

  it('erases a spam comment that has replies as a placeholder, and lists it again for its replies', async () => {
    const url = freshPage();
    const root = await post(url);
    const child = await post(url, { parentId: root });
    const grandchild = await post(url, { parentId: child });
    await setStatus(child, 'spam');
    expect(await counters(url)).toEqual({ count: 2, replies: { [root]: 0, [child]: 1, [grandchild]: 0 } });
    await admin('DELETE', `/comments/${child}`);
    expect(await counters(url)).toEqual({ count: 2, replies: { [root]: 1, [child]: 1, [grandchild]: 0 } });
  });
});

describe('POST /api/v1/admin/comments/bulk', () => {
  it('approves, marks as spam or deletes many comments and says how many changed', async () => {
    const url = freshPage();
    const a = await post(url);
    const b = await post(url);
    const c = await post(url);
    const spam = await admin('POST', '/comments/bulk', { ids: [a, b, 'unknown'], action: 'spam' });
    expect(spam.json).toEqual({ updated: 2 });
    expect((await counters(url)).count).toBe(1);
    const again = await admin('POST', '/comments/bulk', { ids: [a, b, c], action: 'approve' });
    expect(again.json).toEqual({ updated: 2 });
    expect((await counters(url)).count).toBe(3);
    const gone = await admin('POST', '/comments/bulk', { ids: [a, b], action: 'delete' });
    expect(gone.json).toEqual({ updated: 2 });
    expect(await visibleIds(url)).toEqual([c]);
    expect((await admin('POST', '/comments/bulk', { ids: [], action: 'delete' })).res.status).toBe(422);
    expect((await admin('POST', '/comments/bulk', { ids: [a], action: 'burn' })).res.status).toBe(422);
  });
});

describe('POST /api/v1/admin/comments (moderator reply)', () => {
  it('posts the owner reply with author.moderator, approved, even in a locked thread', async () => {
    const url = freshPage();
    const root = await post(url);
    await admin('PATCH', '/threads', { key: url, locked: true });
    const { res, json } = await admin('POST', '/comments', { parentId: root, body: 'Merci !' });
    expect(res.status).toBe(201);
    expect(json.comment).toMatchObject({
      parentId: root,
      status: 'approved',
      author: { name: 'Moderator', moderator: true },
      email: null,
      ipHash: null,
    });
    const page = (await getThread(`url=${encodeURIComponent(url)}`)).json;
    expect(page.comments[1].author.moderator).toBe(true);
    expect(page.thread.commentCount).toBe(2);
    const root2 = await admin('POST', '/comments', { threadKey: url, body: 'Une précision', name: 'Anne' });
    expect(root2.json.comment).toMatchObject({ parentId: null, author: { name: 'Anne', moderator: true } });
  });

  it('refuses a reply to a comment that is not approved, and an unknown thread', async () => {
    const url = freshPage();
    const root = await post(url);
    await setStatus(root, 'spam');
    expect((await admin('POST', '/comments', { parentId: root, body: 'x' })).res.status).toBe(422);
    expect((await admin('POST', '/comments', { threadKey: 'no-such-thread', body: 'x' })).res.status).toBe(
      404,
    );
    expect((await admin('POST', '/comments', { body: 'x' })).res.status).toBe(422);
  });
});
