import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { admin, freshPage, getThread, postJson } from './helpers.ts';

/** A real failure inside the batch: a trigger that aborts the audit insert of one comment. */
const failAuditOf = (commentId: string) =>
  env.DB.exec(
    `CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log WHEN NEW.comment_id = '${commentId}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
  );

afterEach(async () => {
  await env.DB.exec('DROP TRIGGER IF EXISTS fail_audit');
});

const post = async (url: string, parentId?: string): Promise<string> => {
  const res = await postJson('/api/v1/comments', {
    url,
    body: 'à modérer',
    ...(parentId ? { parentId } : {}),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { comment: { id: string } }).comment.id;
};

/** What an admin and a reader can see of a thread: statuses, the count, the audit entries. */
const snapshot = async (url: string, ids: string[]) => {
  const queue = await admin('GET', `/comments?status=all&url=${encodeURIComponent(url)}`);
  const audits = await Promise.all(ids.map((id) => admin('GET', `/audit?commentId=${id}`)));
  const thread = await getThread(`url=${encodeURIComponent(url)}`);
  return {
    statuses: Object.fromEntries(
      (queue.json.comments as { id: string; status: string }[]).map((c) => [c.id, c.status]),
    ),
    audit: audits.map((a) => a.json.entries.length),
    commentCount: thread.json.thread.commentCount,
    listed: (thread.json.comments as unknown[]).length,
  };
};

describe('a moderation action that fails half-way', () => {
  it('leaves a single status change undone, counters and audit included', async () => {
    const url = freshPage();
    const root = await post(url);
    const reply = await post(url, root);
    const before = await snapshot(url, [root, reply]);
    await failAuditOf(reply);
    expect((await admin('PATCH', `/comments/${reply}`, { status: 'spam' })).res.status).toBe(503);
    expect(await snapshot(url, [root, reply])).toEqual(before);
    // The same action without the failure goes through: the snapshot could see a change.
    await env.DB.exec('DROP TRIGGER fail_audit');
    expect((await admin('PATCH', `/comments/${reply}`, { status: 'spam' })).res.status).toBe(200);
    expect(await snapshot(url, [root, reply])).not.toEqual(before);
  });

  it('leaves an erase undone', async () => {
    const url = freshPage();
    const root = await post(url);
    const reply = await post(url, root);
    const before = await snapshot(url, [root, reply]);
    await failAuditOf(reply);
    expect((await admin('DELETE', `/comments/${reply}`)).res.status).toBe(503);
    expect(await snapshot(url, [root, reply])).toEqual(before);
    await env.DB.exec('DROP TRIGGER fail_audit');
    expect((await admin('DELETE', `/comments/${reply}`)).res.status).toBe(204);
    expect(await snapshot(url, [root, reply])).not.toEqual(before);
  });

  it('leaves a whole bulk action undone when its last comment fails', async () => {
    const url = freshPage();
    const ids = [await post(url), await post(url), await post(url)];
    const before = await snapshot(url, ids);
    await failAuditOf(ids[2] as string);
    for (const action of ['spam', 'delete']) {
      expect((await admin('POST', '/comments/bulk', { ids, action })).res.status).toBe(503);
      expect(await snapshot(url, ids)).toEqual(before);
    }
    await env.DB.exec('DROP TRIGGER fail_audit');
    expect((await admin('POST', '/comments/bulk', { ids, action: 'spam' })).json).toEqual({ updated: 3 });
    expect(await snapshot(url, ids)).toMatchObject({ commentCount: 0, audit: [1, 1, 1] });
  });
});
