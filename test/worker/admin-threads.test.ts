import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { admin, freshPage, getThread, postComment, postJson } from './helpers.ts';

const post = async (url: string, extra: Record<string, unknown> = {}) =>
  (await postComment({ url, ...extra })).json.comment.id as string;

const pageOf = async (url: string) => (await getThread(`url=${encodeURIComponent(url)}`)).json;

const likePage = (url: string, reader: string) => postJson('/api/v1/threads/like', { url, reader });

describe('GET /api/v1/admin/threads', () => {
  it('lists threads newest first with their pending count, page by page', async () => {
    const urls = [freshPage(), freshPage(), freshPage()];
    for (const url of urls) await post(url);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const { json }: { json: Record<string, any> } = await admin(
        'GET',
        `/threads?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...json.threads.map((t: any) => t.key));
      cursor = json.nextCursor;
    } while (cursor);
    expect(seen.slice(0, 3)).toEqual([...urls].reverse());
    const { json } = await admin('GET', '/threads?limit=1');
    expect(json.threads[0]).toMatchObject({ key: urls[2], commentCount: 1, pending: 0, locked: false });
  });
});

describe('PATCH /api/v1/admin/threads', () => {
  it('locks a thread (readers get 409) and retitles it', async () => {
    const url = freshPage();
    await post(url);
    const { res, json } = await admin('PATCH', '/threads', {
      key: url,
      locked: true,
      title: 'Nouveau titre',
    });
    expect(res.status).toBe(200);
    expect(json).toMatchObject({ thread: { key: url, locked: true, title: 'Nouveau titre' }, merged: false });
    const refused = await postComment({ url });
    expect(refused.res.status).toBe(409);
    expect((await pageOf(url)).thread).toMatchObject({ locked: true, title: 'Nouveau titre' });
    await admin('PATCH', '/threads', { key: url, locked: false });
    expect((await postComment({ url })).res.status).toBe(201);
  });

  it('moves a thread to a new URL: the new normalized URL is its key, comments and page likes follow', async () => {
    const oldUrl = freshPage();
    const newUrl = freshPage();
    const id = await post(oldUrl);
    await likePage(oldUrl, 'reader-one-123');
    await pageOf(oldUrl); // cached under the old key
    const { json } = await admin('PATCH', '/threads', {
      key: oldUrl,
      url: `${newUrl.replace('https://blog.example', 'HTTPS://Blog.Example:443')}/?utm_source=x#c1`,
    });
    expect(json.thread).toMatchObject({ key: newUrl, url: newUrl, commentCount: 1, likes: 1 });
    expect(json.merged).toBe(false);
    expect((await pageOf(newUrl)).comments.map((c: any) => c.id)).toEqual([id]);
    expect((await pageOf(oldUrl)).comments).toEqual([]);
    const liked = await likePage(newUrl, 'reader-one-123');
    expect(((await liked.json()) as any).likes).toBe(1);
  });

  it('merges into the thread already at the new URL, older comments first', async () => {
    const oldUrl = freshPage();
    const newUrl = freshPage();
    const a = await post(oldUrl);
    const b = await post(oldUrl);
    const c = await post(newUrl);
    const reply = await post(newUrl, { parentId: c });
    await likePage(oldUrl, 'reader-one-123');
    await likePage(newUrl, 'reader-one-123');
    await likePage(newUrl, 'reader-two-456');
    const { json } = await admin('PATCH', '/threads', { key: oldUrl, url: newUrl });
    expect(json.merged).toBe(true);
    expect(json.thread).toMatchObject({ key: newUrl, commentCount: 4, likes: 2 });
    expect((await pageOf(newUrl)).comments.map((x: any) => x.id)).toEqual([a, b, c, reply]);
    expect(await env.DB.prepare('SELECT 1 FROM threads WHERE key = ?1').bind(oldUrl).first()).toBeNull();
    // New roots continue after the merged ones.
    const d = await post(newUrl);
    expect((await pageOf(newUrl)).comments.map((x: any) => x.id)).toEqual([a, b, c, reply, d]);
    const audit = await admin('GET', '/audit?limit=1');
    expect(audit.json.entries[0]).toMatchObject({ action: 'thread.merge', threadKey: oldUrl });
  });

  it('keeps the key of a thread keyed by an explicit page id, changing only its URL', async () => {
    const url = freshPage();
    const key = `post-${Date.now()}`;
    await post(url, { id: key });
    const newUrl = freshPage();
    const { json } = await admin('PATCH', '/threads', { key, url: newUrl });
    expect(json.thread).toMatchObject({ key, url: newUrl });
  });

  it('answers 404 for an unknown thread, 403 for a foreign origin, 422 for a bad field', async () => {
    expect((await admin('PATCH', '/threads', { key: 'nope', locked: true })).res.status).toBe(404);
    const url = freshPage();
    await post(url);
    const foreign = await admin('PATCH', '/threads', { key: url, url: 'https://evil.example/x' });
    expect(foreign.res.status).toBe(403);
    expect(foreign.json.code).toBe('origin_not_allowed');
    expect((await admin('PATCH', '/threads', { key: url, locked: 'yes' })).res.status).toBe(422);
    expect((await admin('PATCH', '/threads', { key: url, url: 'ftp://blog.example/x' })).res.status).toBe(
      422,
    );
  });
});
