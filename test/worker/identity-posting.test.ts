/**
 * Issue 13, item 5: what identity changes when a reader writes. A signed-in comment carries the account's
 * verified name and provider (the form's name is ignored), a guest can neither produce `verified` nor take
 * an account's name, AUTH decides who may post, signed-in authors edit and delete with their session
 * within USER_EDIT_WINDOW_SECONDS, `first-time` trusts an account, and reply e-mails go to verified
 * addresses without a confirmation while a guest's still need one.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../worker/env.ts';
import { admin, freshPage, getThread, notifyReaders, postComment } from './helpers.ts';
import { expectProblem, OPTIONAL, send, signIn, type Vars } from './identity-helpers.ts';

const post = (token: string | null, body: Record<string, unknown>, vars: Vars = OPTIONAL) =>
  send('POST', '/api/v1/comments', { token, vars, body: { body: 'Bonjour !', ...body } });

/** Makes the comment look `seconds` old: no API writes a comment in the past (only imports, and they have no account). */
const age = (id: string, seconds: number) =>
  env.DB.prepare('UPDATE comments SET created_at = ?2 WHERE id = ?1')
    .bind(id, new Date(Date.now() - seconds * 1000).toISOString())
    .run();

describe('a signed-in POST /comments', () => {
  it('stores the account, the provider and the verified name; the form’s name and address are ignored', async () => {
    const { token, user } = await signIn({ name: 'Zoé Vérifiée', provider: 'google' });
    const url = freshPage();
    const { res, json } = await post(token, {
      url,
      author: { name: 'Someone Else', email: 'x@example.com' },
    });
    expect(res.status).toBe(201);
    const me = await send('GET', '/api/v1/me', { token });
    expect(json.comment.author).toEqual({
      name: 'Zoé Vérifiée',
      website: null,
      avatar: me.json.avatar,
      moderator: false,
      verified: { provider: 'google' },
    });
    // A signed-in author's window never closes by default (USER_EDIT_WINDOW_SECONDS=0).
    expect(json.editableUntil).toBe('9999-12-31T23:59:59.000Z');
    const listed = await getThread(`url=${encodeURIComponent(url)}`);
    expect(listed.json.comments[0].author.verified).toEqual({ provider: 'google' });
    const queued = await admin('GET', `/comments?status=approved&url=${encodeURIComponent(url)}`);
    expect(queued.json.comments[0]).toMatchObject({
      userId: user.id,
      email: user.email,
      verified: { provider: 'google' },
    });
  });

  it('never lets a guest produce `verified`', async () => {
    const { json } = await postComment({
      url: freshPage(),
      author: { name: 'Faker', verified: { provider: 'github' } },
      verified: { provider: 'github' },
    });
    expect(json.comment.author.verified).toBeNull();
  });

  it('refuses a guest the name of an account that posts here (folded: case, accents kept, homoglyphs), 422', async () => {
    const name = `Ana ${Date.now().toString(36)}`;
    const url = freshPage();
    // Before the account has posted, the name is anyone's.
    expect((await postComment({ url, author: { name } })).res.status).toBe(201);
    const { token } = await signIn({ name });
    expect((await post(token, { url })).res.status).toBe(201);
    for (const impostor of [
      name,
      name.toUpperCase(),
      name.replace('A', 'А') /* Cyrillic А */,
      ` ${name}  `,
    ]) {
      const answer = await send('POST', '/api/v1/comments', {
        body: { url, body: 'I am Ana', author: { name: impostor } },
      });
      expectProblem(answer, 422, 'validation_failed');
      expect(answer.json.errors).toEqual([
        { field: 'author.name', message: 'is reserved on this site: an account uses it' },
      ]);
    }
    expect((await postComment({ url, author: { name: `${name} junior` } })).res.status).toBe(201);
  });

  it('AUTH=required: a guest POST is 401 sign_in_required, a signed-in one is taken', async () => {
    const required = { AUTH: 'required' };
    const url = freshPage();
    expectProblem(await post(null, { url, author: { name: 'Guest' } }, required), 401, 'sign_in_required');
    const { token } = await signIn();
    expect((await post(token, { url }, required)).res.status).toBe(201);
  });

  it('AUTH=off (the default): a session bearer is ignored, the comment is a guest’s', async () => {
    const { token } = await signIn({ name: 'Not Used' });
    const { res, json } = await post(token, { url: freshPage(), author: { name: 'As A Guest' } }, {});
    expect(res.status).toBe(201);
    expect(json.comment.author).toMatchObject({ name: 'As A Guest', verified: null });
  });

  it('answers 401 for a dead session rather than posting as a guest', async () => {
    const { token } = await signIn();
    await send('POST', '/api/v1/auth/logout', { token, body: {} });
    expectProblem(await post(token, { url: freshPage() }), 401, 'unauthorized');
  });
});

describe('edits and deletes with the session', () => {
  it('lets the author edit and delete beyond the guest window, with no edit token', async () => {
    const { token } = await signIn();
    const url = freshPage();
    const created = await post(token, { url });
    const id = created.json.comment.id as string;
    await age(id, 3600);
    // An hour old, past the guest window, but the account's never closes (USER_EDIT_WINDOW_SECONDS=0).
    const edited = await send('PATCH', `/api/v1/comments/${id}`, {
      token,
      body: { body: 'Édité' },
      vars: { ...OPTIONAL, GUEST_EDIT_WINDOW_SECONDS: '900' },
    });
    expect(edited.res.status).toBe(200);
    expect(edited.json.comment.html).toBe('<p>Édité</p>\n');
    expect((await send('DELETE', `/api/v1/comments/${id}`, { token, vars: OPTIONAL })).res.status).toBe(204);
    expect((await getThread(`url=${encodeURIComponent(url)}`)).json.thread.commentCount).toBe(0);
  });

  it('closes the account’s window after USER_EDIT_WINDOW_SECONDS: 403 edit_window_closed', async () => {
    const { token } = await signIn();
    const id = (await post(token, { url: freshPage() })).json.comment.id as string;
    await age(id, 3600);
    const vars = { ...OPTIONAL, USER_EDIT_WINDOW_SECONDS: '1800' };
    expectProblem(
      await send('PATCH', `/api/v1/comments/${id}`, { token, body: { body: 'x' }, vars }),
      403,
      'edit_window_closed',
    );
    expectProblem(await send('DELETE', `/api/v1/comments/${id}`, { token, vars }), 403, 'edit_window_closed');
    const fresh = await post(token, { url: freshPage() }, vars);
    // To the second (edit tokens count whole seconds).
    const window = Date.parse(fresh.json.editableUntil) - Date.parse(fresh.json.comment.createdAt);
    expect(window).toBeGreaterThan(1_799_000);
    expect(window).toBeLessThanOrEqual(1_800_000);
  });

  it('refuses another account’s comment and a guest’s comment: 403 forbidden; unknown: 404', async () => {
    const owner = await signIn();
    const intruder = await signIn();
    const url = freshPage();
    const theirs = (await post(owner.token, { url })).json.comment.id as string;
    const guests = (await postComment({ url, author: { name: 'G' } })).json.comment.id as string;
    for (const id of [theirs, guests]) {
      expectProblem(
        await send('PATCH', `/api/v1/comments/${id}`, { token: intruder.token, body: { body: 'x' } }),
        403,
        'forbidden',
      );
      expectProblem(
        await send('DELETE', `/api/v1/comments/${id}`, { token: intruder.token }),
        403,
        'forbidden',
      );
    }
    expectProblem(await send('DELETE', '/api/v1/comments/nope', { token: intruder.token }), 404, 'not_found');
  });
});

describe('bans by account', () => {
  it('revokes the sessions, and a new session may neither post nor like: 403 banned', async () => {
    const profile = { provider: 'github', subject: `banned-${Date.now()}` };
    const first = await signIn(profile);
    const url = freshPage();
    const id = (await post(first.token, { url })).json.comment.id as string;
    const ban = await admin('POST', '/bans', { commentId: id, reason: 'abuse' });
    expect(ban.res.status).toBe(201);
    expect(ban.json.bans).toContainEqual(
      expect.objectContaining({
        id: `user:${first.user.id}`,
        kind: 'user',
        value: first.user.id,
        reason: 'abuse',
        active: true,
      }),
    );
    expectProblem(await send('GET', '/api/v1/me', { token: first.token }), 401, 'unauthorized');

    const again = await signIn(profile);
    expect(again.user.id).toBe(first.user.id);
    expect((await send('GET', '/api/v1/me', { token: again.token })).json.banned).toBe(true);
    expectProblem(await post(again.token, { url }), 403, 'banned');
    const like = await send('POST', `/api/v1/comments/${id}/like`, {
      token: again.token,
      body: { reader: 'reader-banned1' },
    });
    expectProblem(like, 403, 'banned');

    // Listed, and lifted by the owner: the account posts again.
    const listed = await admin('GET', '/bans');
    expect(listed.json.bans.map((b: { id: string }) => b.id)).toContain(`user:${first.user.id}`);
    expect((await admin('DELETE', `/bans/user:${first.user.id}`)).res.status).toBe(204);
    expect((await post(again.token, { url })).res.status).toBe(201);
    expect((await admin('DELETE', `/bans/user:${first.user.id}`)).res.status).toBe(404);
  });

  it('bans by userId; refuses an unknown account (404) and an expiry on an account ban (422)', async () => {
    const { token, user } = await signIn();
    expect((await admin('POST', '/bans', { userId: user.id })).res.status).toBe(201);
    expectProblem(await send('GET', '/api/v1/me', { token }), 401, 'unauthorized');
    expectProblem(await admin('POST', '/bans', { userId: 'nobody' }), 404, 'not_found');
    const dated = await admin('POST', '/bans', { userId: user.id, expiresAt: '2030-01-01T00:00:00Z' });
    expectProblem(dated, 422, 'validation_failed');
  });
});

describe('first-time moderation', () => {
  it('holds an account’s first comment, then trusts the account once one was approved, from any browser', async () => {
    const vars = { ...OPTIONAL, MODERATION: 'first-time' };
    const { token } = await signIn();
    const url = freshPage();
    const first = await post(token, { url, reader: 'browser-one-1' }, vars);
    expect(first.json.comment.status).toBe('pending');
    expect((await post(token, { url, reader: 'browser-one-1' }, vars)).json.comment.status).toBe('pending');
    await admin('PATCH', `/comments/${first.json.comment.id}`, { status: 'approved' });
    expect((await post(token, { url, reader: 'browser-two-2' }, vars)).json.comment.status).toBe('approved');
    // Another account with the same typed address gains nothing.
    const other = await signIn();
    expect((await post(other.token, { url, reader: 'browser-one-1' }, vars)).json.comment.status).toBe(
      'pending',
    );
  });
});

describe('reply e-mails', () => {
  const settings = readSettings({
    ...env,
    EMAIL_API_URL: 'https://mail.example/send',
    EMAIL_FROM: 'blog@example.com',
  });
  const notify = (commentId: string) => notifyReaders(settings, commentId);

  it('go to a signed-in author’s verified address without a confirmation e-mail', async () => {
    const address = `verified-${Date.now()}@example.com`;
    const { token } = await signIn({ email: address });
    const url = freshPage();
    const parent = await post(token, { url, notify: true });
    // Asking for replies sends no confirmation: the address is the account's, verified.
    expect(await notify(parent.json.comment.id)).toEqual([]);
    const reply = await postComment({
      url,
      parentId: parent.json.comment.id,
      body: 'A reply',
      author: { name: 'R' },
    });
    const sent = await notify(reply.json.comment.id);
    expect(sent.map((m) => m.to)).toEqual([address]);
    expect(sent[0]?.subject).toContain('reply');
  });

  it('never go to an address a signed-in author typed: only the account’s verified one counts', async () => {
    const { token } = await signIn({ email: null });
    const url = freshPage();
    const parent = await post(token, { url, notify: true, author: { email: 'typed@example.com' } });
    const reply = await postComment({
      url,
      parentId: parent.json.comment.id,
      body: 'A reply',
      author: { name: 'R' },
    });
    expect(await notify(parent.json.comment.id)).toEqual([]);
    expect(await notify(reply.json.comment.id)).toEqual([]);
  });

  it('still need the double opt-in for a guest: only the confirmation e-mail, no reply e-mail', async () => {
    const address = `guest-${Date.now()}@example.com`;
    const url = freshPage();
    const parent = await postComment({ url, author: { email: address }, notify: true });
    const first = await notify(parent.json.comment.id);
    expect(first.map((m) => m.to)).toEqual([address]);
    expect(first[0]?.text).toContain('/api/v1/confirm?');
    const reply = await postComment({
      url,
      parentId: parent.json.comment.id,
      body: 'A reply',
      author: { name: 'R' },
    });
    expect(await notify(reply.json.comment.id)).toEqual([]);
  });
});
