import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, failing, freshPage, getThread, ORIGIN } from './helpers.ts';

const post = (url: string) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
  body: JSON.stringify({ url, body: 'will it stick?' }),
});

describe('when storage fails', () => {
  it('answers 503 storage_unavailable when D1 fails on a write, and writes nothing', async () => {
    const url = freshPage();
    const { res, json } = await call({ DB: failing(env.DB, ['batch']) }, '/api/v1/comments', post(url));
    expect(res.status).toBe(503);
    expect(json).toEqual({
      status: 503,
      code: 'storage_unavailable',
      title: 'Storage unavailable',
      detail: 'the database is unavailable; try again',
    });
    const thread = await getThread(`url=${encodeURIComponent(url)}`);
    expect(thread.json.comments).toEqual([]);
  });

  it('answers 503 when D1 fails on a read', async () => {
    const { res, json } = await call(
      { DB: failing(env.DB, ['batch']) },
      `/api/v1/threads?url=${encodeURIComponent(freshPage())}&limit=5`,
    );
    expect(res.status).toBe(503);
    expect(json.code).toBe('storage_unavailable');
  });

  it('still reads from D1 when KV fails', async () => {
    const kv = failing(env.KV, ['get', 'put']);
    const { res } = await call({ KV: kv }, `/api/v1/threads?url=${encodeURIComponent(freshPage())}`);
    expect(res.status).toBe(200);
  });

  // Was: "answers 503 when the cache cannot be cleared after a write, and a retry with the clientId
  // repairs it". No write touches KV any more (issue 12; API.md: no cache may fail a write D1 committed).
  it('answers 201 when KV fails on every call during a write, and the next read shows the comment', async () => {
    const url = freshPage();
    const page = `/api/v1/threads?url=${encodeURIComponent(url)}`;
    expect((await call({}, page)).json.comments).toEqual([]);

    const clientId = `kv-${crypto.randomUUID()}`;
    const init = { ...post(url), body: JSON.stringify({ url, body: 'cached?', clientId }) };
    const kv = failing(env.KV, ['get', 'getWithMetadata', 'put', 'delete', 'list']);
    const first = await call({ KV: kv }, '/api/v1/comments', init);
    expect(first.res.status).toBe(201);
    expect((await call({}, page)).json.comments.map((c: { id: string }) => c.id)).toEqual([
      first.json.comment.id,
    ]);

    const retry = await call({}, '/api/v1/comments', init);
    expect(retry.res.status).toBe(200);
    expect((await call({}, page)).json.comments).toHaveLength(1);
  });
});
