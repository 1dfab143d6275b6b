/**
 * Live threads (issue 17): GET /api/v1/live checks its request like the reader API, then hands a WebSocket
 * to the thread's Durable Object, which repeats what each committed write changed. Real workerd, real
 * local D1, real WebSockets; every wait is on a message or a close, never on time.
 */
import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { moderationLinks } from '../../worker/lib/moderation-link.ts';
import { admin, call, freshPage, ORIGIN, postJson, request, setStatus } from './helpers.ts';
import { connect } from './live-reader.ts';

const post = async (url: string, body = 'Bonjour !', extra: Record<string, unknown> = {}) => {
  const res = await postJson('/api/v1/comments', { url, body, ...extra });
  const json = (await res.json()) as { comment: { id: string }; editToken: string };
  expect(res.status).toBe(201);
  return json;
};

const query = (url: string) => `url=${encodeURIComponent(url)}`;

describe('GET /api/v1/live: the checks before the upgrade', () => {
  it('answers 426 problem+json without an Upgrade header', async () => {
    const res = await request(`/api/v1/live?${query(freshPage())}`, { headers: { Origin: ORIGIN } });
    expect(res.status).toBe(426);
    expect(res.headers.get('Upgrade')).toBe('websocket');
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 426, code: 'bad_request' });
  });

  it('answers 400 for a missing or malformed page, as GET /threads does', async () => {
    const headers = { Upgrade: 'websocket', Origin: ORIGIN };
    const missing = await request('/api/v1/live', { headers });
    expect(missing.status).toBeGreaterThanOrEqual(400);
    expect(missing.status).toBeLessThan(500);
    expect(missing.headers.get('Content-Type')).toContain('application/problem+json');
    const bad = await request('/api/v1/live?url=not-a-url', { headers });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'bad_request' });
  });

  it('refuses a page of a foreign origin with 403', async () => {
    const res = await request(`/api/v1/live?${query(freshPage())}`, {
      headers: { Upgrade: 'websocket', Origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'origin_not_allowed' });
  });

  it('is a 404 with LIVE=off, and GET /config says so', async () => {
    const off = await call({ LIVE: 'off' }, `/api/v1/live?${query(freshPage())}`, {
      headers: { Upgrade: 'websocket', Origin: ORIGIN },
    });
    expect(off.res.status).toBe(404);
    expect(off.json).toMatchObject({ code: 'not_found' });
    expect((await call({ LIVE: 'off' }, '/api/v1/config')).json.live).toBe(false);
    expect(((await (await request('/api/v1/config')).json()) as { live: boolean }).live).toBe(true);
  });
});

describe('the thread room: what readers hear after a write commits', () => {
  it('says hello with the thread count, then tells of a new comment, a like, an edit and a removal', async () => {
    const url = freshPage();
    await post(url, 'Le premier');
    const reader = await connect(query(url));
    expect(await reader.nth(0)).toEqual({ type: 'hello', commentCount: 1 });

    const posted = await post(url, 'Le deuxième');
    const comment = await reader.nth(1);
    expect(comment).toMatchObject({
      type: 'comment',
      comment: { id: posted.comment.id, status: 'approved' },
    });
    // What a reader may see, no more: no e-mail, no edit token.
    expect(JSON.stringify(comment)).not.toContain('editToken');

    const like = await postJson(`/api/v1/comments/${posted.comment.id}/like`, { reader: 'r'.repeat(21) });
    expect(like.status).toBe(200);
    expect(await reader.nth(2)).toEqual({ type: 'like', id: posted.comment.id, likes: 1 });

    const edit = await request(`/api/v1/comments/${posted.comment.id}`, {
      method: 'PATCH',
      headers: {
        'Content-Type': 'application/json',
        Origin: ORIGIN,
        Authorization: `Bearer ${posted.editToken}`,
      },
      body: JSON.stringify({ body: 'Le deuxième, corrigé' }),
    });
    expect(edit.status).toBe(200);
    const edited = await reader.nth(3);
    expect(edited).toMatchObject({ type: 'comment', comment: { id: posted.comment.id } });
    expect(edited.type === 'comment' && edited.comment.html).toContain('corrigé');

    const removed = await request(`/api/v1/comments/${posted.comment.id}`, {
      method: 'DELETE',
      headers: { Origin: ORIGIN, Authorization: `Bearer ${posted.editToken}` },
    });
    expect(removed.status).toBe(204);
    expect(await reader.nth(4)).toEqual({ type: 'remove', id: posted.comment.id });
    reader.socket.close(1000, 'done');
  });

  it("tells of a page like, and of a moderator's spam decision and approval", async () => {
    const url = freshPage();
    const first = await post(url);
    const reader = await connect(query(url));
    await reader.nth(0);
    const like = await postJson('/api/v1/threads/like', { url, reader: 'p'.repeat(21) });
    expect(like.status).toBe(200);
    expect(await reader.nth(1)).toEqual({ type: 'like', page: true, likes: 1 });

    await setStatus(first.comment.id, 'spam');
    expect(await reader.nth(2)).toEqual({ type: 'remove', id: first.comment.id });
    await setStatus(first.comment.id, 'approved');
    expect(await reader.nth(3)).toMatchObject({ type: 'comment', comment: { id: first.comment.id } });

    const bulk = await admin('POST', '/comments/bulk', { ids: [first.comment.id], action: 'spam' });
    expect(bulk.res.status).toBe(200);
    expect(await reader.nth(4)).toEqual({ type: 'remove', id: first.comment.id });
    reader.socket.close(1000, 'done');
  });

  it("tells of a one-click link's spam decision and of the owner's reply", async () => {
    const url = freshPage();
    const posted = await post(url);
    const reader = await connect(query(url));
    await reader.nth(0);
    const links = await moderationLinks(
      'https://comments.example',
      'test-secret-key',
      posted.comment.id,
      Math.floor(Date.now() / 1000),
    );
    const clicked = await request(new URL(links.spam).pathname + new URL(links.spam).search, {
      method: 'POST',
      headers: { Accept: 'text/html' },
    });
    expect(clicked.status).toBe(200);
    expect(await reader.nth(1)).toEqual({ type: 'remove', id: posted.comment.id });
    const second = await post(url, 'Une question');
    await reader.nth(2);
    const reply = await admin('POST', '/comments', { parentId: second.comment.id, body: 'La réponse' });
    expect(reply.res.status).toBe(201);
    expect(await reader.nth(3)).toMatchObject({
      type: 'comment',
      comment: { id: reply.json.comment.id, parentId: second.comment.id, author: { moderator: true } },
    });
    reader.socket.close(1000, 'done');
  });

  it('never tells of a held comment: the next event is the approved one after it', async () => {
    const url = freshPage();
    await post(url);
    const reader = await connect(query(url));
    await reader.nth(0);
    const held = await call({ MODERATION: 'all' }, '/api/v1/comments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
      body: JSON.stringify({ url, body: 'En attente' }),
    });
    expect(held.json.comment.status).toBe('pending');
    const shown = await post(url, 'Publié');
    // The positive marker first: once the approved comment is in, nothing came before it.
    expect(await reader.nth(1)).toMatchObject({ type: 'comment', comment: { id: shown.comment.id } });
    expect(reader.events).toHaveLength(2);
    reader.socket.close(1000, 'done');
  });

  it('tells 200 readers of one thread of one new comment, each once, within 10 seconds', async () => {
    const url = freshPage();
    await post(url);
    const readers = await Promise.all(Array.from({ length: 200 }, () => connect(query(url))));
    await Promise.all(readers.map((reader) => reader.nth(0)));
    const started = Date.now();
    const posted = await post(url, 'Pour tout le monde');
    const heard = await Promise.all(readers.map((reader) => reader.nth(1)));
    const elapsed = Date.now() - started;
    console.info(`live: 200 sockets heard one comment in ${elapsed} ms`);
    expect(elapsed).toBeLessThan(10_000);
    for (const event of heard)
      expect(event).toMatchObject({ type: 'comment', comment: { id: posted.comment.id } });
    // Each exactly once: a second post is the next message of every socket.
    const again = await post(url, 'Encore');
    const next = await Promise.all(readers.map((reader) => reader.nth(2)));
    for (const event of next) expect(event).toMatchObject({ comment: { id: again.comment.id } });
    for (const reader of readers) reader.socket.close(1000, 'done');
    // Opening 200 sockets is the slow part on a loaded machine; the bound under test is `elapsed`.
  }, 60_000);

  it('loses nothing when the object restarts: readers reconnect and the hello counts what they missed', async () => {
    const url = freshPage();
    await post(url);
    const reader = await connect(query(url));
    expect(await reader.nth(0)).toEqual({ type: 'hello', commentCount: 1 });
    const stub = env.LIVE_ROOMS.get(env.LIVE_ROOMS.idFromName(url));
    // The object's state is lost (as on a deploy or an eviction with a crash): its sockets close.
    await runInDurableObject(stub, (_instance, state) => {
      state.abort('test: state lost');
    }).catch(() => undefined);
    await reader.closed;

    // A comment written while nobody was connected: the object heard it, and told no one.
    await post(url, 'Pendant la coupure');
    const back = await connect(query(url));
    // The reconnecting widget compares this with its count and reloads the thread from D1.
    expect(await back.nth(0)).toEqual({ type: 'hello', commentCount: 2 });
    const after = await post(url, 'Après');
    expect(await back.nth(1)).toMatchObject({ type: 'comment', comment: { id: after.comment.id } });
    back.socket.close(1000, 'done');
  });

  it('answers the keep-alive ping without a message of its own', async () => {
    const url = freshPage();
    const reader = await connect(query(url));
    await reader.nth(0);
    reader.socket.send('ping');
    expect(await reader.nth(1)).toBe('pong' as never);
    reader.socket.close(1000, 'done');
  });
});

describe('the runtime setting', () => {
  it('turns live updates off and on from the admin API, without a redeploy', async () => {
    const url = freshPage();
    const off = await admin('PATCH', '/settings', { live: 'off' });
    expect(off.res.status).toBe(200);
    expect(off.json.settings.live).toBe('off');
    expect(off.json.sources.live).toBe('kv');
    const refused = await request(`/api/v1/live?${query(url)}`, {
      headers: { Upgrade: 'websocket', Origin: ORIGIN },
    });
    expect(refused.status).toBe(404);
    expect(((await (await request('/api/v1/config')).json()) as { live: boolean }).live).toBe(false);
    const bad = await admin('PATCH', '/settings', { live: 'maybe' });
    expect(bad.res.status).toBe(422);
    const back = await admin('PATCH', '/settings', { live: null });
    expect(back.json.settings.live).toBe('on');
    const reader = await connect(query(url));
    expect(await reader.nth(0)).toEqual({ type: 'hello', commentCount: 0 });
    reader.socket.close(1000, 'done');
  });
});
