/**
 * Issue 12: Workers Cache in front of the worker. Each public GET says how long the edge may keep it
 * (`Cloudflare-CDN-Cache-Control`), which threads it depends on (`Cache-Tag`) and what browsers may do;
 * every write purges its thread's tags through `ctx.cache.purge` (recorded here: local workerd has no
 * `ctx.cache`, so `call(…, purges)` hands the worker an execution context with one). Reads come from D1,
 * so a read after a write shows it whatever the cache did.
 * (Was cache.test.ts, "KV read cache": its X-Cache HIT/MISS assertions are gone with the KV cache; what
 * a reader sees after each write is kept.)
 */
import { describe, expect, it } from 'vitest';
import { SITE_TAG, threadTag } from '../../worker/lib/edge-cache-headers.ts';
import { call, freshPage, ORIGIN, request } from './helpers.ts';

const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json', Origin: ORIGIN, ...headers },
  body: JSON.stringify(body),
});

const post = (url: string, body = 'hello', purges?: CachePurgeOptions[]) =>
  call({}, '/api/v1/comments', json('POST', { url, body }), undefined, purges);

const adminCall = (method: string, path: string, body: unknown, purges: CachePurgeOptions[]) =>
  call(
    {},
    `/api/v1/admin${path}`,
    {
      method,
      headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    },
    undefined,
    purges,
  );

const EDGE = 'max-age=60, stale-while-revalidate=60';

describe('cache headers of the public GETs', () => {
  it('GET /threads: no-cache for browsers, a minute at the edge, the thread’s tag', async () => {
    const url = freshPage();
    await post(url);
    const { res } = await call({}, `/api/v1/threads?url=${encodeURIComponent(url)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(res.headers.get('Cloudflare-CDN-Cache-Control')).toBe(EDGE);
    expect(res.headers.get('Cache-Tag')).toBe(await threadTag(url));
    // The answer differs by Origin (CORS), and the cache key does not hold the Origin: Vary does.
    expect(res.headers.get('Vary')).toContain('Origin');
  });

  it('GET /threads/replies carries the tag of its thread', async () => {
    const url = freshPage();
    const root = (await post(url)).json.comment.id;
    await call({}, '/api/v1/comments', json('POST', { url, body: 'reply', parentId: root }));
    const { res } = await call({}, `/api/v1/threads/replies?url=${encodeURIComponent(url)}&root=${root}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cloudflare-CDN-Cache-Control')).toBe(EDGE);
    expect(res.headers.get('Cache-Tag')).toBe(await threadTag(url));
  });

  it('GET /counts carries one tag per thread it counts, unknown pages too', async () => {
    const [a, b] = [freshPage(), freshPage()];
    await post(a);
    const { res, json: body } = await call(
      {},
      `/api/v1/counts?url=${encodeURIComponent(a)}&url=${encodeURIComponent(b)}`,
    );
    expect(body.counts).toEqual({ [a]: 1, [b]: 0 });
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=30');
    expect(res.headers.get('Cloudflare-CDN-Cache-Control')).toBe(EDGE);
    expect(res.headers.get('Cache-Tag')?.split(',')).toEqual([await threadTag(a), await threadTag(b)]);
  });

  it('GET /recent and the site feed carry the site tag; a thread’s feed its thread’s', async () => {
    const url = freshPage();
    await post(url);
    const recent = await call({}, '/api/v1/recent');
    expect(recent.res.headers.get('Cache-Tag')).toBe(SITE_TAG);
    expect(recent.res.headers.get('Cloudflare-CDN-Cache-Control')).toBe(EDGE);
    const site = await request('/api/v1/feed');
    expect(site.headers.get('Cache-Tag')).toBe(SITE_TAG);
    expect(site.headers.get('Cache-Control')).toBe('public, max-age=60');
    const thread = await request(`/api/v1/feed?url=${encodeURIComponent(url)}`);
    expect(thread.headers.get('Cache-Tag')).toBe(await threadTag(url));
  });

  it('GET /config carries the config tag and a longer edge freshness', async () => {
    const { res } = await call({}, '/api/v1/config');
    expect(res.headers.get('Cache-Tag')).toBe('config');
    expect(res.headers.get('Cloudflare-CDN-Cache-Control')).toBe('max-age=300, stale-while-revalidate=300');
  });

  it('names threads of very long or non-ASCII URLs by a short printable tag', async () => {
    const url = `${freshPage()}/${'é'.repeat(900)}`;
    await post(url);
    const { res, json: body } = await call({}, `/api/v1/threads?url=${encodeURIComponent(url)}`);
    expect(body.comments).toHaveLength(1);
    expect(res.headers.get('Cache-Tag')).toMatch(/^t:[0-9a-f]{32}$/);
  });

  it('answers everything else no-store, errors included (Workers Cache would keep a bare 404)', async () => {
    expect((await call({}, '/api/v1/nowhere')).res.headers.get('Cache-Control')).toBe('no-store');
    const bad = await call({}, '/api/v1/threads?url=not-a-url');
    expect(bad.res.status).toBe(400);
    expect(bad.res.headers.get('Cache-Control')).toBe('no-store');
    expect(bad.res.headers.get('Cache-Tag')).toBeNull();
    const written = await post(freshPage());
    expect(written.res.headers.get('Cache-Control')).toBe('no-store');
  });
});

describe('purges on writes', () => {
  it('a new comment purges its thread’s tag and the site tag, in one call', async () => {
    const url = freshPage();
    const purges: CachePurgeOptions[] = [];
    const { res } = await post(url, 'one', purges);
    expect(res.status).toBe(201);
    expect(purges).toEqual([{ tags: [await threadTag(url), SITE_TAG] }]);
  });

  it('edits, deletes and likes purge their thread', async () => {
    const url = freshPage();
    const tags = [await threadTag(url), SITE_TAG];
    const { json: created } = await post(url, 'before');
    const auth = { Authorization: `Bearer ${created.editToken}` };
    const id = created.comment.id;
    for (const [path, init] of [
      [`/api/v1/comments/${id}/like`, json('POST', { reader: 'purge-reader' })],
      [`/api/v1/comments/${id}/like`, json('DELETE', { reader: 'purge-reader' })],
      ['/api/v1/threads/like', json('POST', { url, reader: 'purge-reader' })],
      [`/api/v1/comments/${id}`, json('PATCH', { body: 'after' }, auth)],
      [`/api/v1/comments/${id}`, { method: 'DELETE', headers: { ...auth, Origin: ORIGIN } }],
    ] as const) {
      const purges: CachePurgeOptions[] = [];
      const { res } = await call({}, path, init, undefined, purges);
      expect(res.status, `${init.method} ${path}`).toBeLessThan(300);
      expect(purges, `${init.method} ${path}`).toEqual([{ tags }]);
    }
  });

  it('moderation, the owner’s replies, thread changes and imports purge the threads they touch', async () => {
    const url = freshPage();
    const tags = [await threadTag(url), SITE_TAG];
    const id = (await post(url)).json.comment.id;
    const check = async (method: string, path: string, body?: unknown) => {
      const purges: CachePurgeOptions[] = [];
      const { res } = await adminCall(method, path, body, purges);
      expect(res.status, `${method} ${path}`).toBeLessThan(300);
      expect(purges, `${method} ${path}`).toEqual([{ tags }]);
    };
    await check('PATCH', `/comments/${id}`, { status: 'pending' });
    await check('POST', '/comments/bulk', { ids: [id], action: 'approve' });
    await check('POST', '/comments', { parentId: id, body: 'from the owner' });
    await check('PATCH', '/threads', { key: url, title: 'Un titre' });
    await check('DELETE', `/comments/${id}`);

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
              id: `imp-${crypto.randomUUID()}`,
              status: 'approved',
              body: 'hi',
              createdAt: new Date().toISOString(),
            },
          ],
        },
      ],
    };
    const purges: CachePurgeOptions[] = [];
    const { res } = await call(
      {},
      '/api/v1/admin/import?format=causerie',
      {
        method: 'POST',
        headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' },
        body: JSON.stringify(file),
      },
      undefined,
      purges,
    );
    expect(res.status).toBe(200);
    expect(purges).toEqual([{ tags: [await threadTag(imported), SITE_TAG] }]);
  });

  it('a purge that is refused or throws never fails the write', async () => {
    const url = freshPage();
    for (const purge of [
      async () => ({ success: false, errors: [{ code: 1134, message: 'rate limited' }] }),
      async () => {
        throw new Error('purge service down');
      },
    ]) {
      const { createExecutionContext, env, waitOnExecutionContext } = await import('cloudflare:test');
      const app = (await import('../../worker/index.ts')).default;
      const ctx = createExecutionContext();
      Object.defineProperty(ctx, 'cache', { value: { purge } });
      const res = await app.fetch(
        new Request('https://comments.example/api/v1/comments', json('POST', { url, body: 'still here' })),
        env,
        ctx,
      );
      await waitOnExecutionContext(ctx);
      expect(res.status).toBe(201);
    }
    const page = await call({}, `/api/v1/threads?url=${encodeURIComponent(url)}`);
    expect(page.json.comments).toHaveLength(2);
  });
});

describe('reads after writes (D1 is the truth)', () => {
  it('shows every write to the thread at once: comments, likes, edits, deletes', async () => {
    const url = freshPage();
    const page = `/api/v1/threads?url=${encodeURIComponent(url)}`;
    await post(url, 'one');
    expect((await call({}, page)).json.comments).toHaveLength(1);
    const second = await post(url, 'two');
    const after = await call({}, page);
    expect(after.json.comments.map((c: { id: string }) => c.id)).toContain(second.json.comment.id);

    await call(
      {},
      `/api/v1/comments/${second.json.comment.id}/like`,
      json('POST', { reader: 'cache-reader' }),
    );
    expect((await call({}, page)).json.comments[1].likes).toBe(1);

    const auth = { Authorization: `Bearer ${second.json.editToken}` };
    await call({}, `/api/v1/comments/${second.json.comment.id}`, json('PATCH', { body: 'after' }, auth));
    expect((await call({}, page)).json.comments[1].html).toBe('<p>after</p>\n');
    await call({}, `/api/v1/comments/${second.json.comment.id}`, {
      method: 'DELETE',
      headers: { ...auth, Origin: ORIGIN },
    });
    expect((await call({}, page)).json.comments).toHaveLength(1);
  });

  it('counts a thread’s new comment at once', async () => {
    const [a, b] = [freshPage(), freshPage()];
    await post(a);
    const counts = `/api/v1/counts?url=${encodeURIComponent(a)}&url=${encodeURIComponent(b)}`;
    expect((await call({}, counts)).json.counts).toEqual({ [a]: 1, [b]: 0 });
    await post(b);
    expect((await call({}, counts)).json.counts).toEqual({ [a]: 1, [b]: 1 });
  });
});
