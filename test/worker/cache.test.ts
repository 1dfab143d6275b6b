import { describe, expect, it } from 'vitest';
import { call, freshPage, ORIGIN } from './helpers.ts';

const post = (url: string, body = 'hello') =>
  call({}, '/api/v1/comments', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify({ url, body }),
  });

describe('KV read cache', () => {
  it('serves the first page from KV when warm and drops it on every write to the thread', async () => {
    const url = freshPage();
    const page = `/api/v1/threads?url=${encodeURIComponent(url)}`;
    await post(url, 'one');
    expect((await call({}, page)).res.headers.get('X-Cache')).toBe('MISS');
    const hit = await call({}, page);
    expect(hit.res.headers.get('X-Cache')).toBe('HIT');
    expect(hit.json.comments).toHaveLength(1);

    const second = await post(url, 'two');
    const after = await call({}, page);
    expect(after.res.headers.get('X-Cache')).toBe('MISS');
    expect(after.json.comments.map((c: { id: string }) => c.id)).toContain(second.json.comment.id);

    await call({}, page);
    await call({}, `/api/v1/comments/${second.json.comment.id}/like`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
      body: JSON.stringify({ reader: 'cache-reader' }),
    });
    const liked = await call({}, page);
    expect(liked.res.headers.get('X-Cache')).toBe('MISS');
    expect(liked.json.comments[1].likes).toBe(1);
  });

  it('drops the cached page when a reader edits or deletes a comment', async () => {
    const url = freshPage();
    const page = `/api/v1/threads?url=${encodeURIComponent(url)}`;
    const { json } = await post(url, 'before');
    const auth = { Authorization: `Bearer ${json.editToken}`, Origin: ORIGIN };
    await call({}, page);
    await call({}, `/api/v1/comments/${json.comment.id}`, {
      method: 'PATCH',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: 'after' }),
    });
    expect((await call({}, page)).json.comments[0].html).toBe('<p>after</p>\n');
    await call({}, `/api/v1/comments/${json.comment.id}`, { method: 'DELETE', headers: auth });
    expect((await call({}, page)).json.comments).toEqual([]);
  });

  it('never caches pages with a cursor or another limit', async () => {
    const url = freshPage();
    const page = `/api/v1/threads?url=${encodeURIComponent(url)}&limit=10`;
    await call({}, page);
    expect((await call({}, page)).res.headers.get('X-Cache')).toBe('BYPASS');
  });

  it('caches pages of very long URLs too (KV keys are digests)', async () => {
    const url = `${freshPage()}/${'x'.repeat(1900)}`;
    await post(url);
    const page = `/api/v1/threads?url=${encodeURIComponent(url)}`;
    await call({}, page);
    const hit = await call({}, page);
    expect(hit.res.headers.get('X-Cache')).toBe('HIT');
    expect(hit.json.comments).toHaveLength(1);
  });

  it('serves counts from KV when warm and drops a thread’s count when it gets a comment', async () => {
    const [a, b] = [freshPage(), freshPage()];
    await post(a);
    const counts = `/api/v1/counts?url=${encodeURIComponent(a)}&url=${encodeURIComponent(b)}`;
    expect((await call({}, counts)).res.headers.get('X-Cache')).toBe('MISS');
    const warm = await call({}, counts);
    expect(warm.res.headers.get('X-Cache')).toBe('HIT');
    expect(warm.json.counts).toEqual({ [a]: 1, [b]: 0 });
    await post(b);
    const fresh = await call({}, counts);
    expect(fresh.res.headers.get('X-Cache')).toBe('MISS');
    expect(fresh.json.counts).toEqual({ [a]: 1, [b]: 1 });
  });
});
