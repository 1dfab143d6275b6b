/**
 * Mastodon replies in the thread (issue 18, item 2), against a real Mastodon-API server on 127.0.0.1
 * (test/support/fake-mastodon.ts) serving statuses shaped like the documented entities: linking by the
 * owner, the import (public and unlisted only, threaded, sanitized, idempotent), edits, deletions, the
 * toot's favourites and boosts in the page's likes, and the moderation modes.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, freshPage } from './helpers.ts';
import {
  adminCall,
  fixtureReplies,
  mastodonVars,
  newId,
  ownerLink,
  readThread,
  refresh,
  reply,
  script,
  scriptToot,
  toot,
  tootUrl,
} from './mastodon-helpers.ts';

const linkedPage = async (replies: (tootId: string) => unknown[], vars = mastodonVars()) => {
  const page = freshPage();
  const tootId = newId();
  await scriptToot(tootId, replies(tootId));
  await ownerLink(page, tootId, vars);
  return { page, tootId };
};

describe('PUT /admin/threads/mastodon', () => {
  it('links a page that has no thread yet, audited, and GET shows the link', async () => {
    const page = freshPage();
    const tootId = newId();
    const { json } = await ownerLink(page, tootId);
    expect(json.mastodon).toMatchObject({
      threadKey: page,
      url: tootUrl(tootId),
      linkedBy: 'owner',
      favourites: 0,
      reblogs: 0,
      fetchedAt: null,
      failures: 0,
    });
    const read = await adminCall('GET', `/threads/mastodon?key=${encodeURIComponent(page)}`);
    expect(read.json.mastodon.url).toBe(tootUrl(tootId));
    const audit = await adminCall('GET', '/audit');
    expect(audit.json.entries[0]).toMatchObject({
      action: 'thread.mastodon',
      threadKey: page,
      detail: { url: tootUrl(tootId) },
    });
  });

  it('accepts the other usual shapes of a status URL', async () => {
    for (const url of [
      'https://social.example/users/alice/statuses/113500000000000001',
      'https://social.example/@alice@other.example/113500000000000001',
      'https://gts.example/@alice/statuses/01HF2XKQ3M4N5P6Q7R8S9T0V1W',
      'https://pleroma.example/notice/AbC123',
    ]) {
      const { res, json } = await adminCall('PUT', '/threads/mastodon', { page: freshPage(), url });
      expect(res.status, url).toBe(200);
      expect(json.mastodon.url).toBe(url);
    }
  });

  it('refuses what is not a public https status URL with 422, naming url', async () => {
    for (const url of [
      'http://social.example/@alice/1',
      'https://127.0.0.1/@alice/1',
      'https://localhost/@alice/1',
      'https://social.example:8443/@alice/1',
      'https://[::1]/@alice/1',
      'https://printer.local/@alice/1',
      'https://social.example/@alice',
      'https://social.example/about',
      'javascript:alert(1)',
      'not a url',
    ]) {
      const { res, json } = await adminCall('PUT', '/threads/mastodon', { page: freshPage(), url });
      expect(res.status, url).toBe(422);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
      expect(json.errors[0].field).toBe('url');
    }
  });

  it('answers 404 for an unknown thread key, and 422 without key or page', async () => {
    const unknown = await adminCall('PUT', '/threads/mastodon', { key: 'no-such-thread', url: tootUrl('1') });
    expect(unknown.res.status).toBe(404);
    const neither = await adminCall('PUT', '/threads/mastodon', { url: tootUrl('1') });
    expect(neither.res.status).toBe(422);
  });

  it('refuses a page of a foreign origin with 403', async () => {
    const { res } = await adminCall('PUT', '/threads/mastodon', {
      page: 'https://elsewhere.example/post',
      url: tootUrl('1'),
    });
    expect(res.status).toBe(403);
  });

  it('needs the admin token', async () => {
    const { res } = await call(mastodonVars(), '/api/v1/admin/threads/mastodon?key=x');
    expect(res.status).toBe(401);
  });
});

describe('the import', () => {
  it('imports public and unlisted replies as comments of kind mastodon, threaded, never the private one', async () => {
    let names: ReturnType<typeof fixtureReplies> | undefined;
    const { page } = await linkedPage((tootId) => {
      names = fixtureReplies(tootId);
      return [names.bob, names.alice, names.carol];
    });
    const { res, json } = await refresh(page);
    expect(res.status).toBe(200);
    expect(json.refresh).toEqual({ ok: true, error: null, added: 2, updated: 0, removed: 0 });
    expect(json.mastodon).toMatchObject({ favourites: 7, reblogs: 4, failures: 0, lastError: null });

    const thread = await readThread(page);
    expect(thread.thread.commentCount).toBe(2);
    const [bob, alice] = thread.comments;
    expect(bob).toMatchObject({
      kind: 'mastodon',
      parentId: null,
      status: 'approved',
      source: { url: names?.bob.url, type: 'reply' },
      author: { name: 'Bob', website: 'https://other.example/@bob', moderator: false, verified: null },
      createdAt: '2026-11-20T09:12:00.000Z',
    });
    expect(bob.html).toContain('Très bon billet, merci !');
    expect(bob.html).toContain('href="https://social.example/@alice"');
    expect(alice).toMatchObject({ kind: 'mastodon', parentId: bob.id, source: { url: names?.alice.url } });
    // The avatar readers get is a generated seed, never the instance's picture.
    expect(JSON.stringify(thread)).not.toContain('avatars');
    expect(JSON.stringify(thread)).not.toContain('Réservé à mes abonnés');
  });

  it('is idempotent: a refetch adds nothing and counts the favourites once', async () => {
    const { page } = await linkedPage((tootId) => {
      const r = fixtureReplies(tootId);
      return [r.bob, r.alice];
    });
    await refresh(page);
    const again = await refresh(page);
    expect(again.json.refresh).toMatchObject({ ok: true, added: 0, updated: 0, removed: 0 });
    const thread = await readThread(page);
    expect(thread.comments).toHaveLength(2);
    expect(thread.thread.likes).toBe(11);
  });

  it('adds the toot’s favourites and boosts to the page likes, and a reader’s like on top', async () => {
    const { page, tootId } = await linkedPage(() => []);
    await refresh(page);
    const reader = 'reader-mastodon-1';
    const like = await call({}, '/api/v1/threads/like', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://blog.example' },
      body: JSON.stringify({ url: page, reader }),
    });
    expect(like.res.status).toBe(200);
    expect(like.json.likes).toBe(12);
    // The toot gains favourites: the page counts the new figure, not the sum of both fetches.
    await scriptToot(tootId, [], { favourites_count: 10, reblogs_count: 5 });
    await refresh(page);
    expect((await readThread(page)).thread.likes).toBe(16);
    // Unlinked: the toot's share leaves, the reader's like stays.
    const unlink = await adminCall('DELETE', `/threads/mastodon?key=${encodeURIComponent(page)}`);
    expect(unlink.res.status).toBe(204);
    expect((await readThread(page)).thread.likes).toBe(1);
  });

  it('updates a reply edited on the instance', async () => {
    const tootId = newId();
    const replyId = newId();
    const page = freshPage();
    await scriptToot(tootId, [reply(replyId, tootId, '<p>Première version</p>')]);
    await ownerLink(page, tootId);
    await refresh(page);
    await scriptToot(tootId, [
      reply(replyId, tootId, '<p>Version corrigée</p>', { edited_at: '2026-11-20T10:00:00.000Z' }),
    ]);
    const { json } = await refresh(page);
    expect(json.refresh).toMatchObject({ ok: true, added: 0, updated: 1 });
    const [comment] = (await readThread(page)).comments;
    expect(comment.html).toContain('Version corrigée');
    expect(comment.html).not.toContain('Première');
    expect(comment.editedAt).toBe('2026-11-20T10:00:00.000Z');
  });

  it('removes a reply the instance says is gone (410), and keeps one merely missing from the context', async () => {
    const tootId = newId();
    const [goneId, keptId] = [newId(), newId()];
    const page = freshPage();
    await scriptToot(tootId, [
      reply(goneId, tootId, '<p>Je vais disparaître</p>'),
      reply(keptId, tootId, '<p>Je reste</p>'),
    ]);
    await ownerLink(page, tootId);
    await refresh(page);
    expect((await readThread(page)).thread.commentCount).toBe(2);
    // Both leave the context; only one is gone on the instance, the other still answers (a context past
    // its unauthenticated limit leaves replies out).
    await scriptToot(tootId, []);
    await script(goneId, { statusBehaviour: '410' });
    await script(keptId, { status: reply(keptId, tootId, '<p>Je reste</p>') });
    const { json } = await refresh(page);
    expect(json.refresh).toMatchObject({ ok: true, removed: 1 });
    const thread = await readThread(page);
    expect(thread.thread.commentCount).toBe(1);
    expect(thread.comments[0].html).toContain('Je reste');
  });

  it('never imports again a reply the owner erased', async () => {
    const tootId = newId();
    const page = freshPage();
    const unwanted = reply(newId(), tootId, '<p>Je ne reviendrai pas</p>');
    await scriptToot(tootId, [unwanted]);
    await ownerLink(page, tootId);
    await refresh(page);
    const [comment] = (await readThread(page)).comments;
    const erased = await adminCall('DELETE', `/comments/${comment.id}`);
    expect(erased.res.status).toBe(204);
    // Still in the toot's context: the next fetch skips it, and adds the new reply beside it.
    await scriptToot(tootId, [unwanted, reply(newId(), tootId, '<p>Nouvelle</p>')]);
    const { json } = await refresh(page);
    expect(json.refresh).toMatchObject({ ok: true, added: 1, removed: 0 });
    const thread = await readThread(page);
    expect(thread.comments.map((c: { html: string }) => c.html)).toEqual([
      expect.stringContaining('Nouvelle'),
    ]);
  });

  it('a thread merged into another takes its imported replies along; its own link goes with it', async () => {
    const { page } = await linkedPage((tootId) => [fixtureReplies(tootId).bob]);
    await refresh(page);
    const target = freshPage();
    await call({}, '/api/v1/comments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://blog.example' },
      body: JSON.stringify({ url: target, body: 'Déjà là' }),
    });
    const merged = await adminCall('PATCH', '/threads', { key: page, url: target });
    expect(merged.res.status).toBe(200);
    expect(merged.json.merged).toBe(true);
    const thread = await readThread(target);
    expect(thread.comments.map((c: { kind: string }) => c.kind).sort()).toEqual(['comment', 'mastodon']);
    // The merged-away thread's toot counted in its own likes, not in the thread it joined.
    expect(thread.thread.likes).toBe(0);
    const link = await adminCall('GET', `/threads/mastodon?key=${encodeURIComponent(page)}`);
    expect(link.json.mastodon).toBeNull();
  });

  it('sanitizes hostile content: no script, no handler, no style survives', async () => {
    const tootId = newId();
    const page = freshPage();
    const hostile =
      '<p>Salut<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">clic</a>' +
      '<style>body{display:none}</style><iframe src="https://evil.example"></iframe><b onclick="x()">gras</b></p>';
    await scriptToot(tootId, [
      reply(newId(), tootId, hostile, {
        account: {
          ...toot(tootId).account,
          display_name: '<img src=x onerror=alert(4)>Mallory',
          url: 'https://other.example/@mallory',
          acct: 'mallory@other.example',
        },
      }),
    ]);
    await ownerLink(page, tootId);
    await refresh(page);
    const [comment] = (await readThread(page)).comments;
    expect(comment.html).toContain('Salut');
    expect(comment.html).toContain('gras');
    for (const bad of ['<script', 'onerror', 'javascript:', '<style', '<iframe', 'onclick', '<img']) {
      expect(comment.html).not.toContain(bad);
    }
    // The name is text: the widget renders it as such (never as HTML).
    expect(comment.author.name).toBe('<img src=x onerror=alert(4)>Mallory');
  });

  it('holds every reply when the owner moderates all comments', async () => {
    const { page } = await linkedPage(
      (tootId) => [reply(newId(), tootId, '<p>À valider</p>')],
      mastodonVars({ MODERATION: 'all' }),
    );
    await refresh(page, mastodonVars({ MODERATION: 'all' }));
    expect((await readThread(page)).comments).toEqual([]);
    const queue = await adminCall('GET', `/comments?status=pending&url=${encodeURIComponent(page)}`);
    expect(queue.json.comments).toHaveLength(1);
    expect(queue.json.comments[0].spam.reasons.at(-1)).toMatchObject({
      check: 'moderation',
      verdict: 'hold',
    });
  });

  it('sends replies through the spam pipeline (the blocklist holds one)', async () => {
    const vars = mastodonVars({ BLOCKLIST: 'casino' });
    const { page } = await linkedPage(
      (tootId) => [
        reply(newId(), tootId, '<p>Bonjour</p>'),
        reply(newId(), tootId, '<p>Best casino bonus</p>'),
      ],
      vars,
    );
    await refresh(page, vars);
    const thread = await readThread(page);
    expect(thread.comments).toHaveLength(1);
    expect(thread.comments[0].html).toContain('Bonjour');
  });

  it('trusts an account in first-time mode once one of its replies was approved', async () => {
    const vars = mastodonVars({ MODERATION: 'first-time' });
    const account = {
      ...toot('1').account,
      acct: `dave${newId()}@other.example`,
      url: `https://other.example/@dave${newId()}`,
    };
    const tootId = newId();
    const page = freshPage();
    const first = reply(newId(), tootId, '<p>Premier</p>', { account });
    await scriptToot(tootId, [first]);
    await ownerLink(page, tootId, vars);
    await refresh(page, vars);
    const queue = await adminCall(
      'GET',
      `/comments?status=pending&url=${encodeURIComponent(page)}`,
      undefined,
      vars,
    );
    expect(queue.json.comments).toHaveLength(1);
    await adminCall('PATCH', `/comments/${queue.json.comments[0].id}`, { status: 'approved' }, vars);
    await scriptToot(tootId, [first, reply(newId(), tootId, '<p>Second</p>', { account })]);
    await refresh(page, vars);
    expect((await readThread(page)).comments).toHaveLength(2);
  });

  it('unlinking keeps the imported replies; the DB keeps the avatar URL for the owner only', async () => {
    const { page } = await linkedPage((tootId) => [fixtureReplies(tootId).bob]);
    await refresh(page);
    await adminCall('DELETE', `/threads/mastodon?key=${encodeURIComponent(page)}`);
    expect((await readThread(page)).comments).toHaveLength(1);
    const row = await env.DB.prepare(
      `SELECT m.avatar_url, m.acct FROM mastodon_statuses m JOIN comments c ON c.id = m.comment_id
       JOIN threads t ON t.id = c.thread_id WHERE t.key = ?1`,
    )
      .bind(page)
      .first<{ avatar_url: string; acct: string }>();
    expect(row).toEqual({ avatar_url: 'https://other.example/avatars/bob.png', acct: 'bob@other.example' });
  });
});
