/**
 * Issue 13, the account side: GET /me, GET /me/comments, GET /me/export, DELETE /me (erasure) and
 * POST /auth/logout, with sessions made by the real session service on real local D1.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { admin, freshPage, getThread, postComment } from './helpers.ts';
import { expectProblem, OPTIONAL, send, signIn } from './identity-helpers.ts';

/** A comment of the signed-in reader (AUTH=optional), its id. */
const postAs = async (token: string, body: Record<string, unknown>) => {
  const answer = await send('POST', '/api/v1/comments', {
    token,
    vars: OPTIONAL,
    body: { body: 'Bonjour !', ...body },
  });
  if (answer.res.status !== 201)
    throw new Error(`post answered ${answer.res.status} ${JSON.stringify(answer.json)}`);
  return answer.json.comment.id as string;
};

const tryPost = (token: string, url: string) =>
  send('POST', '/api/v1/comments', { token, vars: OPTIONAL, body: { url, body: 'again' } });

describe('GET /api/v1/me', () => {
  it('answers the signed-in reader: name, verified address, provider, avatar seed, session end, no role', async () => {
    const { token, user, expiresAt } = await signIn({ name: 'Zoé', email: 'zoe-me@example.com' });
    const { res, json } = await send('GET', '/api/v1/me', { token });
    expect(res.status).toBe(200);
    expect(json).toEqual({
      id: user.id,
      name: 'Zoé',
      email: 'zoe-me@example.com',
      provider: 'github',
      avatar: expect.stringMatching(/^[0-9a-f]{16}$/),
      expiresAt,
      role: null,
      banned: false,
    });
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });

  it('answers 401 sign_in_required without a session, and 401 for a malformed, unknown or revoked one', async () => {
    expectProblem(await send('GET', '/api/v1/me'), 401, 'sign_in_required');
    expect((await send('GET', '/api/v1/me')).res.headers.get('WWW-Authenticate')).toBe('Bearer');
    expectProblem(await send('GET', '/api/v1/me', { token: `ses_${'x'.repeat(43)}` }), 401, 'unauthorized');
    expectProblem(await send('GET', '/api/v1/me', { token: 'ses_short' }), 401, 'unauthorized');
    const { token } = await signIn();
    expect((await send('POST', '/api/v1/auth/logout', { token, body: {} })).res.status).toBe(204);
    expectProblem(await send('GET', '/api/v1/me', { token }), 401, 'unauthorized');
  });

  it('answers 401 for an expired session', async () => {
    const { token } = await signIn({}, new Date(Date.now() - 31 * 24 * 3600 * 1000));
    expectProblem(await send('GET', '/api/v1/me', { token }), 401, 'unauthorized');
  });

  it('answers the widget cross-origin: CORS for the allowed origin with the bearer header', async () => {
    const { res } = await send('OPTIONS', '/api/v1/me');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://blog.example');
    expect(res.headers.get('Access-Control-Allow-Headers')).toContain('Authorization');
  });
});

describe('POST /api/v1/auth/logout', () => {
  it('revokes this session only, or every session of the account with { all: true }', async () => {
    const other = await signIn();
    // Two sessions of one account: sign in twice with the same identity.
    const subject = `twice-${Date.now()}@example.com`;
    const one = await signIn({ provider: 'email', subject, email: subject });
    const two = await signIn({ provider: 'email', subject, email: subject });
    expect(two.user.id).toBe(one.user.id);

    expect((await send('POST', '/api/v1/auth/logout', { token: one.token, body: {} })).res.status).toBe(204);
    expectProblem(await send('GET', '/api/v1/me', { token: one.token }), 401, 'unauthorized');
    expect((await send('GET', '/api/v1/me', { token: two.token })).res.status).toBe(200);

    const three = await signIn({ provider: 'email', subject, email: subject });
    const all = await send('POST', '/api/v1/auth/logout', { token: three.token, body: { all: true } });
    expect(all.res.status).toBe(204);
    expectProblem(await send('GET', '/api/v1/me', { token: two.token }), 401, 'unauthorized');
    expectProblem(await send('GET', '/api/v1/me', { token: three.token }), 401, 'unauthorized');
    // Another account is untouched.
    expect((await send('GET', '/api/v1/me', { token: other.token })).res.status).toBe(200);
  });

  it('answers 401 without a session and 422 for a bad body', async () => {
    expectProblem(await send('POST', '/api/v1/auth/logout', { body: {} }), 401, 'sign_in_required');
    const { token } = await signIn();
    expectProblem(
      await send('POST', '/api/v1/auth/logout', { token, body: { all: 'yes' } }),
      422,
      'validation_failed',
    );
  });
});

describe('GET /api/v1/me/comments and /me/export', () => {
  it('lists the reader’s own comments newest first, cursor-paged, spam shown as pending, nobody else’s', async () => {
    const { token } = await signIn();
    const other = await signIn();
    const url = freshPage();
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push(await postAs(token, { url, title: 'Mon billet', body: `n°${n}` }));
    await postAs(other.token, { url, body: 'someone else' });
    await postComment({ url, body: 'a guest', author: { name: 'Guest' } });
    await admin('PATCH', `/comments/${ids[0]}`, { status: 'spam' });

    const first = await send('GET', '/api/v1/me/comments?limit=2', { token });
    expect(first.res.status).toBe(200);
    expect(first.json.comments.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    expect(first.json.comments[0].thread).toEqual({ key: url, url, title: 'Mon billet' });
    expect(first.json.comments[0].author.verified).toEqual({ provider: 'github' });
    const second = await send('GET', `/api/v1/me/comments?limit=2&cursor=${first.json.nextCursor}`, {
      token,
    });
    expect(second.json.comments.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
      [ids[0], 'pending'],
    ]);
    expect(second.json.nextCursor).toBeNull();
  });

  it('refuses a bad cursor or limit with 400, and no session with 401', async () => {
    const { token } = await signIn();
    expectProblem(await send('GET', '/api/v1/me/comments?cursor=abc', { token }), 400, 'bad_request');
    expectProblem(await send('GET', '/api/v1/me/comments?limit=0', { token }), 400, 'bad_request');
    expectProblem(await send('GET', '/api/v1/me/comments'), 401, 'sign_in_required');
    expectProblem(await send('GET', '/api/v1/me/export'), 401, 'sign_in_required');
  });

  it('downloads every comment with its Markdown as a JSON attachment', async () => {
    const { token, user } = await signIn({ name: 'Export Me' });
    const url = freshPage();
    const id = await postAs(token, { url, body: '**gras**' });
    const { res, json } = await send('GET', '/api/v1/me/export', { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="causerie-${user.id}.json"`);
    expect(json.version).toBe(1);
    expect(json.user).toMatchObject({ id: user.id, name: 'Export Me' });
    expect(json.comments).toHaveLength(1);
    expect(json.comments[0]).toMatchObject({ id, body: '**gras**', html: '<p><strong>gras</strong></p>\n' });
  });
});

describe('DELETE /api/v1/me', () => {
  it('erases the account, its sessions and identities, and deletes its comments keeping threads consistent', async () => {
    const erased = await signIn({ name: 'Eraseme', email: 'eraseme@example.com' });
    const url = freshPage();
    // own root with a guest reply (stays as a placeholder), own root with own reply (both go), a lone reply.
    const kept = await postAs(erased.token, { url, body: 'has a guest reply' });
    const guestReply = (await postComment({ url, parentId: kept, body: 'guest', author: { name: 'G' } })).json
      .comment.id;
    const ownRoot = await postAs(erased.token, { url, body: 'own root' });
    await postAs(erased.token, { url, parentId: ownRoot, body: 'own reply' });
    const guestRoot = (await postComment({ url, body: 'guest root', author: { name: 'H' } })).json.comment.id;
    await postAs(erased.token, { url, parentId: guestRoot, body: 'reply to a guest' });
    expect((await getThread(`url=${encodeURIComponent(url)}`)).json.thread.commentCount).toBe(6);

    const { res } = await send('DELETE', '/api/v1/me', { token: erased.token });
    expect(res.status).toBe(204);

    const thread = await getThread(`url=${encodeURIComponent(url)}`);
    expect(thread.json.thread.commentCount).toBe(2);
    const shown = thread.json.comments.map(
      (c: { id: string; status: string; author: unknown; html: string }) => [
        c.id,
        c.status,
        c.author,
        c.html,
      ],
    );
    expect(shown).toEqual([
      [kept, 'deleted', null, ''],
      [guestReply, 'approved', expect.objectContaining({ name: 'G' }), '<p>guest</p>\n'],
      [guestRoot, 'approved', expect.objectContaining({ name: 'H' }), '<p>guest root</p>\n'],
    ]);
    // The counters agree with what is listed: the guest root lost its only reply.
    const counters = await env.DB.prepare(
      'SELECT id, reply_count, user_id, author_email, author_name FROM comments WHERE id IN (?1, ?2)',
    )
      .bind(kept, guestRoot)
      .all<{ id: string; reply_count: number; user_id: string | null; author_email: string | null }>();
    // Read storage here: what the erasure left of personal data is not visible through any API.
    expect(counters.results.map((r) => [r.id, r.reply_count, r.user_id, r.author_email]).sort()).toEqual(
      [
        [kept, 1, null, null],
        [guestRoot, 0, null, null],
      ].sort(),
    );
    const left = await env.DB.prepare(
      `SELECT (SELECT count(*) FROM users WHERE id = ?1) AS users,
              (SELECT count(*) FROM identities WHERE user_id = ?1) AS identities,
              (SELECT count(*) FROM sessions WHERE user_id = ?1) AS sessions,
              (SELECT count(*) FROM account_names WHERE user_id = ?1) AS names,
              (SELECT count(*) FROM comments WHERE user_id = ?1 OR author_email = 'eraseme@example.com') AS comments`,
    )
      .bind(erased.user.id)
      .first();
    expect(left).toEqual({ users: 0, identities: 0, sessions: 0, names: 0, comments: 0 });
    // The token is dead, and the name is free for a guest again.
    expectProblem(await send('GET', '/api/v1/me', { token: erased.token }), 401, 'unauthorized');
    expect((await postComment({ url, author: { name: 'Eraseme' } })).res.status).toBe(201);
  });

  it('answers 401 without a session', async () => {
    expectProblem(await send('DELETE', '/api/v1/me'), 401, 'sign_in_required');
  });

  it('erases a banned account’s data but not its ban: signing in again finds it banned', async () => {
    const profile = { provider: 'github', subject: `banned-erased-${Date.now()}` };
    const banned = await signIn({ ...profile, name: 'Banned Erased', email: 'banned-erased@example.com' });
    const url = freshPage();
    const id = await postAs(banned.token, { url });
    await admin('POST', '/bans', { userId: banned.user.id });
    const again = await signIn(profile);
    expect((await send('DELETE', '/api/v1/me', { token: again.token })).res.status).toBe(204);
    expect(
      (await getThread(`url=${encodeURIComponent(url)}`)).json.comments.map((c: { id: string }) => c.id),
    ).not.toContain(id);
    const back = await signIn(profile);
    expect(back.user.id).toBe(banned.user.id);
    expect((await send('GET', '/api/v1/me', { token: back.token })).json.banned).toBe(true);
    expectProblem(await tryPost(back.token, url), 403, 'banned');
  });
});
