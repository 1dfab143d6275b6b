import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { freshPage, getThread, ORIGIN, postComment, postJson, request } from './helpers.ts';

const fieldsOf = (json: Record<string, any>) => (json.errors as { field: string }[]).map((e) => e.field);

describe('POST /api/v1/comments', () => {
  it('creates a root comment: 201 with the comment, an edit token and editableUntil', async () => {
    const url = freshPage();
    const before = Date.now();
    const { res, json } = await postComment({
      url,
      title: 'Un billet',
      body: 'Hello *world*',
      author: { name: 'Alice', email: 'alice@example.com', website: 'https://alice.example' },
    });
    expect(res.status).toBe(201);
    expect(json.comment).toMatchObject({
      parentId: null,
      author: { name: 'Alice', website: 'https://alice.example', moderator: false },
      html: '<p>Hello <em>world</em></p>\n',
      editedAt: null,
      likes: 0,
      status: 'approved',
      pinned: false,
    });
    expect(json.comment.id).toMatch(/^[A-Za-z0-9_-]{21}$/);
    expect(json.comment.author.avatar).toMatch(/^[0-9a-f]{16}$/);
    expect(json.editToken).toMatch(/^\d+\.[A-Za-z0-9_-]+$/);
    const until = Date.parse(json.editableUntil);
    expect(until).toBeGreaterThanOrEqual(before + 899_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 900_000);
  });

  it('never returns the e-mail address or anything of the IP', async () => {
    const { json } = await postComment({
      url: freshPage(),
      author: { name: 'Eve', email: 'eve@example.com' },
    });
    const text = JSON.stringify(json);
    expect(text).not.toContain('eve@example.com');
    expect(json.comment.author).not.toHaveProperty('email');
  });

  it('stores the Markdown verbatim, and the thread under its normalized URL with its title', async () => {
    const path = `/verbatim-${Date.now()}`;
    const body = '  *two spaces before*, trailing newline\n';
    const { json } = await postComment({
      url: `HTTPS://Blog.Example:443${path}/?utm_source=x#c1`,
      title: 'Titre',
      body,
    });
    const row = await env.DB.prepare('SELECT body FROM comments WHERE id = ?1')
      .bind(json.comment.id)
      .first<{ body: string }>();
    expect(row?.body).toBe(body);
    const thread = await getThread(`url=${encodeURIComponent(`https://blog.example${path}`)}`);
    expect(thread.json.thread).toMatchObject({
      key: `https://blog.example${path}`,
      title: 'Titre',
      commentCount: 1,
    });
  });

  it('files a reply under its parent, in the same thread', async () => {
    const url = freshPage();
    const root = await postComment({ url, body: 'root' });
    const reply = await postComment({ url, body: 'reply', parentId: root.json.comment.id });
    expect(reply.res.status).toBe(201);
    expect(reply.json.comment.parentId).toBe(root.json.comment.id);
    const nested = await postComment({ url, body: 'reply to reply', parentId: reply.json.comment.id });
    expect(nested.res.status).toBe(201);
    const { json } = await getThread(`url=${encodeURIComponent(url)}`);
    expect(json.comments.map((c: { html: string }) => c.html)).toEqual([
      '<p>root</p>\n',
      '<p>reply</p>\n',
      '<p>reply to reply</p>\n',
    ]);
    expect(json.thread.commentCount).toBe(3);
  });

  it('answers 404 not_found for an unknown parent or a parent of another thread', async () => {
    const other = await postComment({ url: freshPage(), body: 'elsewhere' });
    const url = freshPage();
    const unknown = await postComment({ url, parentId: 'no-such-comment' });
    expect(unknown.res.status).toBe(404);
    expect(unknown.json.code).toBe('not_found');
    const foreign = await postComment({ url, parentId: other.json.comment.id });
    expect(foreign.res.status).toBe(404);
    expect(foreign.json.errors[0].field).toBe('parentId');
  });

  it('uses the explicit id as the thread key when the page gives one', async () => {
    const id = `explicit-${Date.now()}`;
    await postComment({ url: freshPage(), id, body: 'one' });
    await postComment({ url: freshPage(), id, body: 'two' });
    const { json } = await getThread(`url=${encodeURIComponent(freshPage())}&id=${id}`);
    expect(json.thread.key).toBe(id);
    expect(json.comments).toHaveLength(2);
  });

  it('gives an anonymous comment the anonymous label', async () => {
    const { json } = await postComment({ url: freshPage(), author: { name: '   ' } });
    expect(json.comment.author.name).toBe('Anonymous');
  });

  it('answers 422 validation_failed naming each bad field', async () => {
    const { res, json } = await postComment({
      url: freshPage(),
      body: '   ',
      author: { name: 'x'.repeat(81), email: 'not-an-email', website: 'javascript:alert(1)' },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
    expect(json).toMatchObject({ status: 422, code: 'validation_failed', title: 'Validation failed' });
    expect(fieldsOf(json).sort()).toEqual(['author.email', 'author.name', 'author.website', 'body']);
    expect(json.errors.find((e: { field: string }) => e.field === 'body').message).toBe('must not be empty');
  });

  it('answers 422 for a missing body, a missing url, a non-http url and an over-long comment', async () => {
    const missing = await postJson('/api/v1/comments', { url: freshPage() });
    expect(fieldsOf((await missing.json()) as Record<string, any>)).toEqual(['body']);
    const noUrl = await postJson('/api/v1/comments', { body: 'x' });
    expect(fieldsOf((await noUrl.json()) as Record<string, any>)).toEqual(['url']);
    const badUrl = await postComment({ url: 'mailto:x@y.example' });
    expect(badUrl.res.status).toBe(422);
    expect(fieldsOf(badUrl.json)).toEqual(['url']);
    const long = await postComment({ url: freshPage(), body: 'é'.repeat(10_001) });
    expect(long.res.status).toBe(422);
    expect(long.json.errors).toEqual([{ field: 'body', message: 'must be at most 10000 characters' }]);
    const atLimit = await postComment({ url: freshPage(), body: '😀'.repeat(10_000) });
    expect(atLimit.res.status).toBe(201);
  });

  it('answers 400 bad_request for malformed JSON and for a body that is not an object', async () => {
    const malformed = await postJson('/api/v1/comments', '{"url": ');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Record<string, any>).code).toBe('bad_request');
    const array = await postJson('/api/v1/comments', '[1,2]');
    expect(array.status).toBe(400);
  });

  it('answers 415 unsupported_media_type for a body that is not application/json', async () => {
    const res = await request('/api/v1/comments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
      body: 'url=x&body=y',
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as Record<string, any>).code).toBe('unsupported_media_type');
  });

  it('answers 413 payload_too_large over 64 KiB', async () => {
    const res = await postJson('/api/v1/comments', { url: freshPage(), body: 'x'.repeat(65 * 1024) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as Record<string, any>).code).toBe('payload_too_large');
  });

  it('answers 403 origin_not_allowed for a page of a foreign site, or a foreign Origin header', async () => {
    const page = await postComment({ url: 'https://evil.example/post' });
    expect(page.res.status).toBe(403);
    expect(page.json.code).toBe('origin_not_allowed');
    const header = await postJson(
      '/api/v1/comments',
      { url: freshPage(), body: 'x' },
      { Origin: 'https://evil.example' },
    );
    expect(header.status).toBe(403);
  });

  it('accepts pages on the worker’s own origin without listing it', async () => {
    const { res } = await postComment({ url: 'https://comments.example/demo' });
    expect(res.status).toBe(201);
  });

  it('is idempotent with clientId: a retry returns the same comment with 200 and creates nothing', async () => {
    const url = freshPage();
    const clientId = `retry-${crypto.randomUUID()}`;
    const first = await postComment({ url, body: 'once', clientId });
    const again = await postComment({ url, body: 'once', clientId });
    expect(first.res.status).toBe(201);
    expect(again.res.status).toBe(200);
    expect(again.json.comment.id).toBe(first.json.comment.id);
    expect(again.json.editableUntil).toBe(first.json.editableUntil);
    const { json } = await getThread(`url=${encodeURIComponent(url)}`);
    expect(json.comments).toHaveLength(1);
    expect(json.thread.commentCount).toBe(1);
  });

  it('gives concurrent retries of one clientId one comment and a count of one', async () => {
    const url = freshPage();
    const clientId = `race-${crypto.randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 10 }, () => postComment({ url, body: 'race', clientId })),
    );
    expect(new Set(results.map((r) => r.json.comment.id)).size).toBe(1);
    expect(results.filter((r) => r.res.status === 201)).toHaveLength(1);
    const { json } = await getThread(`url=${encodeURIComponent(url)}`);
    expect(json.thread.commentCount).toBe(1);
  });

  it('silently discards a comment whose honeypot field is filled', async () => {
    const url = freshPage();
    const { res, json } = await postComment({ url, body: 'buy now', website2: 'http://spam.example' });
    expect(res.status).toBe(201);
    expect(json.comment.status).toBe('pending');
    const thread = await getThread(`url=${encodeURIComponent(url)}`);
    expect(thread.json.comments).toHaveLength(0);
    const stored = await env.DB.prepare('SELECT count(*) AS n FROM comments WHERE id = ?1')
      .bind(json.comment.id)
      .first<{ n: number }>();
    expect(stored?.n).toBe(0);
  });

  it('stores the IP only as a keyed hash', async () => {
    const res = await postJson(
      '/api/v1/comments',
      { url: freshPage(), body: 'ip' },
      { 'CF-Connecting-IP': '203.0.113.7' },
    );
    const created = (await res.json()) as Record<string, any>;
    const row = await env.DB.prepare('SELECT ip_hash FROM comments WHERE id = ?1')
      .bind(created.comment.id)
      .first<{ ip_hash: string }>();
    expect(row?.ip_hash).toMatch(/^[0-9a-f]{32}$/);
    const everything = JSON.stringify(await env.DB.prepare('SELECT * FROM comments').all());
    expect(everything).not.toContain('203.0.113.7');
  });
});
