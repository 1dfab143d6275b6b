/**
 * GET / PATCH /api/v1/admin/settings: the owner's runtime settings in KV (one key), over the vars.
 * Storage is per test file, so the overrides set here are seen by this file only.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { admin, call, failing, freshPage, postComment } from './helpers.ts';

const owner = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/** The settings of this test deployment without any override: its vars, else the defaults. */
const VARS_SETTINGS = {
  moderation: 'none',
  blocklist: [],
  maxLinks: 3,
  reservedNames: ['admin', 'administrator', 'moderator', 'modérateur'],
  maxCommentLength: 10_000,
  rateLimitWrites: '5/60',
  rateLimitLikes: '30/60',
  editWindowSeconds: 900,
  anonymousName: 'Anonymous',
  allowedOrigins: ['https://blog.example', 'http://localhost:8787'],
  webhookUrl: '',
  ownerEmail: '',
  live: 'on',
};

describe('GET /admin/settings', () => {
  it('answers the effective settings and where each one comes from', async () => {
    const { res, json } = await admin('GET', '/settings');
    expect(res.status).toBe(200);
    expect(json.settings).toEqual(VARS_SETTINGS);
    expect(json.sources).toEqual({
      moderation: 'vars',
      blocklist: 'default',
      maxLinks: 'vars',
      reservedNames: 'default',
      maxCommentLength: 'vars',
      rateLimitWrites: 'vars',
      rateLimitLikes: 'vars',
      editWindowSeconds: 'vars',
      anonymousName: 'default',
      allowedOrigins: 'vars',
      webhookUrl: 'default',
      ownerEmail: 'default',
      live: 'vars',
    });
  });

  it('is behind the admin token', async () => {
    expect((await call({}, '/api/v1/admin/settings')).res.status).toBe(401);
  });
});

describe('PATCH /admin/settings', () => {
  it('stores overrides that every request then follows, audits them and purges /config', async () => {
    const purges: CachePurgeOptions[] = [];
    const patched = await call(
      {},
      '/api/v1/admin/settings',
      owner('PATCH', { moderation: 'all', blocklist: ['Casino'], maxCommentLength: 500 }),
      undefined,
      purges,
    );
    expect(patched.res.status).toBe(200);
    expect(patched.json.settings).toMatchObject({
      moderation: 'all',
      blocklist: ['casino'],
      maxCommentLength: 500,
    });
    expect(patched.json.sources).toMatchObject({
      moderation: 'kv',
      blocklist: 'kv',
      maxCommentLength: 'kv',
      maxLinks: 'vars',
    });
    expect(purges).toEqual([{ tags: ['config'] }]);

    expect((await call({}, '/api/v1/config')).json).toMatchObject({
      moderation: 'all',
      maxCommentLength: 500,
    });
    const held = await postComment({ url: freshPage(), body: 'hello' });
    expect(held.json.comment.status).toBe('pending');
    expect((await postComment({ url: freshPage(), body: 'x'.repeat(501) })).res.status).toBe(422);

    const audit = await admin('GET', '/audit');
    expect(audit.json.entries[0]).toMatchObject({
      action: 'settings.update',
      actor: 'admin',
      detail: { changed: ['moderation', 'blocklist', 'maxCommentLength'] },
    });
    expect(await env.KV.get('settings:v1', 'json')).toEqual({
      moderation: 'all',
      blocklist: ['Casino'],
      maxCommentLength: 500,
    });

    // null drops an override: back to the var, the others stay.
    const dropped = await admin('PATCH', '/settings', { moderation: null, maxCommentLength: null });
    expect(dropped.json.settings.moderation).toBe('none');
    expect(dropped.json.sources).toMatchObject({
      moderation: 'vars',
      blocklist: 'kv',
      maxCommentLength: 'vars',
    });
    expect((await admin('GET', '/settings')).json).toEqual(dropped.json);
    await admin('PATCH', '/settings', { blocklist: null });
  });

  it('answers beside each override what the setting is without it (the vars, else the default)', async () => {
    const patched = await admin('PATCH', '/settings', { maxLinks: 9, reservedNames: ['Chef'] });
    expect(patched.json.settings).toMatchObject({ maxLinks: 9, reservedNames: ['Chef'] });
    expect(patched.json.defaults).toEqual(VARS_SETTINGS);
    const reset = await admin('PATCH', '/settings', { maxLinks: null, reservedNames: null });
    expect(reset.json.settings).toEqual(reset.json.defaults);
  });

  it('answers 422 naming each bad field, and changes nothing', async () => {
    const before = await env.KV.get('settings:v1');
    const { res, json } = await admin('PATCH', '/settings', {
      moderation: 'sometimes',
      maxLinks: -1,
      blocklist: ['a,b'],
      rateLimitWrites: 'fast',
      colour: 'red',
    });
    expect(res.status).toBe(422);
    expect(json.code).toBe('validation_failed');
    expect(json.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['blocklist.0', 'colour', 'maxLinks', 'moderation', 'rateLimitWrites'].sort(),
    );
    expect(await env.KV.get('settings:v1')).toBe(before);
  });

  it('sets the edit window, the anonymous name, the allowed origins and the notification targets (issue 16)', async () => {
    const elsewhere = 'https://new-blog.example/post/1';
    // A positive marker first: the known origin posts; the new one is refused until it is allowed.
    expect((await postComment({ url: freshPage(), body: 'avant' })).res.status).toBe(201);
    expect((await postComment({ url: elsewhere, body: 'avant' })).json.code).toBe('origin_not_allowed');

    const patched = await admin('PATCH', '/settings', {
      editWindowSeconds: 120,
      anonymousName: 'Lecteur',
      allowedOrigins: ['https://blog.example', 'https://new-blog.example'],
      webhookUrl: 'http://127.0.0.1:9/causerie',
      ownerEmail: 'owner@blog.example',
    });
    expect(patched.res.status).toBe(200);
    expect(patched.json.settings).toMatchObject({
      editWindowSeconds: 120,
      anonymousName: 'Lecteur',
      allowedOrigins: ['https://blog.example', 'https://new-blog.example'],
      webhookUrl: 'http://127.0.0.1:9/causerie',
    });
    expect(patched.json.sources).toMatchObject({ allowedOrigins: 'kv', webhookUrl: 'kv', ownerEmail: 'kv' });
    expect((await call({}, '/api/v1/config')).json).toMatchObject({
      editWindowSeconds: 120,
      anonymousName: 'Lecteur',
    });
    const posted = await postComment({ url: elsewhere, body: 'après' });
    expect(posted.res.status).toBe(201);
    expect(posted.json.comment.author.name).toBe('Lecteur');

    const bad = await admin('PATCH', '/settings', {
      allowedOrigins: ['https://ok.example', 'blog.example/path'],
      webhookUrl: 'ftp://hooks.example',
      ownerEmail: 'not-an-address',
      anonymousName: '',
      editWindowSeconds: 0,
    });
    expect(bad.res.status).toBe(422);
    expect(bad.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['allowedOrigins.1', 'anonymousName', 'editWindowSeconds', 'ownerEmail', 'webhookUrl'].sort(),
    );

    const reset = await admin('PATCH', '/settings', {
      editWindowSeconds: null,
      anonymousName: null,
      allowedOrigins: null,
      webhookUrl: null,
      ownerEmail: null,
    });
    expect(reset.json.settings).toEqual(VARS_SETTINGS);
    expect((await postComment({ url: elsewhere, body: 'encore' })).json.code).toBe('origin_not_allowed');
  });

  it('answers 503 when KV fails: an owner action, not a reader’s write', async () => {
    const kv = failing(env.KV, ['get', 'put']);
    const { res, json } = await call({ KV: kv }, '/api/v1/admin/settings', owner('PATCH', { maxLinks: 1 }));
    expect(res.status).toBe(503);
    expect(json.code).toBe('storage_unavailable');
  });
});

describe('settings kept per isolate (middleware/settings.ts)', () => {
  const moderationOf = async (bindings: Partial<Cloudflare.Env>) =>
    (await call(bindings, '/api/v1/config')).json.moderation;

  it('follow each request’s own KV value and vars: a change shows at once, a failing KV gets the vars', async () => {
    expect((await admin('PATCH', '/settings', { moderation: 'all' })).res.status).toBe(200);
    expect(await moderationOf({})).toBe('all');
    // The same isolate, just after: a KV that fails reads no override, whatever the previous request read.
    expect(await moderationOf({ KV: failing(env.KV, ['get']) })).toBe('none');
    expect(await moderationOf({ MODERATION: 'first-time', KV: failing(env.KV, ['get']) })).toBe('first-time');
    expect(await moderationOf({})).toBe('all');
    expect((await admin('PATCH', '/settings', { moderation: null })).res.status).toBe(200);
    expect(await moderationOf({})).toBe('none');
  });
});
