import { describe, expect, it } from 'vitest';
import { freshPage, postComment, request, setStatus } from './helpers.ts';

const getRecent = async (query = '') => {
  const res = await request(`/api/v1/recent${query}`);
  return { res, json: (await res.json()) as Record<string, any> };
};

const bodiesOf = (json: Record<string, any>) =>
  (json.comments as { html: string }[]).map((c) => c.html.replace(/<\/?p>|\n/g, ''));

describe('GET /api/v1/recent', () => {
  it('answers the latest approved comments across pages, newest first, each with its page', async () => {
    const [a, b] = [freshPage(), freshPage()];
    await postComment({ url: a, title: 'Post A', body: 'one' });
    await postComment({ url: b, body: 'two' });
    await postComment({ url: `${a}#again`, body: 'three' });
    const { res, json } = await getRecent('?limit=3');
    expect(res.status).toBe(200);
    expect(bodiesOf(json)).toEqual(['three', 'two', 'one']);
    expect(json.comments.map((c: { thread: unknown }) => c.thread)).toEqual([
      { url: a, title: 'Post A' },
      { url: b, title: '' },
      { url: a, title: 'Post A' },
    ]);
  });

  it('answers 10 comments by default and at most `limit`', async () => {
    const url = freshPage();
    for (let i = 0; i < 12; i++) await postComment({ url, body: `n${i}` });
    expect(bodiesOf((await getRecent()).json)).toEqual(Array.from({ length: 10 }, (_, i) => `n${11 - i}`));
    expect(bodiesOf((await getRecent('?limit=1')).json)).toEqual(['n11']);
    expect((await getRecent('?limit=50')).json.comments.length).toBeGreaterThanOrEqual(12);
  });

  it('leaves out pending, spam and deleted comments, and replies under a root moderated away', async () => {
    const url = freshPage();
    const root = await postComment({ url, body: 'root' });
    await postComment({ url, body: 'reply', parentId: root.json.comment.id });
    const ids: string[] = [];
    for (const body of ['pending', 'spam', 'deleted', 'kept'])
      ids.push((await postComment({ url, body })).json.comment.id);
    await setStatus(ids[0] as string, 'pending');
    await setStatus(ids[1] as string, 'spam');
    await setStatus(ids[2] as string, 'deleted');
    expect(bodiesOf((await getRecent('?limit=4')).json)).toEqual([
      'kept',
      'reply',
      'root',
      expect.any(String),
    ]);
    await setStatus(root.json.comment.id, 'spam');
    expect(bodiesOf((await getRecent('?limit=1')).json)).toEqual(['kept']);
    expect(bodiesOf((await getRecent('?limit=50')).json)).not.toContain('reply');
  });

  it('shows the public Comment only: no e-mail, no IP, nothing more than the page', async () => {
    const url = freshPage();
    await postComment({ url, body: 'signed', author: { name: 'Alice', email: 'alice@mail.example' } });
    const res = await request('/api/v1/recent?limit=1', { headers: { 'CF-Connecting-IP': '203.0.113.9' } });
    const text = await res.text();
    expect(text).not.toContain('alice@mail.example');
    expect(text).not.toContain('203.0.113.9');
    const [comment] = JSON.parse(text).comments;
    expect(Object.keys(comment).sort()).toEqual(
      [
        'author',
        'createdAt',
        'editedAt',
        'html',
        'id',
        'kind',
        'likes',
        'parentId',
        'pinned',
        'status',
        'thread',
      ].sort(),
    );
    expect(comment.author).toMatchObject({ name: 'Alice', moderator: false });
    expect(Object.keys(comment.author).sort()).toEqual([
      'avatar',
      'moderator',
      'name',
      'verified',
      'website',
    ]);
  });

  it('answers 400 bad_request for a limit outside 1–50 or not a whole number', async () => {
    for (const limit of ['0', '51', 'x', '2.5']) {
      const { res, json } = await getRecent(`?limit=${limit}`);
      expect(res.status, limit).toBe(400);
      expect(json).toMatchObject({ code: 'bad_request', errors: [{ field: 'limit' }] });
    }
  });

  it('lets shared caches keep the answer briefly', async () => {
    const { res } = await getRecent();
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=30');
  });
});
