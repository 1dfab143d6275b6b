/**
 * The open web's writes reach live readers (issues 17 × 18): replies imported from Mastodon (the owner's
 * "fetch now" and the Cron Trigger) and Webmentions verified by a retry of the Cron Trigger are told to the
 * thread's Durable Object like a reader's post, and a retry purges the thread's cached pages as the route
 * does. Real fake services on 127.0.0.1 (a Mastodon API, a Webmention source), the real local room.
 */
import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, inject, it } from 'vitest';
import worker from '../../worker/index.ts';
import { call, freshPage } from './helpers.ts';
import { connect } from './live-reader.ts';
import {
  mastodonVars,
  newId,
  ownerLink,
  refresh,
  reply,
  runCron,
  script,
  scriptToot,
} from './mastodon-helpers.ts';

const query = (url: string) => `url=${encodeURIComponent(url)}`;

describe('Mastodon replies, live', () => {
  it('the owner’s fetch tells live readers of each imported reply, then of its removal', async () => {
    const tootId = newId();
    const [first, second] = [newId(), newId()];
    const page = freshPage();
    await scriptToot(tootId, [
      reply(first, tootId, '<p>Premier</p>'),
      reply(second, tootId, '<p>Second</p>'),
    ]);
    await ownerLink(page, tootId);
    const reader = await connect(query(page));
    expect(await reader.nth(0)).toMatchObject({ type: 'hello', commentCount: 0 });

    const { json } = await refresh(page);
    expect(json.refresh).toMatchObject({ ok: true, added: 2 });
    const heard = [await reader.nth(1), await reader.nth(2)];
    expect(heard.map((event) => event.type)).toEqual(['comment', 'comment']);
    const comments = heard.map((event) => (event.type === 'comment' ? event.comment : null));
    expect(comments.map((comment) => comment?.kind)).toEqual(['mastodon', 'mastodon']);
    expect(comments.map((comment) => comment?.html).join(' ')).toContain('Premier');

    // Gone on the instance (410): the next fetch removes it, and readers hear that it went.
    await scriptToot(tootId, [reply(second, tootId, '<p>Second</p>')]);
    await script(first, { statusBehaviour: '410' });
    expect((await refresh(page)).json.refresh).toMatchObject({ ok: true, removed: 1 });
    const gone = comments.find((comment) => comment?.html.includes('Premier'));
    expect(await reader.nth(3)).toEqual({ type: 'remove', id: gone?.id });
    reader.socket.close();
  });

  it('a fetch that changes nothing tells nothing (a post after it is the next event)', async () => {
    const tootId = newId();
    const page = freshPage();
    await scriptToot(tootId, [reply(newId(), tootId, '<p>Une fois</p>')]);
    await ownerLink(page, tootId);
    await refresh(page);
    const reader = await connect(query(page));
    expect(await reader.nth(0)).toMatchObject({ type: 'hello', commentCount: 1 });
    expect((await refresh(page)).json.refresh).toMatchObject({ ok: true, added: 0, updated: 0, removed: 0 });
    // The positive marker: a reader's post, heard right after the hello.
    const posted = await call({}, '/api/v1/comments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: new URL(page).origin },
      body: JSON.stringify({ url: page, body: 'Après le fetch' }),
    });
    expect(posted.res.status).toBe(201);
    const next = await reader.nth(1);
    expect(next).toMatchObject({ type: 'comment', comment: { id: posted.json.comment.id } });
    reader.socket.close();
  });

  it('the Cron Trigger’s fetch tells live readers too', async () => {
    const tootId = newId();
    const page = freshPage();
    await scriptToot(tootId, [reply(newId(), tootId, '<p>Par le cron</p>')]);
    await ownerLink(page, tootId);
    const reader = await connect(query(page));
    expect(await reader.nth(0)).toMatchObject({ type: 'hello', commentCount: 0 });
    await runCron(mastodonVars({ MASTODON_FETCH_PER_RUN: '10' }), new Date(Date.now() + 1000));
    const event = await reader.nth(1);
    expect(event).toMatchObject({ type: 'comment', comment: { kind: 'mastodon' } });
    expect(event.type === 'comment' && event.comment.html).toContain('Par le cron');
    reader.socket.close();
  });
});

const source = (): string => inject('webmentionSource');
const ON = { WEBMENTION: 'on', WEBMENTION_ALLOW_PRIVATE: 'true' } as Partial<Cloudflare.Env>;

const setSource = async (key: string, value: { status?: number; body?: string }) => {
  const res = await fetch(`${source()}/__set/${key}`, { method: 'POST', body: JSON.stringify(value) });
  expect(res.status).toBe(204);
  return `${source()}/dyn/${key}`;
};

describe('Webmentions verified by the Cron Trigger', () => {
  it('purge the thread’s cached pages and tell its live readers, as the route does', async () => {
    const target = freshPage();
    const key = `live-retry-${Date.now()}`;
    const src = await setSource(key, { status: 503, body: 'plus tard' });
    const sent = await call(ON, '/api/v1/webmention', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ source: src, target }).toString(),
    });
    expect(sent.res.status).toBe(202);
    const pending = (await call(ON, `/api/v1/webmention/${sent.json.id}`)).json;
    expect(pending).toMatchObject({ status: 'pending' });
    await setSource(key, {
      body: `<article class="h-entry"><a class="u-in-reply-to" href="${target}">re</a><p class="e-content">Réparé.</p></article>`,
    });
    const reader = await connect(query(target));
    expect(await reader.nth(0)).toMatchObject({ type: 'hello', commentCount: 0 });

    const purges: CachePurgeOptions[] = [];
    const ctx = createExecutionContext();
    Object.defineProperty(ctx, 'cache', {
      value: {
        purge: async (options: CachePurgeOptions): Promise<CachePurgeResult> => {
          purges.push(options);
          return { success: true, errors: [] };
        },
      },
    });
    const due = Date.parse(pending.nextAttemptAt) + 1000;
    const controller = createScheduledController({ scheduledTime: due, cron: '*/5 * * * *' });
    // No Mastodon fetch in this run (this file's links may be due): the webmention job's purge alone.
    const vars = { ...env, ...ON, MASTODON_FETCH_PER_RUN: '0' } as Cloudflare.Env;
    await worker.scheduled?.(controller, vars, ctx);
    await waitOnExecutionContext(ctx);

    expect((await call(ON, `/api/v1/webmention/${sent.json.id}`)).json).toMatchObject({ status: 'accepted' });
    const event = await reader.nth(1);
    expect(event).toMatchObject({ type: 'comment', comment: { kind: 'webmention' } });
    expect(event.type === 'comment' && event.comment.html).toContain('Réparé.');
    // The thread's tag and the site's, in one call (services/pages/edge-cache.ts purgeThreads).
    expect(purges).toHaveLength(1);
    expect(purges[0]?.tags).toHaveLength(2);
    reader.socket.close();
  });
});
