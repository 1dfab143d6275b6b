/**
 * The account side of identity (issue 13): an account's identities, its own comments, and the statements
 * that ban it or erase it. The session and sign-in queries are sessions.ts and users.ts.
 */
import { PUBLIC_COMMENT_COLUMNS, type PublicCommentRow } from './rows.ts';
import { deleteUserFollowsStatement } from './thread-follows.ts';
import type { UserRow } from './users.ts';

export const listIdentities = async (
  db: D1Database,
  userId: string,
): Promise<Array<{ provider: string; subject: string }>> => {
  const { results } = await db
    .prepare('SELECT provider, subject FROM identities WHERE user_id = ?1')
    .bind(userId)
    .all<{ provider: string; subject: string }>();
  return results;
};

export interface OwnCommentRow extends PublicCommentRow {
  body: string;
  thread_key: string;
  thread_url: string;
  thread_title: string;
}

/** The account's comments newest first, deleted placeholders left out; `before` is the last page's `seq`. */
export const listOwnComments = async (
  db: D1Database,
  userId: string,
  options: { before: number | null; limit: number },
): Promise<OwnCommentRow[]> => {
  const { results } = await db
    .prepare(
      `SELECT ${PUBLIC_COMMENT_COLUMNS}, c.body, t.key AS thread_key, t.url AS thread_url, t.title AS thread_title
       FROM comments c JOIN threads t ON t.id = c.thread_id
       WHERE c.user_id = ?1 AND c.status != 'deleted' AND (?2 IS NULL OR c.seq < ?2)
       ORDER BY c.seq DESC LIMIT ?3`,
    )
    .bind(userId, options.before, options.limit)
    .all<OwnCommentRow>();
  return results;
};

/** "first-time" moderation for an account: one row when it has had a comment approved before. */
export const approvedAccountCommentStatement = (db: D1Database, userId: string): D1PreparedStatement =>
  db.prepare("SELECT 1 FROM comments WHERE user_id = ?1 AND status = 'approved' LIMIT 1").bind(userId);

/** "first-time" moderation for an account: has it had a comment approved before? */
export const hasApprovedAccountComment = async (db: D1Database, userId: string): Promise<boolean> =>
  (await approvedAccountCommentStatement(db, userId).first()) !== null;

/** A banned account as GET /admin/bans lists it. */
export interface BannedUserRow {
  id: string;
  banned_at: string;
  ban_reason: string | null;
}

/** Accounts banned, newest first (GET /admin/bans lists them beside the other bans). */
export const listBannedUsers = async (db: D1Database, limit: number): Promise<BannedUserRow[]> => {
  const { results } = await db
    .prepare(
      'SELECT id, banned_at, ban_reason FROM users WHERE banned_at IS NOT NULL ORDER BY banned_at DESC, id LIMIT ?1',
    )
    .bind(limit)
    .all<BannedUserRow>();
  return results;
};

export const findBannedUser = (db: D1Database, userId: string): Promise<BannedUserRow | null> =>
  db
    .prepare('SELECT id, banned_at, ban_reason FROM users WHERE id = ?1 AND banned_at IS NOT NULL')
    .bind(userId)
    .first<BannedUserRow>();

/** Bans the account (`at`, with the owner's reason) or lifts its ban (`null`). */
export const setBanned = (
  db: D1Database,
  userId: string,
  ban: { at: string; reason: string | null } | null,
): D1PreparedStatement =>
  db
    .prepare('UPDATE users SET banned_at = ?2, ban_reason = ?3 WHERE id = ?1')
    .bind(userId, ban?.at ?? null, ban?.reason ?? null);

/** Every session of the account ends at once (a ban, an erasure): revoked, so a replayed token is a 401. */
export const revokeSessionsStatement = (db: D1Database, userId: string, now: string): D1PreparedStatement =>
  db
    .prepare('UPDATE sessions SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL')
    .bind(userId, now);

/** The comment's account, when a signed-in reader wrote it. */
export const commentUserId = async (db: D1Database, commentId: string): Promise<string | null> =>
  (
    await db
      .prepare('SELECT user_id FROM comments WHERE id = ?1')
      .bind(commentId)
      .first<{ user_id: string | null }>()
  )?.user_id ?? null;

/** The threads the account has comments in (their cached pages go once it is erased). */
export const accountThreadKeys = async (db: D1Database, userId: string): Promise<string[]> => {
  const { results } = await db
    .prepare(
      'SELECT DISTINCT t.key FROM comments c JOIN threads t ON t.id = c.thread_id WHERE c.user_id = ?1',
    )
    .bind(userId)
    .all<{ key: string }>();
  return results.map((row) => row.key);
};

/**
 * One pass of an erasure (DELETE /me): the account's comments that no listed reply hangs from, and the
 * deleted placeholders (`parents`, from the previous pass) left without replies. Erased together with
 * their likes, each approved one taking its count off its thread and its parent, in one batch.
 */
export const erasableLeaves = async (
  db: D1Database,
  userId: string,
  parents: string[],
): Promise<Array<{ id: string; parent_id: string | null; status: string }>> => {
  const { results } = await db
    .prepare(
      `SELECT id, parent_id, status FROM comments
       WHERE reply_count = 0
         AND (user_id = ?1 OR (status = 'deleted' AND id IN (SELECT value FROM json_each(?2))))`,
    )
    .bind(userId, JSON.stringify(parents))
    .all<{ id: string; parent_id: string | null; status: string }>();
  return results;
};

/** Erases these comments (ids as one JSON parameter: D1 binds at most 100) and moves the counters. */
export const eraseLeavesStatements = (db: D1Database, ids: string[]): D1PreparedStatement[] => {
  const list = JSON.stringify(ids);
  const approved = `SELECT id FROM comments WHERE id IN (SELECT value FROM json_each(?1)) AND status = 'approved'`;
  return [
    db
      .prepare(
        `UPDATE threads SET comment_count = max(0, comment_count -
           (SELECT count(*) FROM comments c WHERE c.thread_id = threads.id AND c.id IN (${approved})))
         WHERE id IN (SELECT thread_id FROM comments WHERE id IN (${approved}))`,
      )
      .bind(list),
    db
      .prepare(
        `UPDATE comments SET reply_count = max(0, reply_count -
           (SELECT count(*) FROM comments c WHERE c.parent_id = comments.id AND c.id IN (${approved})))
         WHERE id IN (SELECT parent_id FROM comments WHERE id IN (${approved}))`,
      )
      .bind(list),
    db.prepare(`DELETE FROM likes WHERE target IN (SELECT 'c:' || value FROM json_each(?1))`).bind(list),
    db.prepare('DELETE FROM comments WHERE id IN (SELECT value FROM json_each(?1))').bind(list),
  ];
};

/**
 * The account's remaining comments (each with listed replies) become anonymous placeholders, as a reader's
 * own delete leaves them (db/edits.ts): the approved ones leave their thread's count.
 */
export const placeholderAccountStatements = (db: D1Database, userId: string): D1PreparedStatement[] => [
  db
    .prepare(
      `UPDATE threads SET comment_count = max(0, comment_count -
         (SELECT count(*) FROM comments c WHERE c.thread_id = threads.id AND c.user_id = ?1 AND c.status = 'approved'))
       WHERE id IN (SELECT thread_id FROM comments WHERE user_id = ?1 AND status = 'approved')`,
    )
    .bind(userId),
  db
    .prepare(
      `UPDATE comments SET status = 'deleted', body = '', html = '', author_name = NULL, author_email = NULL,
         author_website = NULL, ip_hash = NULL, reader_hash = NULL, notify = 0, client_id = NULL,
         user_id = NULL, author_provider = NULL
       WHERE user_id = ?1`,
    )
    .bind(userId),
];

/**
 * The account itself: its names, identities and sessions, and its row. A banned account keeps its row
 * and identities, emptied of name, address and avatar, so that signing in again finds the ban.
 */
export const eraseAccountStatements = (db: D1Database, user: UserRow): D1PreparedStatement[] => {
  const common = [
    db.prepare('DELETE FROM account_names WHERE user_id = ?1').bind(user.id),
    db.prepare('DELETE FROM sessions WHERE user_id = ?1').bind(user.id),
    // Issue 17: the threads the account followed with its address.
    deleteUserFollowsStatement(db, user.id),
  ];
  if (user.banned_at !== null) {
    return [
      ...common,
      db.prepare("UPDATE users SET name = '', email = NULL, avatar_url = NULL WHERE id = ?1").bind(user.id),
    ];
  }
  return [
    ...common,
    db.prepare('DELETE FROM identities WHERE user_id = ?1').bind(user.id),
    db.prepare('DELETE FROM users WHERE id = ?1').bind(user.id),
  ];
};
