/** GET /api/v1/threads/replies: its answers for bad input (the happy paths are in hostile-trees.test.ts). */
import { describe, expect, it } from 'vitest';
import { freshPage, postComment, request } from './helpers.ts';

const replies = async (query: string) => {
  const res = await request(`/api/v1/threads/replies?${query}`);
  return { res, json: (await res.json()) as Record<string, any> };
};

const u = (url: string) => `url=${encodeURIComponent(url)}`;

describe('GET /api/v1/threads/replies', () => {
  it('answers the replies of a root from the start without a cursor, and null at the end', async () => {
    const url = freshPage();
    const root = (await postComment({ url })).json.comment.id;
    const reply = (await postComment({ url, parentId: root, body: 'a reply' })).json.comment.id;
    const { res, json } = await replies(`${u(url)}&root=${root}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(res.headers.get('Cache-Tag')).toMatch(/^t:[0-9a-f]{32}$/);
    expect(json).toMatchObject({ comments: [{ id: reply, parentId: root }], nextCursor: null });
  });

  it('answers 400 without url/id or root, for a bad limit, and for a cursor it did not make', async () => {
    const url = freshPage();
    const root = (await postComment({ url })).json.comment.id;
    for (const query of [
      `root=${root}`,
      u(url),
      `${u(url)}&root=${root}&limit=0`,
      `${u(url)}&root=${root}&limit=101`,
      `${u(url)}&root=${root}&cursor=garbage`,
      `${u(url)}&root=${root}&cursor=WyJvIiwzXQ`, // a GET /threads cursor (["o",3])
      `${u(url)}&root=${root}&cursor=WyJyIiwtMV0`, // ["r",-1]
      `url=not-a-url&root=${root}`,
    ]) {
      const { res, json } = await replies(query);
      expect(res.status, query).toBe(400);
      expect(json.code, query).toBe('bad_request');
    }
  });

  it('answers 404 naming root for an unknown root, a reply, or a root of another thread', async () => {
    const url = freshPage();
    const root = (await postComment({ url })).json.comment.id;
    const reply = (await postComment({ url, parentId: root, body: 'a reply' })).json.comment.id;
    const other = (await postComment({ url: freshPage() })).json.comment.id;
    for (const query of [
      `${u(url)}&root=nope`,
      `${u(url)}&root=${reply}`,
      `${u(url)}&root=${other}`,
      `${u(freshPage())}&root=${root}`,
    ]) {
      const { res, json } = await replies(query);
      expect(res.status, query).toBe(404);
      expect(json.errors[0].field, query).toBe('root');
    }
  });
});
