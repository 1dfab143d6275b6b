// POST /webmention end to end inside workerd: a real source site on 127.0.0.1 (test/support/
// webmention-source.ts) serving pages shaped after WordPress, Hugo, Bridgy and Known, and hostile ones.
// Verification runs in waitUntil (`call` waits for it) and from the Cron Trigger's job.
import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, inject, it } from 'vitest';
import { readSettings } from '../../worker/env.ts';
import worker from '../../worker/index.ts';
import { receiveWebmention } from '../../worker/services/webmention/receive.ts';
import { runDueWebmentions } from '../../worker/services/webmention/run-due.ts';
import { verifyWebmention } from '../../worker/services/webmention/verify.ts';
import { call, freshPage, getThread, request } from './helpers.ts';

const source = (): string => inject('webmentionSource');
const ON = { WEBMENTION: 'on', WEBMENTION_ALLOW_PRIVATE: 'true' } as Partial<Cloudflare.Env>;

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

/** Sends a Webmention with these bindings and waits for its first verification attempt. */
const send = (src: string, target: string, bindings: Partial<Cloudflare.Env> = ON) =>
  call(bindings, '/api/v1/webmention', form({ source: src, target }));

const status = async (id: string) => (await call(ON, `/api/v1/webmention/${id}`)).json;

const page = (name: string, target: string) =>
  `${source()}/page/${name}?target=${encodeURIComponent(target)}`;

const setSource = async (key: string, value: { status?: number; body?: string; contentType?: string }) => {
  const res = await fetch(`${source()}/__set/${key}`, { method: 'POST', body: JSON.stringify(value) });
  expect(res.status).toBe(204);
  return `${source()}/dyn/${key}`;
};

const hits = async (path: string) => Number(await (await fetch(`${source()}/__hits?path=${path}`)).text());

const threadOf = async (target: string) => (await getThread(`url=${encodeURIComponent(target)}`)).json;

const settingsOn = () => ({ ...readSettings({ ...env, ...ON } as Cloudflare.Env) });

describe('POST /api/v1/webmention: the request', () => {
  it('is not there while WEBMENTION is off (the default)', async () => {
    const { res, json } = await call(
      {},
      '/api/v1/webmention',
      form({ source: 'https://a.example/', target: freshPage() }),
    );
    expect(res.status).toBe(404);
    expect(json.code).toBe('not_found');
    expect((await request('/api/v1/webmention/abc')).status).toBe(404);
  });

  it('answers 202 with a Location to its status, pending until verified', async () => {
    const target = freshPage();
    // Port 1 of the loopback: nothing listens there.
    const { res, json } = await send('http://127.0.0.1:1/re', target);
    expect(res.status).toBe(202);
    expect(res.headers.get('Location')).toBe(`https://comments.example/api/v1/webmention/${json.id}`);
    expect(json).toMatchObject({ source: 'http://127.0.0.1:1/re', target, status: 'pending', attempts: 0 });
    // The first attempt ran (connection refused): recorded, and left for the Cron Trigger with its backoff.
    const after = await status(json.id);
    expect(after).toMatchObject({ status: 'pending', reason: 'source_unreachable', attempts: 1 });
    expect(Date.parse(after.nextAttemptAt)).toBeGreaterThan(Date.now());
  });

  it.each([
    [{ target: 'https://blog.example/p' }, 'source'],
    [
      { source: 'ftp://a.example/x', target: 'https://blog.example/p' },
      'source must be an absolute http(s) URL',
    ],
    [{ source: 'https://blog.example/p', target: 'https://blog.example/p' }, 'must be different'],
    [{ source: 'https://a.example/x', target: 'https://elsewhere.example/p' }, 'not a page of this site'],
    [{ source: 'https://a.example/x', target: 'not a url' }, 'target must be'],
  ])('answers 400 problem+json to %j', async (fields, detail) => {
    const { res, json } = await call(ON, '/api/v1/webmention', form(fields as Record<string, string>));
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(json.code).toBe('bad_request');
    expect(json.detail).toContain(detail);
  });

  it('refuses a loopback source without the test override (the SSRF guard), before fetching anything', async () => {
    const before = await hits('/page/wordpress-reply');
    const off = { WEBMENTION: 'on' } as Partial<Cloudflare.Env>;
    const { res, json } = await send(page('wordpress-reply', freshPage()), freshPage(), off);
    expect(res.status).toBe(400);
    expect(json.detail).toBe('source may not be fetched: a private IPv4 address');
    expect(await hits('/page/wordpress-reply')).toBe(before);
  });

  it('answers 415 to a JSON body and 413 to a large one', async () => {
    const json = await call(ON, '/api/v1/webmention', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ source: 'https://a.example/', target: freshPage() }),
    });
    expect(json.res.status).toBe(415);
    const big = await call(
      ON,
      '/api/v1/webmention',
      form({ source: `https://a.example/${'x'.repeat(20_000)}`, target: freshPage() }),
    );
    expect(big.res.status).toBe(413);
  });

  it('answers 429 with Retry-After to a sender past 30 Webmentions in 10 minutes, and records nothing past them', async () => {
    const target = freshPage();
    const from = (ip: string, n: number) =>
      call(ON, '/api/v1/webmention', {
        ...form({ source: `http://127.0.0.1:1/flood-${n}`, target }),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'CF-Connecting-IP': ip },
      });
    // The flood's sources never answer: they are removed after, so that the Cron Trigger tests below do
    // not find 31 attempts due ahead of theirs.
    const flood = () =>
      env.DB.prepare(
        "SELECT COUNT(*) AS n FROM webmentions WHERE source LIKE 'http://127.0.0.1:1/flood-%'",
      ).first<{
        n: number;
      }>();
    try {
      for (let n = 0; n < 30; n++) expect((await from('198.51.100.30', n)).res.status).toBe(202);
      const refused = await from('198.51.100.30', 30);
      expect(refused.res.status).toBe(429);
      expect(refused.json.code).toBe('rate_limited');
      expect(Number(refused.res.headers.get('Retry-After'))).toBeGreaterThan(0);
      expect((await flood())?.n).toBe(30);
      // Another sender keeps its own budget.
      expect((await from('198.51.100.31', 31)).res.status).toBe(202);
    } finally {
      await env.DB.prepare("DELETE FROM webmentions WHERE source LIKE 'http://127.0.0.1:1/flood-%'").run();
    }
  });

  it('answers 404 for an unknown status id', async () => {
    const { res, json } = await call(ON, '/api/v1/webmention/nope');
    expect(res.status).toBe(404);
    expect(json.code).toBe('not_found');
  });
});

describe('verification: real-world pages', () => {
  it('stores a WordPress reply as a comment of kind webmention, author and text from its h-entry', async () => {
    const target = freshPage();
    const src = page('wordpress-reply', target);
    const { json } = await send(src, target);
    const after = await status(json.id);
    expect(after).toMatchObject({ status: 'accepted', reason: null, attempts: 1 });
    const thread = await threadOf(target);
    expect(thread.thread.commentCount).toBe(1);
    const [comment] = thread.comments;
    expect(comment).toMatchObject({
      id: after.commentId,
      kind: 'webmention',
      source: { url: src, type: 'reply' },
      author: {
        name: 'Alice Martin',
        website: 'https://alice.example/author/alice/',
        moderator: false,
        verified: null,
      },
      createdAt: '2026-11-20T10:15:00.000Z',
    });
    expect(comment.html).toContain('<strong>really</strong>');
    expect(comment.html).toContain('rel="nofollow ugc noopener"');
    // The author's Gravatar is not shown: a generated avatar, seeded per author.
    expect(comment.author.avatar).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(comment)).not.toContain('gravatar');
  });

  it('purges the cached pages of the thread it changed, and only once it changed it', async () => {
    const target = freshPage();
    const purges: CachePurgeOptions[] = [];
    const url = '/api/v1/webmention';
    await call(
      ON,
      url,
      form({ source: page('no-link', target), target }),
      'https://comments.example',
      purges,
    );
    expect(purges).toEqual([]);
    await call(
      ON,
      url,
      form({ source: page('wordpress-reply', target), target }),
      'https://comments.example',
      purges,
    );
    expect(purges).toHaveLength(1);
    expect(purges[0]?.tags?.length).toBe(2);
  });

  it('reads a Hugo reply (a reply context as h-cite, a French text)', async () => {
    const target = freshPage();
    const { json } = await send(page('hugo-reply', target), target);
    expect((await status(json.id)).status).toBe('accepted');
    const [comment] = (await threadOf(target)).comments;
    expect(comment.author.name).toBe('Bruno Dupont');
    expect(comment.source.type).toBe('reply');
    expect(comment.html).toContain('<em>aussi</em>');
    expect(comment.html).toContain('<li>premier point</li>');
  });

  it('stores a Bridgy like and a Known repost as faces that do not count as comments', async () => {
    const target = freshPage();
    await send(page('wordpress-reply', target), target);
    const like = await send(page('bridgy-like', target), target);
    const repost = await send(page('known-repost', target), target);
    expect((await status(like.json.id)).status).toBe('accepted');
    expect((await status(repost.json.id)).status).toBe('accepted');
    const thread = await threadOf(target);
    expect(thread.thread.commentCount).toBe(1);
    const byType = Object.fromEntries(thread.comments.map((c: any) => [c.source.type, c]));
    expect(byType.like).toMatchObject({
      kind: 'webmention',
      html: '',
      author: { name: 'Carol ✨', website: 'https://mastodon.example/@carol' },
    });
    expect(byType.repost.author.name).toBe('Dana Okafor');
  });

  it('keeps the count right when the owner approves or deletes a held like', async () => {
    const target = freshPage();
    const mode = { ...ON, MODERATION: 'all' } as Partial<Cloudflare.Env>;
    const like = await send(page('bridgy-like', target), target, mode);
    const { commentId } = await status(like.json.id);
    const patch = (s: string) =>
      call({}, `/api/v1/admin/comments/${commentId}`, {
        method: 'PATCH',
        headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' },
        body: JSON.stringify({ status: s }),
      });
    expect((await patch('approved')).res.status).toBe(200);
    let thread = await threadOf(target);
    expect(thread.comments).toHaveLength(1);
    expect(thread.thread.commentCount).toBe(0);
    expect((await patch('deleted')).res.status).toBe(200);
    thread = await threadOf(target);
    expect(thread.comments).toHaveLength(0);
    expect(thread.thread.commentCount).toBe(0);
  });

  it('picks the entry that is the page itself on an h-feed, and takes a plain mention too', async () => {
    const target = freshPage();
    const feed = await send(page('feed', target), target);
    const plain = await send(page('plain-mention', target), target);
    expect((await status(feed.json.id)).status).toBe('accepted');
    expect((await status(plain.json.id)).status).toBe('accepted');
    const comments = (await threadOf(target)).comments;
    expect(comments.map((c: any) => c.author.name)).toEqual(['Frank', '127.0.0.1']);
    expect(comments[0].html).toContain('The entry that');
    expect(comments[1].html).toContain('Links of the week');
  });

  it('goes through the moderation mode and the spam pipeline like a comment', async () => {
    const target = freshPage();
    const held = { ...ON, MODERATION: 'all' } as Partial<Cloudflare.Env>;
    const { json } = await send(page('wordpress-reply', target), target, held);
    // Accepted as a mention; the comment waits for the owner and no reader sees it.
    expect((await status(json.id)).status).toBe('accepted');
    expect((await threadOf(target)).comments).toHaveLength(0);
    const other = freshPage();
    const blocked = { ...ON, BLOCKLIST: 'webmentions' } as Partial<Cloudflare.Env>;
    await send(page('wordpress-reply', other), other, blocked);
    expect((await threadOf(other)).comments).toHaveLength(0);
    const queue = await call({}, '/api/v1/admin/comments?status=pending', {
      headers: { Authorization: 'Bearer test-admin-token' },
    });
    expect(queue.res.status).toBe(200);
    const mine = queue.json.comments.find((c: any) => c.thread.key === other);
    expect(mine).toMatchObject({ kind: 'webmention', status: 'pending' });
    expect(mine.spam.reasons[0]).toMatchObject({ check: 'rules', verdict: 'hold' });
    expect(mine.spam.reasons[0].detail).toContain('webmentions');
  });
});

describe('verification: updates and deletions', () => {
  it('updates the comment when the same source is sent again, and deletes it on 410 Gone', async () => {
    const target = freshPage();
    const key = `upd-${Date.now()}`;
    const entry = (text: string) =>
      `<div class="h-entry"><span class="p-author h-card">Gus</span><div class="e-content">${text} <a class="u-in-reply-to" href="${target}">re</a></div></div>`;
    const src = await setSource(key, { body: entry('First version.') });
    const first = await send(src, target);
    const { commentId } = await status(first.json.id);
    expect((await threadOf(target)).comments[0].html).toContain('First version.');

    await setSource(key, { body: entry('Second version.') });
    const again = await send(src, target);
    expect(again.json.id).toBe(first.json.id);
    const updated = await status(again.json.id);
    expect(updated).toMatchObject({ status: 'accepted', commentId });
    const [comment] = (await threadOf(target)).comments;
    expect(comment.id).toBe(commentId);
    expect(comment.html).toContain('Second version.');
    expect(comment.editedAt).not.toBeNull();

    await setSource(key, { status: 410, body: 'gone' });
    await send(src, target);
    expect(await status(first.json.id)).toMatchObject({
      status: 'rejected',
      reason: 'source_gone',
      commentId,
    });
    const thread = await threadOf(target);
    expect(thread.comments).toHaveLength(0);
    expect(thread.thread.commentCount).toBe(0);

    // Back, and linking again: the same comment returns.
    await setSource(key, { body: entry('Third version.') });
    await send(src, target);
    expect((await threadOf(target)).comments[0]).toMatchObject({ id: commentId });
  });

  it('deletes the mention when the source no longer links to the target', async () => {
    const target = freshPage();
    const key = `unlink-${Date.now()}`;
    const src = await setSource(key, { body: `<p class="h-entry"><a href="${target}">link</a></p>` });
    await send(src, target);
    expect((await threadOf(target)).comments).toHaveLength(1);
    await setSource(key, { body: '<p class="h-entry">link removed</p>' });
    const { json } = await send(src, target);
    expect(await status(json.id)).toMatchObject({ status: 'rejected', reason: 'no_link' });
    expect((await threadOf(target)).comments).toHaveLength(0);
  });
});

describe('verification: hostile sources', () => {
  it('stores a page full of scripts as text only: nothing executable reaches the thread', async () => {
    const target = freshPage();
    const { json } = await send(page('hostile-script', target), target);
    expect((await status(json.id)).status).toBe('accepted');
    const [comment] = (await threadOf(target)).comments;
    expect(comment.html).toContain('Hello');
    expect(comment.html).toContain('&lt;script&gt;escaped&lt;/script&gt;');
    for (const bad of [
      '<script',
      'onerror',
      'onclick',
      'javascript:',
      '<iframe',
      '<style',
      'style=',
      '<img',
    ]) {
      expect(comment.html).not.toContain(bad);
    }
    expect(comment.author.website).toBe(new URL(page('hostile-script', target)).origin);
    expect(comment.author.name).not.toContain('<');
  });

  it('parses invalid HTML without failing', async () => {
    const target = freshPage();
    const { json } = await send(page('invalid', target), target);
    expect((await status(json.id)).status).toBe('accepted');
    expect((await threadOf(target)).comments[0].html).toContain('unclosed');
  });

  it('rejects a page that does not link to the target (a link in a comment or a script is none)', async () => {
    const target = freshPage();
    const { json } = await send(page('no-link', target), target);
    expect(await status(json.id)).toMatchObject({
      status: 'rejected',
      reason: 'no_link',
      nextAttemptAt: null,
    });
    expect((await threadOf(target)).comments).toHaveLength(0);
  });

  it('reads a huge page only up to 1 MiB: a link before that counts, one after it does not', async () => {
    const target = freshPage();
    const early = await send(`${source()}/huge?link=start&target=${encodeURIComponent(target)}`, target);
    expect((await status(early.json.id)).status).toBe('accepted');
    const late = freshPage();
    const cut = await send(`${source()}/huge?link=end&target=${encodeURIComponent(late)}`, late);
    expect(await status(cut.json.id)).toMatchObject({ status: 'rejected', reason: 'no_link' });
    // The shown text is cut too.
    expect([...(await threadOf(target)).comments[0].html].length).toBeLessThan(3000);
  }, 30_000);

  it('refuses redirects to local addresses, even with the test override (only 127.0.0.1 is let through)', async () => {
    for (const to of [
      'http://localhost:1/x',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/',
      'http://10.0.0.1/',
    ]) {
      const target = freshPage();
      const { json } = await send(`${source()}/redirect?to=${encodeURIComponent(to)}`, target);
      expect(await status(json.id)).toMatchObject({ status: 'rejected', reason: 'blocked_address' });
    }
  });

  it('follows at most 5 redirects', async () => {
    const target = freshPage();
    const five = await send(`${source()}/chain/5?target=${encodeURIComponent(target)}`, target);
    expect((await status(five.json.id)).status).toBe('accepted');
    const six = await send(`${source()}/chain/6?target=${encodeURIComponent(target)}`, target);
    expect(await status(six.json.id)).toMatchObject({ status: 'rejected', reason: 'too_many_redirects' });
  });

  it('rejects a 404 at once and keeps a 500 for the Cron Trigger', async () => {
    const target = freshPage();
    const missing = await send(`${source()}/status/404?target=${encodeURIComponent(target)}`, target);
    expect(await status(missing.json.id)).toMatchObject({ status: 'rejected', reason: 'source_refused' });
    const failing = await send(`${source()}/status/503?target=${encodeURIComponent(target)}`, target);
    expect(await status(failing.json.id)).toMatchObject({
      status: 'pending',
      reason: 'source_error',
      attempts: 1,
    });
  });
});

describe('retries', () => {
  it('gives up on a source that never answers after five attempts with backoff; nothing hangs', async () => {
    const settings = settingsOn();
    const deps = (now: Date) => ({ db: env.DB, settings, now, fetcher: fetch, timeoutMs: 200 });
    const started = Date.now();
    // No headers ever, and headers with a first chunk and then nothing: both end at the deadline.
    for (const path of ['/slow', '/slow-body']) {
      const target = freshPage();
      // Recorded through the service: the route's own first attempt would wait its full 10 s deadline.
      const recorded = await receiveWebmention(
        { db: env.DB, settings, now: new Date(), ownOrigin: 'https://comments.example' },
        { source: `${source()}${path}?target=${encodeURIComponent(target)}`, target },
      );
      expect(recorded.status).toBe('pending');
      let now = new Date();
      expect(await verifyWebmention(deps(now), recorded.id)).toBe('pending');
      let current = await status(recorded.id);
      expect(current).toMatchObject({ status: 'pending', reason: 'timeout', attempts: 1 });
      // Not due yet: another attempt now does nothing.
      expect(await verifyWebmention(deps(now), recorded.id)).toBeNull();
      expect((await status(recorded.id)).attempts).toBe(1);
      for (let attempt = 2; attempt <= 5; attempt++) {
        now = new Date(Date.parse(current.nextAttemptAt) + 1000);
        expect(await runDueWebmentions(deps(now))).toBeGreaterThanOrEqual(1);
        current = await status(recorded.id);
        expect(current.attempts).toBe(attempt);
      }
      expect(current).toMatchObject({ status: 'rejected', reason: 'timeout', nextAttemptAt: null });
    }
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it('retries a failing source from the Cron Trigger until it works', async () => {
    const target = freshPage();
    const key = `retry-${Date.now()}`;
    const src = await setSource(key, { status: 500, body: 'oops' });
    const { json } = await send(src, target);
    const pending = await status(json.id);
    expect(pending).toMatchObject({ status: 'pending', reason: 'source_error' });
    await setSource(key, {
      body: `<article class="h-entry"><a class="u-in-reply-to" href="${target}">re</a><p class="e-content">Fixed.</p></article>`,
    });
    // The scheduled handler itself, at a time the retry is due.
    const due = Date.parse(pending.nextAttemptAt) + 1000;
    const controller = createScheduledController({ scheduledTime: due, cron: '*/5 * * * *' });
    const ctx = createExecutionContext();
    await worker.scheduled?.(controller, { ...env, ...ON } as Cloudflare.Env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await status(json.id)).toMatchObject({ status: 'accepted', attempts: 2 });
    expect((await threadOf(target)).comments[0].html).toContain('Fixed.');
  });

  it('takes the owner’s moderation mode from KV in the Cron Trigger too, as a request would', async () => {
    const target = freshPage();
    const key = `kv-${Date.now()}`;
    const src = await setSource(key, { status: 503, body: 'later' });
    const { json } = await send(src, target);
    const pending = await status(json.id);
    await setSource(key, {
      body: `<p class="h-entry"><a class="u-in-reply-to" href="${target}">re</a> held?</p>`,
    });
    await env.KV.put('settings:v1', JSON.stringify({ moderation: 'all' }));
    try {
      const due = Date.parse(pending.nextAttemptAt) + 1000;
      const ctx = createExecutionContext();
      const controller = createScheduledController({ scheduledTime: due, cron: '*/5 * * * *' });
      await worker.scheduled?.(controller, { ...env, ...ON } as Cloudflare.Env, ctx);
      await waitOnExecutionContext(ctx);
    } finally {
      await env.KV.delete('settings:v1');
    }
    expect(await status(json.id)).toMatchObject({ status: 'accepted' });
    // Accepted and stored, but held by the owner's mode: no reader sees it.
    expect((await threadOf(target)).comments).toHaveLength(0);
  });
});
