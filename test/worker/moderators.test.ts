/**
 * Issue 13, item 6: moderators by identity. MODERATORS names accounts (a verified e-mail or a
 * `provider:id`, optionally `=owner`); their session opens the admin API like ADMIN_TOKEN, a moderator may
 * not touch what only an owner may (403 forbidden), and every audit entry names who acted.
 */
import { describe, expect, it } from 'vitest';
import { parseModerators } from '../../worker/lib/moderators.ts';
import { admin, freshPage, postComment } from './helpers.ts';
import { expectProblem, send, signIn } from './identity-helpers.ts';

const stamp = Date.now().toString(36);
const MOD_EMAIL = `mod-${stamp}@example.com`;
const OWNER_EMAIL = `boss-${stamp}@example.com`;
const MOD_SUBJECT = `mod-gh-${stamp}`;
const vars = {
  MODERATORS: ` ${MOD_EMAIL.toUpperCase()}, github:${MOD_SUBJECT}, ${OWNER_EMAIL} = owner, nonsense`,
};

const asStaff = (token: string, method: string, path: string, body?: unknown) =>
  send(method, `/api/v1/admin${path}`, { token, vars, ...(body === undefined ? {} : { body }) });

describe('MODERATORS', () => {
  it('reads addresses and provider identities, each optionally =owner, and drops what is neither', () => {
    expect(
      parseModerators(
        ' Ana@Blog.example = owner ,github:42, email:zoe@example.com, oidc:a=b==owner, x, =owner,',
      ),
    ).toEqual([
      { email: 'ana@blog.example', role: 'owner' },
      { provider: 'github', subject: '42', role: 'moderator' },
      { provider: 'email', subject: 'zoe@example.com', role: 'moderator' },
      { provider: 'oidc', subject: 'a=b=', role: 'owner' },
    ]);
    expect(parseModerators(undefined)).toEqual([]);
  });
});

describe('the admin API with a moderator’s session', () => {
  it('lets a moderator named by verified e-mail moderate, and records them as the actor', async () => {
    const moderator = await signIn({
      provider: 'email',
      subject: MOD_EMAIL,
      email: MOD_EMAIL,
      name: 'Mia Mod',
    });
    const me = await send('GET', '/api/v1/me', { token: moderator.token, vars });
    expect(me.json.role).toBe('moderator');
    const id = (await postComment({ url: freshPage(), author: { name: 'Someone' } })).json.comment.id;

    expect((await asStaff(moderator.token, 'GET', '/comments?status=approved')).res.status).toBe(200);
    const changed = await asStaff(moderator.token, 'PATCH', `/comments/${id}`, { status: 'spam' });
    expect(changed.res.status).toBe(200);
    expect(changed.res.headers.get('Cache-Control')).toBe('no-store');
    const audit = await admin('GET', `/audit?commentId=${id}`);
    expect(audit.json.entries[0]).toMatchObject({
      actor: `user:${moderator.user.id}`,
      actorName: 'Mia Mod',
      action: 'comment.status',
    });
    // The token is still the owner, named `admin`.
    await admin('PATCH', `/comments/${id}`, { status: 'approved' });
    const again = await admin('GET', `/audit?commentId=${id}`);
    expect(again.json.entries[0]).toMatchObject({ actor: 'admin', actorName: null });
  });

  it('names every kind of action: replies, bulk, deletes, threads and bans', async () => {
    const moderator = await signIn({
      provider: 'github',
      subject: MOD_SUBJECT,
      name: 'Gil Hub',
      email: null,
    });
    const url = freshPage();
    const a = (await postComment({ url })).json.comment.id;
    const b = (await postComment({ url })).json.comment.id;
    const reply = await asStaff(moderator.token, 'POST', '/comments', { parentId: a, body: 'Merci' });
    expect(reply.res.status).toBe(201);
    expect(
      (await asStaff(moderator.token, 'POST', '/comments/bulk', { ids: [b], action: 'spam' })).res.status,
    ).toBe(200);
    expect((await asStaff(moderator.token, 'DELETE', `/comments/${b}`)).res.status).toBe(204);
    expect((await asStaff(moderator.token, 'PATCH', '/threads', { key: url, locked: true })).res.status).toBe(
      200,
    );
    expect(
      (await asStaff(moderator.token, 'POST', '/bans', { email: `x-${stamp}@example.com` })).res.status,
    ).toBe(201);
    const { json } = await admin('GET', '/audit?limit=20');
    const mine = json.entries.filter((e: { actor: string }) => e.actor === `user:${moderator.user.id}`);
    expect(mine.map((e: { action: string }) => e.action).sort()).toEqual(
      ['ban.create', 'comment.delete', 'comment.reply', 'comment.status', 'thread.update'].sort(),
    );
    expect(mine.every((e: { actorName: string }) => e.actorName === 'Gil Hub')).toBe(true);
  });

  it('keeps the owner’s own things from a moderator: 403 forbidden', async () => {
    const moderator = await signIn({ provider: 'email', subject: `${stamp}-2@x.example`, email: MOD_EMAIL });
    const refused: Array<[string, string, unknown?]> = [
      ['GET', '/settings'],
      ['PATCH', '/settings', { maxLinks: 1 }],
      ['GET', '/export'],
      ['GET', '/health'],
      ['GET', '/mail'],
      ['DELETE', '/bans/some-ban'],
    ];
    for (const [method, path, body] of refused) {
      expectProblem(await asStaff(moderator.token, method, path, body), 403, 'forbidden');
    }
    const imported = await send('POST', '/api/v1/admin/import?format=causerie', {
      token: moderator.token,
      vars,
      body: {},
    });
    expectProblem(imported, 403, 'forbidden');
  });

  it('lets an account named `=owner` do what the token does', async () => {
    const owner = await signIn({ provider: 'google', subject: `boss-${stamp}`, email: OWNER_EMAIL });
    expect((await send('GET', '/api/v1/me', { token: owner.token, vars })).json.role).toBe('owner');
    expect((await asStaff(owner.token, 'GET', '/settings')).res.status).toBe(200);
    const ban = await asStaff(owner.token, 'POST', '/bans', { email: `y-${stamp}@example.com` });
    expect((await asStaff(owner.token, 'DELETE', `/bans/${ban.json.bans[0].id}`)).res.status).toBe(204);
    const audit = await admin('GET', '/audit?limit=1');
    expect(audit.json.entries[0]).toMatchObject({ action: 'ban.delete', actor: `user:${owner.user.id}` });
  });

  it('refuses an account MODERATORS does not name (403), an unverified address (403), no credentials (401)', async () => {
    const reader = await signIn();
    expect((await send('GET', '/api/v1/me', { token: reader.token, vars })).json.role).toBeNull();
    expectProblem(await asStaff(reader.token, 'GET', '/comments'), 403, 'forbidden');
    // Same address as a moderator's, but no provider verified it: the address alone proves nothing.
    const unverified = await signIn({
      provider: 'twitter',
      subject: `tw-${stamp}`,
      email: null,
      name: MOD_EMAIL,
    });
    expectProblem(await asStaff(unverified.token, 'GET', '/comments'), 403, 'forbidden');
    expectProblem(await send('GET', '/api/v1/admin/comments', { vars }), 401, 'unauthorized');
    // Without MODERATORS nobody is staff.
    const moderator = await signIn({ provider: 'email', subject: `${stamp}-3@x.example`, email: MOD_EMAIL });
    expectProblem(await send('GET', '/api/v1/admin/comments', { token: moderator.token }), 403, 'forbidden');
  });

  it('refuses a banned moderator, and a revoked session (401)', async () => {
    const moderator = await signIn({ provider: 'email', subject: `${stamp}-4@x.example`, email: MOD_EMAIL });
    await send('POST', '/api/v1/auth/logout', { token: moderator.token, body: {} });
    expectProblem(await asStaff(moderator.token, 'GET', '/comments'), 401, 'unauthorized');
    const banned = await signIn({ provider: 'email', subject: `${stamp}-5@x.example`, email: MOD_EMAIL });
    await admin('POST', '/bans', { userId: banned.user.id });
    const later = await signIn({ provider: 'email', subject: `${stamp}-5@x.example`, email: MOD_EMAIL });
    expectProblem(await asStaff(later.token, 'GET', '/comments'), 403, 'forbidden');
  });
});
