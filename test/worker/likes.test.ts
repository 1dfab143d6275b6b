import { describe, expect, it } from 'vitest';
import { freshPage, getThread, ORIGIN, postComment, request } from './helpers.ts';

const like = (path: string, method: 'POST' | 'DELETE', body: unknown) =>
  request(path, {
    method,
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify(body),
  }).then(async (res) => ({ res, json: (await res.json()) as Record<string, any> }));

describe('comment likes', () => {
  it('counts one like per reader; liking and unliking are idempotent', async () => {
    const url = freshPage();
    const { json } = await postComment({ url });
    const path = `/api/v1/comments/${json.comment.id}/like`;
    expect((await like(path, 'POST', { reader: 'reader-one' })).json).toEqual({ likes: 1, liked: true });
    expect((await like(path, 'POST', { reader: 'reader-one' })).json).toEqual({ likes: 1, liked: true });
    expect((await like(path, 'POST', { reader: 'reader-two' })).json).toEqual({ likes: 2, liked: true });
    expect((await getThread(`url=${encodeURIComponent(url)}`)).json.comments[0].likes).toBe(2);
    expect((await like(path, 'DELETE', { reader: 'reader-one' })).json).toEqual({ likes: 1, liked: false });
    expect((await like(path, 'DELETE', { reader: 'reader-one' })).json).toEqual({ likes: 1, liked: false });
  });

  it('answers 404 for an unknown comment and 422 without a reader', async () => {
    expect((await like('/api/v1/comments/nope/like', 'POST', { reader: 'reader-one' })).res.status).toBe(404);
    const { json } = await postComment({ url: freshPage() });
    const missing = await like(`/api/v1/comments/${json.comment.id}/like`, 'POST', {});
    expect(missing.res.status).toBe(422);
    expect(missing.json.errors[0].field).toBe('reader');
  });
});

describe('page likes', () => {
  // A page without a thread can no longer be liked (issue 11, item 2): hardening-likes.test.ts.
  it('likes a page, one like per reader', async () => {
    const url = freshPage();
    await postComment({ url });
    expect((await like('/api/v1/threads/like', 'POST', { url, reader: 'reader-one' })).json).toEqual({
      likes: 1,
      liked: true,
    });
    await like('/api/v1/threads/like', 'POST', { url: `${url}#again`, reader: 'reader-one' });
    await like('/api/v1/threads/like', 'POST', { url, reader: 'reader-two' });
    expect((await getThread(`url=${encodeURIComponent(url)}`)).json.thread.likes).toBe(2);
    expect((await like('/api/v1/threads/like', 'DELETE', { url, reader: 'reader-two' })).json).toEqual({
      likes: 1,
      liked: false,
    });
  });

  it('refuses pages of sites that are not allowed', async () => {
    const { res, json } = await like('/api/v1/threads/like', 'POST', {
      url: 'https://evil.example/',
      reader: 'reader-one',
    });
    expect(res.status).toBe(403);
    expect(json.code).toBe('origin_not_allowed');
  });
});
