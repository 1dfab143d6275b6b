/**
 * Issue 12, items 1 and 6: KV is no part of any write. A KV that throws on every call (down, or over the
 * Free plan's 1,000 writes a day) leaves every write answering 2xx and every read answering from D1, with
 * the settings from the vars; a KV that counts its calls sees no put or delete on any write path, and
 * one read of the settings per isolate and period (services/settings/runtime-store.ts `KEEP_MS`).
 */
import { env } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEEP_MS, keepOverridesFor } from '../../worker/services/settings/runtime-store.ts';
import { call, failing, freshPage, ORIGIN } from './helpers.ts';

const KV_METHODS = ['get', 'getWithMetadata', 'put', 'delete', 'list'];

/** KV as it is, counting each call by method. */
const counting = (kv: KVNamespace) => {
  const calls: Record<string, number> = {};
  const binding = new Proxy(kv, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[String(prop)] = (calls[String(prop)] ?? 0) + 1;
        return value.apply(target, args);
      };
    },
  });
  return { binding, calls };
};

const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json', Origin: ORIGIN, ...headers },
  body: JSON.stringify(body),
});

const owner = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/** Every write path of a reader and of the owner, in an order where each has something to act on. */
const everyWrite = async (kv: KVNamespace): Promise<Array<[string, number]>> => {
  const statuses: Array<[string, number]> = [];
  const run = async (label: string, path: string, init: RequestInit) => {
    const result = await call({ KV: kv }, path, init);
    statuses.push([label, result.res.status]);
    return result.json;
  };
  const url = freshPage();
  const created = await run('post', '/api/v1/comments', json('POST', { url, body: 'hello' }));
  const id = created.comment.id as string;
  const auth = { Authorization: `Bearer ${created.editToken}` };
  await run('reply', '/api/v1/comments', json('POST', { url, body: 'a reply', parentId: id }));
  await run('like', `/api/v1/comments/${id}/like`, json('POST', { reader: 'kv-reader' }));
  await run('unlike', `/api/v1/comments/${id}/like`, json('DELETE', { reader: 'kv-reader' }));
  await run('page like', '/api/v1/threads/like', json('POST', { url, reader: 'kv-reader' }));
  await run('edit', `/api/v1/comments/${id}`, json('PATCH', { body: 'edited' }, auth));
  const other = await run('post 2', '/api/v1/comments', json('POST', { url, body: 'second' }));
  await run('moderate', `/api/v1/admin/comments/${other.comment.id}`, owner('PATCH', { status: 'pending' }));
  await run(
    'bulk',
    '/api/v1/admin/comments/bulk',
    owner('POST', { ids: [other.comment.id], action: 'approve' }),
  );
  await run('owner reply', '/api/v1/admin/comments', owner('POST', { parentId: id, body: 'owner' }));
  await run('thread', '/api/v1/admin/threads', owner('PATCH', { key: url, title: 'Titre' }));
  await run('owner delete', `/api/v1/admin/comments/${other.comment.id}`, owner('DELETE'));
  await run('delete', `/api/v1/comments/${id}`, { method: 'DELETE', headers: { ...auth, Origin: ORIGIN } });
  const imported = freshPage();
  const file = {
    format: 'causerie-export',
    version: 1,
    threads: [
      {
        key: imported,
        url: imported,
        title: '',
        comments: [
          {
            id: `kv-${crypto.randomUUID()}`,
            status: 'approved',
            body: 'old',
            createdAt: '2020-01-01T00:00:00.000Z',
          },
        ],
      },
    ],
  };
  await run('import', '/api/v1/admin/import?format=causerie', {
    ...owner('POST'),
    body: JSON.stringify(file),
  });
  return statuses;
};

describe('a KV that throws on every call', () => {
  const broken = () => failing(env.KV, KV_METHODS);

  it('leaves every write answering 2xx', async () => {
    const statuses = await everyWrite(broken());
    expect(statuses.filter(([, status]) => status >= 300)).toEqual([]);
    expect(statuses).toHaveLength(14);
  });

  it('leaves every public read answering from D1', async () => {
    const url = freshPage();
    const root = (await call({}, '/api/v1/comments', json('POST', { url, body: 'from D1' }))).json.comment.id;
    await call({}, '/api/v1/comments', json('POST', { url, body: 'reply', parentId: root }));
    const q = `url=${encodeURIComponent(url)}`;
    const page = await call({ KV: broken() }, `/api/v1/threads?${q}`);
    expect(page.json.comments.map((c: { html: string }) => c.html)).toEqual([
      '<p>from D1</p>\n',
      '<p>reply</p>\n',
    ]);
    expect((await call({ KV: broken() }, `/api/v1/counts?${q}`)).json.counts).toEqual({ [url]: 2 });
    expect(
      (await call({ KV: broken() }, `/api/v1/threads/replies?${q}&root=${root}`)).json.comments,
    ).toHaveLength(1);
    expect((await call({ KV: broken() }, '/api/v1/recent')).res.status).toBe(200);
    expect((await call({ KV: broken() }, '/api/v1/config')).json.moderation).toBe('none');
  });

  it('falls back to the vars for the settings', async () => {
    const url = freshPage();
    const held = await call(
      { KV: broken(), MODERATION: 'all' },
      '/api/v1/comments',
      json('POST', { url, body: 'held?' }),
    );
    expect(held.res.status).toBe(201);
    expect(held.json.comment.status).toBe('pending');
    const view = await call({ KV: broken(), MODERATION: 'all' }, '/api/v1/admin/settings', owner('GET'));
    expect(view.json.settings.moderation).toBe('all');
    expect(view.json.sources.moderation).toBe('vars');
    expect(view.json.sources.blocklist).toBe('default');
  });
});

describe('a KV that counts its calls', () => {
  // A minute rather than KEEP_MS: the 14 writes of everyWrite must fall in one period even on a loaded machine.
  beforeEach(() => keepOverridesFor(60_000));
  afterEach(() => keepOverridesFor(KEEP_MS));

  it('sees no put and no delete on any write path (one settings read per isolate and period)', async () => {
    const { binding, calls } = counting(env.KV);
    const statuses = await everyWrite(binding);
    expect(statuses.filter(([, status]) => status >= 300)).toEqual([]);
    expect(calls.put ?? 0).toBe(0);
    expect(calls.delete ?? 0).toBe(0);
    // The first request reads the settings; the 13 after it answer from the isolate's kept text.
    expect(calls).toEqual({ get: 1 });
  });

  it('sees no write on a count of unknown pages either', async () => {
    const { binding, calls } = counting(env.KV);
    const urls = Array.from({ length: 50 }, () => freshPage());
    const { json: body } = await call(
      { KV: binding },
      `/api/v1/counts?${urls.map((u) => `url=${encodeURIComponent(u)}`).join('&')}`,
    );
    expect(Object.values(body.counts)).toEqual(urls.map(() => 0));
    expect(calls).toEqual({ get: 1 });
  });
});
