import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, freshPage, getThread, ORIGIN } from './helpers.ts';

/** A binding whose every method rejects, as D1 or KV do when they are unreachable. */
const failing = <T extends object>(binding: T, methods: string[]): T =>
  new Proxy(binding, {
    get(target, prop) {
      if (methods.includes(String(prop))) return () => Promise.reject(new Error('network connection lost'));
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

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

  it('answers 503 when the cache cannot be cleared after a write, and a retry with the clientId repairs it', async () => {
    const url = freshPage();
    const page = `/api/v1/threads?url=${encodeURIComponent(url)}`;
    expect((await call({}, page)).res.headers.get('X-Cache')).toBe('MISS');
    expect((await call({}, page)).res.headers.get('X-Cache')).toBe('HIT');

    const clientId = `kv-${crypto.randomUUID()}`;
    const init = { ...post(url), body: JSON.stringify({ url, body: 'cached?', clientId }) };
    const first = await call({ KV: failing(env.KV, ['delete']) }, '/api/v1/comments', init);
    expect(first.res.status).toBe(503);
    expect((await call({}, page)).json.comments).toEqual([]); // the stale page, still cached

    const retry = await call({}, '/api/v1/comments', init);
    expect(retry.res.status).toBe(200);
    const fresh = await call({}, page);
    expect(fresh.res.headers.get('X-Cache')).toBe('MISS');
    expect(fresh.json.comments).toHaveLength(1);
  });
});
