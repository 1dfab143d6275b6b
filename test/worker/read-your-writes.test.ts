/**
 * Issue 12, item 3: reads through D1 sessions. A write answers its session's bookmark (X-D1-Bookmark);
 * a read given it (`?bookmark=`) runs at least at that point, so the writer reads their own write, and
 * it stays out of the edge cache. Local D1 implements sessions and bookmarks: this is the production path.
 */
import { describe, expect, it } from 'vitest';
import { call, freshPage, ORIGIN } from './helpers.ts';

const BOOKMARK = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/;

const post = (url: string, body: string) =>
  call({}, '/api/v1/comments', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify({ url, body }),
  });

describe('D1 bookmarks', () => {
  it('a write answers its bookmark, and a read with it sees the write, uncached', async () => {
    const url = freshPage();
    const written = await post(url, 'mine');
    expect(written.res.status).toBe(201);
    const bookmark = written.res.headers.get('X-D1-Bookmark');
    expect(bookmark).toMatch(BOOKMARK);

    const read = await call({}, `/api/v1/threads?url=${encodeURIComponent(url)}&bookmark=${bookmark}`);
    expect(read.res.status).toBe(200);
    expect(read.json.comments.map((c: { id: string }) => c.id)).toEqual([written.json.comment.id]);
    expect(read.res.headers.get('Cache-Control')).toBe('no-store');
    expect(read.res.headers.get('Cloudflare-CDN-Cache-Control')).toBe('no-store');
    expect(read.res.headers.get('Cache-Tag')).toBeNull();
  });

  it('takes the bookmark from the X-D1-Bookmark header too, and every later write moves it on', async () => {
    const url = freshPage();
    const first = (await post(url, 'one')).res.headers.get('X-D1-Bookmark') as string;
    const second = await post(url, 'two');
    const next = second.res.headers.get('X-D1-Bookmark') as string;
    // Bookmarks sort as the database's states do (D1 glossary): a later write, a later bookmark.
    expect(next > first).toBe(true);
    const read = await call({}, `/api/v1/counts?url=${encodeURIComponent(url)}`, {
      headers: { 'X-D1-Bookmark': next },
    });
    expect(read.json.counts).toEqual({ [url]: 2 });
  });

  it('lets the reader’s page read the bookmark across origins (CORS exposes it)', async () => {
    const { res } = await call({}, '/api/v1/comments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
      body: JSON.stringify({ url: freshPage(), body: 'cors' }),
    });
    expect(res.headers.get('Access-Control-Expose-Headers')).toContain('X-D1-Bookmark');
  });

  it('answers 400 on a bookmark it did not make, and no bookmark on reads', async () => {
    const url = freshPage();
    for (const bad of ['garbage', '0000-1111', `${'0'.repeat(8)}-${'0'.repeat(8)}-${'0'.repeat(8)}-xyz`]) {
      const { res, json } = await call({}, `/api/v1/threads?url=${encodeURIComponent(url)}&bookmark=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(json.errors).toEqual([{ field: 'bookmark', message: 'is not a bookmark this API gave' }]);
    }
    const read = await call({}, `/api/v1/threads?url=${encodeURIComponent(url)}`);
    expect(read.res.status).toBe(200);
    expect(read.res.headers.get('X-D1-Bookmark')).toBeNull();
  });
});
