/**
 * The private learning filter's model (issue 14, item 4): trained by the owner's decisions through the
 * admin API (approve = ham, spam = spam) and by imported flags, never counting a comment twice, neutral
 * until it has seen enough of each class; and the owner's figures (GET /admin/spam).
 * Storage is per test file: the tests below share one model and run in order.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../worker/env.ts';
import { postComment as postDirect } from '../../worker/services/posting/post-comment.ts';
import { admin, freshPage, postJson, request, setStatus } from './helpers.ts';

const post = async (body: string, extra: Record<string, unknown> = {}) => {
  const res = await postJson('/api/v1/comments', { url: freshPage(), body, ...extra });
  expect(res.status).toBe(201);
  return ((await res.json()) as { comment: { id: string; status: string } }).comment;
};

const decisions = async (): Promise<{ ham: number; spam: number }> =>
  (await admin('GET', '/spam?days=1')).json.filter.decisions;

const tokenCounts = (token: string) =>
  env.DB.prepare('SELECT spam, ham FROM spam_tokens WHERE token = ?1')
    .bind(token)
    .first<{ spam: number; ham: number }>();

const reasonOf = async (id: string, check: string) => {
  const { json } = await admin('GET', '/comments?status=all&limit=200');
  const comment = json.comments.find((c: { id: string }) => c.id === id);
  return comment.spam.reasons.find((r: { check: string }) => r.check === check);
};

describe('training on decisions', () => {
  it('starts neutral: no decisions, the filter passes and says how far it is', async () => {
    expect(await decisions()).toEqual({ ham: 0, spam: 0 });
    expect((await admin('PATCH', '/settings', { moderation: 'all' })).res.status).toBe(200);
    const comment = await post('Premier commentaire du blog.');
    expect(comment.status).toBe('pending');
    expect(await reasonOf(comment.id, 'filter')).toEqual({
      check: 'filter',
      verdict: 'pass',
      detail: 'learning, 0/30 decisions (ham 0/15, spam 0/15)',
    });
    const figures = (await admin('GET', '/spam?days=1')).json;
    expect(figures.filter).toMatchObject({ enabled: true, state: 'learning', needed: 15, threshold: 0.9 });
  });

  it('moves a re-decided comment from one class to the other, never counting it twice', async () => {
    const comment = await post('Zyxwquatre est un mot rare.');
    await setStatus(comment.id, 'approved');
    expect(await decisions()).toEqual({ ham: 1, spam: 0 });
    expect(await tokenCounts('zyxwquatre')).toEqual({ spam: 0, ham: 1 });

    await setStatus(comment.id, 'spam');
    expect(await decisions()).toEqual({ ham: 0, spam: 1 });
    expect(await tokenCounts('zyxwquatre')).toEqual({ spam: 1, ham: 0 });

    // The same decision again, singly or in bulk, teaches nothing more.
    await setStatus(comment.id, 'spam');
    expect((await admin('POST', '/comments/bulk', { ids: [comment.id], action: 'spam' })).res.status).toBe(
      200,
    );
    expect(await decisions()).toEqual({ ham: 0, spam: 1 });
    expect(await tokenCounts('zyxwquatre')).toEqual({ spam: 1, ham: 0 });

    // Back to ham by a bulk action; pending teaches nothing and keeps what was learnt.
    await admin('POST', '/comments/bulk', { ids: [comment.id], action: 'approve' });
    await setStatus(comment.id, 'pending');
    expect(await decisions()).toEqual({ ham: 1, spam: 0 });
    expect(await tokenCounts('zyxwquatre')).toEqual({ spam: 0, ham: 1 });
  });

  it('erasing a comment forgets its record but keeps what it taught', async () => {
    const comment = await post('Qwplorx mot rare aussi.');
    await setStatus(comment.id, 'approved');
    const before = await decisions();
    expect((await admin('DELETE', `/comments/${comment.id}`)).res.status).toBe(204);
    const record = await env.DB.prepare('SELECT 1 FROM spam_training WHERE comment_id = ?1')
      .bind(comment.id)
      .first();
    expect(record).toBeNull();
    expect(await decisions()).toEqual(before);
    expect(await tokenCounts('qwplorx')).toEqual({ spam: 0, ham: 1 });
  });

  it('trains a comment stored before the filter existed (no features yet) from its text', async () => {
    const comment = await post('Vieux commentaire plimbrax.');
    await env.DB.prepare('UPDATE comments SET spam_tokens = NULL WHERE id = ?1').bind(comment.id).run();
    await setStatus(comment.id, 'spam');
    expect(await tokenCounts('plimbrax')).toEqual({ spam: 1, ham: 0 });
  });

  it("learns the importers' approved and spam flags", async () => {
    const before = await decisions();
    const wxr = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><item>
  <title>Imported</title><link>https://blog.example/imported-spam/</link>
  ${[
    ['1', 'Cheap glorbnix pills at https://pills-shop.example/', 'spam'],
    ['2', 'Merci pour ce billet.', '1'],
    ['3', 'Très utile, merci.', '1'],
    ['4', 'En attente.', '0'],
  ]
    .map(
      ([id, content, approved]) => `<wp:comment><wp:comment_id>${id}</wp:comment_id>
    <wp:comment_author>Someone</wp:comment_author><wp:comment_date_gmt>2020-01-0${id} 10:00:00</wp:comment_date_gmt>
    <wp:comment_content>${content}</wp:comment_content><wp:comment_approved>${approved}</wp:comment_approved>
    <wp:comment_parent>0</wp:comment_parent></wp:comment>`,
    )
    .join('\n')}
</item></channel></rss>`;
    const res = await request('/api/v1/admin/import?format=wxr', {
      method: 'POST',
      headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/xml' },
      body: wxr,
    });
    expect(res.status).toBe(200);
    expect(await decisions()).toEqual({ ham: before.ham + 2, spam: before.spam + 1 });
    expect(await tokenCounts('glorbnix')).toEqual({ spam: 1, ham: 0 });
    // Imported again: nothing new is stored, nothing is learnt twice.
    await request('/api/v1/admin/import?format=wxr', {
      method: 'POST',
      headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/xml' },
      body: wxr,
    });
    expect(await decisions()).toEqual({ ham: before.ham + 2, spam: before.spam + 1 });
  });

  it('scores once it has seen 15 decisions of each class, and holds (never rejects) above the threshold', async () => {
    const spamIds: string[] = [];
    const hamIds: string[] = [];
    for (let i = 0; i < 15; i++) {
      spamIds.push(
        (await post(`Buy cheap casino bonus pills now ${i} https://casino-pills${i}.example/`)).id,
      );
      hamIds.push((await post(`Merci pour cet article sur la cuisine, recette numéro ${i} réussie.`)).id);
    }
    const learning = await post('Encore un commentaire.');
    expect((await reasonOf(learning.id, 'filter')).detail).toMatch(/^learning, \d+\/30 decisions/);
    await admin('POST', '/comments/bulk', { ids: spamIds, action: 'spam' });
    await admin('POST', '/comments/bulk', { ids: hamIds, action: 'approve' });
    expect((await admin('GET', '/spam?days=1')).json.filter.state).toBe('active');

    const spammy = await post('Cheap casino bonus pills https://casino-pills99.example/');
    const reason = await reasonOf(spammy.id, 'filter');
    expect(reason.verdict).toBe('hold');
    expect(reason.detail).toMatch(/^p\(spam\) 1\.00 ≥ 0\.9; "/);
    const stored = (await admin('GET', '/comments?status=pending&limit=200')).json.comments.find(
      (c: { id: string }) => c.id === spammy.id,
    );
    expect(stored.status).toBe('pending');

    const hammy = await post('Merci pour la recette, la cuisine était réussie.');
    expect((await reasonOf(hammy.id, 'filter')).verdict).toBe('pass');

    // A bulk re-decision moves all of them at once, and back.
    const trained = await decisions();
    const casino = await tokenCounts('casino');
    await admin('POST', '/comments/bulk', { ids: spamIds, action: 'approve' });
    expect(await decisions()).toEqual({ ham: trained.ham + 15, spam: trained.spam - 15 });
    expect(await tokenCounts('casino')).toEqual({
      spam: (casino?.spam ?? 0) - 15,
      ham: (casino?.ham ?? 0) + 15,
    });
    await admin('POST', '/comments/bulk', { ids: spamIds, action: 'spam' });
    expect(await decisions()).toEqual(trained);
    expect(await tokenCounts('casino')).toEqual(casino);
  });

  it('neither scores nor stores features with SPAM_FILTER=off', async () => {
    const settings = readSettings({ ...env, SPAM_FILTER: 'off' } as Cloudflare.Env);
    expect(settings.spam.filter).toBe(false);
    const { body } = await postDirect(
      { db: env.DB, settings, ip: null, isAllowedOrigin: () => true, now: new Date(), reader: null },
      { url: freshPage(), body: 'Sans filtre.' },
    );
    const row = await env.DB.prepare('SELECT spam_tokens, spam_reasons FROM comments WHERE id = ?1')
      .bind(body.comment.id)
      .first<{ spam_tokens: string | null; spam_reasons: string }>();
    expect(row?.spam_tokens).toBeNull();
    expect(JSON.parse(row?.spam_reasons ?? '[]').map((r: { check: string }) => r.check)).toEqual([
      'rules',
      'moderation',
    ]);
  });
});

describe('GET /admin/spam', () => {
  it('answers one entry per day of the window, today with the held and published comments of this file', async () => {
    const { res, json } = await admin('GET', '/spam?days=3');
    expect(res.status).toBe(200);
    expect(json.days).toHaveLength(3);
    const today = json.days.at(-1);
    expect(today.date).toBe(new Date().toISOString().slice(0, 10));
    // MODERATION=all held everything posted over HTTP here; the service post above was published.
    expect(today.held).toBeGreaterThan(30);
    expect(today.published).toBeGreaterThanOrEqual(1);
    expect(today.reasons.moderation).toBeGreaterThan(30);
    expect(today.reasons.filter).toBeGreaterThanOrEqual(1);
    expect(json.reasons.find((r: { check: string }) => r.check === 'filter')).toMatchObject({
      held: expect.any(Number),
    });
    // The filter held one comment today and the owner has not decided it yet.
    expect(json.filter.held).toMatchObject({ total: 1, pending: 1, approved: 0, spam: 0 });
    expect(json.filter.precision).toBeNull();
  });

  it('answers 400 for a window outside 1–365 days, and 401 without the token', async () => {
    expect((await admin('GET', '/spam?days=0')).res.status).toBe(400);
    expect((await admin('GET', '/spam?days=366')).res.status).toBe(400);
    expect((await admin('GET', '/spam?days=abc')).res.status).toBe(400);
    expect((await request('/api/v1/admin/spam')).status).toBe(401);
  });
});
