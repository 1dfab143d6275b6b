/**
 * Issue 11, item 3: an avatar must not confirm an e-mail address (the honeypot answered a keyed hash of the
 * address, so 42 probes told whether an address was a commenter's), and first-time moderation must not
 * trust whoever types an approved commenter's address.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../worker/env.ts';
import { freshPage, postComment, postWithSettings } from './helpers.ts';

const READER_A = 'reader-aaaaaaaa';
const READER_B = 'reader-bbbbbbbb';

/** Through the posting rules with these settings, and no write limit (one reader posts many times here). */
const post = (settings: Partial<Settings>, input: Parameters<typeof postWithSettings>[1]) =>
  postWithSettings({ rateLimit: null, ...settings }, input);

const avatarOf = async (body: Record<string, unknown>) => {
  const { res, json } = await postComment(body);
  expect(res.status, JSON.stringify(json)).toBeLessThan(300);
  return json.comment.author.avatar as string;
};

describe('avatar seeds (AVATAR_SEED)', () => {
  it('the honeypot answers an avatar that has nothing to do with the e-mail', async () => {
    const email = `victim-${Date.now()}@example.com`;
    const real = await avatarOf({ url: freshPage(), author: { email }, reader: READER_A });
    const probe1 = await avatarOf({ url: freshPage(), author: { email }, reader: READER_A, hp: 'x' });
    const probe2 = await avatarOf({ url: freshPage(), author: { email }, reader: READER_A, hp: 'x' });
    expect(probe1).toMatch(/^[0-9a-f]{16}$/);
    expect(probe1).not.toBe(real);
    expect(probe1).not.toBe(probe2);
  });

  it('by default (reader): the same guest on the same browser keeps an avatar, a stranger typing the address gets another', async () => {
    const email = `zoe-${Date.now()}@example.com`;
    const zoe1 = await avatarOf({ url: freshPage(), author: { email }, reader: READER_A });
    const zoe2 = await avatarOf({ url: freshPage(), author: { email }, reader: READER_A });
    const stranger = await avatarOf({ url: freshPage(), author: { email }, reader: READER_B });
    expect(zoe2).toBe(zoe1);
    expect(stranger).not.toBe(zoe1);
    // Without a reader id nothing ties two comments together: one avatar per comment.
    const bare1 = await avatarOf({ url: freshPage(), author: { email } });
    const bare2 = await avatarOf({ url: freshPage(), author: { email } });
    expect(bare1).not.toBe(bare2);
    expect(bare1).not.toBe(zoe1);
  });

  it('thread: one avatar per guest and page, unlinkable across pages; comment: a new one every time', async () => {
    const email = `leo-${Date.now()}@example.com`;
    const page = freshPage();
    const input = { body: 'x', author: { email }, reader: READER_A };
    const here1 = await post({ avatarSeed: 'thread' }, { ...input, url: page });
    const here2 = await post({ avatarSeed: 'thread' }, { ...input, url: page });
    const there = await post({ avatarSeed: 'thread' }, { ...input, url: freshPage() });
    expect(here2.body.comment.author?.avatar).toBe(here1.body.comment.author?.avatar);
    expect(there.body.comment.author?.avatar).not.toBe(here1.body.comment.author?.avatar);
    const each1 = await post({ avatarSeed: 'comment' }, { ...input, url: page });
    const each2 = await post({ avatarSeed: 'comment' }, { ...input, url: page });
    expect(each1.body.comment.author?.avatar).not.toBe(each2.body.comment.author?.avatar);
  });
});

describe('MODERATION=first-time trusts a proven author only', () => {
  it('holds whoever types an approved address from another browser; publishes its author', async () => {
    const email = `trusted-${Date.now()}@example.com`;
    const first = await post(
      { moderation: 'first-time' },
      { url: freshPage(), body: 'a', author: { email }, reader: READER_A },
    );
    await env.DB.prepare("UPDATE comments SET status = 'approved' WHERE id = ?1")
      .bind(first.body.comment.id)
      .run();
    const impostor = await post(
      { moderation: 'first-time' },
      { url: freshPage(), body: 'b', author: { email }, reader: READER_B },
    );
    expect(impostor.body.comment.status).toBe('pending');
    const noReader = await post(
      { moderation: 'first-time' },
      { url: freshPage(), body: 'c', author: { email } },
    );
    expect(noReader.body.comment.status).toBe('pending');
    const author = await post(
      { moderation: 'first-time' },
      { url: freshPage(), body: 'd', author: { email }, reader: READER_A },
    );
    expect(author.body.comment.status).toBe('approved');
  });
});
