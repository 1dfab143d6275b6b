import { describe, expect, it } from 'vitest';
import { admin, freshPage, getThread, postWithSettings, setStatus } from './helpers.ts';

const post = postWithSettings;

describe('moderation modes', () => {
  it('none publishes at once', async () => {
    const result = await post({ moderation: 'none' }, { url: freshPage(), body: 'x' });
    expect(result.body.comment.status).toBe('approved');
  });

  it('all holds every comment as pending: shown to its author only, not counted', async () => {
    const url = freshPage();
    const result = await post({ moderation: 'all' }, { url, body: 'held' });
    expect(result.body.comment.status).toBe('pending');
    const { json } = await getThread(`url=${encodeURIComponent(url)}`);
    expect(json.comments).toHaveLength(0);
    expect(json.thread.commentCount).toBe(0);
  });

  it('first-time holds a comment until its author has one approved', async () => {
    const email = `new-${Date.now()}@example.com`;
    const first = await post(
      { moderation: 'first-time' },
      { url: freshPage(), body: 'a', author: { email }, reader: 'reader-moderation' },
    );
    expect(first.body.comment.status).toBe('pending');
    await setStatus(first.body.comment.id, 'approved');
    const second = await post(
      { moderation: 'first-time' },
      { url: freshPage(), body: 'b', author: { email: email.toUpperCase() }, reader: 'reader-moderation' },
    );
    expect(second.body.comment.status).toBe('approved');
    const anonymous = await post({ moderation: 'first-time' }, { url: freshPage(), body: 'c' });
    expect(anonymous.body.comment.status).toBe('pending');
  });

  it('refuses a comment on a locked thread with 409', async () => {
    const url = freshPage();
    await post({}, { url, body: 'before the lock' });
    expect((await admin('PATCH', '/threads', { key: url, locked: true })).res.status).toBe(200);
    await expect(post({}, { url, body: 'after' })).rejects.toMatchObject({
      code: 'thread_locked',
      status: 409,
    });
  });
});
