/**
 * Thread follows (migration 0017): who follows which thread by e-mail, and each follow's cursor. The
 * comments a follower has not been sent are read from `comments` by seq, so a new comment writes nothing
 * here (issue 17: D1 writes per comment stay O(1), whatever the number of followers).
 */

export interface FollowInput {
  id: string;
  threadId: number;
  email: string;
  addressHash: string;
  userId: string | null;
  lang: string;
  /** The worker's origin, for the links of the e-mails the cron sends. */
  origin: string;
  now: string;
}

/**
 * Starts following, the cursor at the newest comment so far (only later ones are mailed). Following again
 * keeps the cursor and the id (its unsubscribe link stays good); it records the account when one vouches
 * for the address now, and the language of the latest request.
 * @returns the follow's id.
 */
export const upsertFollow = async (db: D1Database, input: FollowInput): Promise<string> => {
  const row = await db
    .prepare(
      `INSERT INTO thread_follows (id, thread_id, email, address_hash, user_id, lang, origin, created_at, last_seq)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, (SELECT coalesce(max(seq), 0) FROM comments))
       ON CONFLICT (thread_id, address_hash) DO UPDATE SET
         user_id = coalesce(excluded.user_id, thread_follows.user_id), lang = excluded.lang,
         origin = excluded.origin
       RETURNING id`,
    )
    .bind(
      input.id,
      input.threadId,
      input.email,
      input.addressHash,
      input.userId,
      input.lang,
      input.origin,
      input.now,
    )
    .first<{ id: string }>();
  return row?.id ?? input.id;
};

/** Stops one follow (its unsubscribe link); idempotent. */
export const deleteFollow = (db: D1Database, id: string): Promise<D1Result> =>
  db.prepare('DELETE FROM thread_follows WHERE id = ?1').bind(id).run();

/** Stops the follow of this address on this thread (`DELETE /threads/follow`); idempotent. */
export const deleteThreadFollow = (
  db: D1Database,
  threadId: number,
  addressHash: string,
): Promise<D1Result> =>
  db
    .prepare('DELETE FROM thread_follows WHERE thread_id = ?1 AND address_hash = ?2')
    .bind(threadId, addressHash)
    .run();

/** An account's follows go with the account (DELETE /me). */
export const deleteUserFollowsStatement = (db: D1Database, userId: string): D1PreparedStatement =>
  db.prepare('DELETE FROM thread_follows WHERE user_id = ?1').bind(userId);

/** Unconfirmed guests' follows older than the confirmation link's life: that link can no longer help. */
export const deleteStaleFollows = (db: D1Database, beforeIso: string): Promise<D1Result> =>
  db
    .prepare(
      `DELETE FROM thread_follows WHERE user_id IS NULL AND created_at < ?1 AND NOT EXISTS (
         SELECT 1 FROM confirmed_addresses a WHERE a.address_hash = thread_follows.address_hash
           AND a.confirmed_at IS NOT NULL)`,
    )
    .bind(beforeIso)
    .run();

export interface DueFollowRow {
  id: string;
  thread_id: number;
  email: string;
  user_id: string | null;
  lang: string;
  origin: string;
  last_seq: number;
  thread_url: string;
  thread_title: string;
}

/**
 * What a follower is mailed: not their own comments (their account wrote it, or it carries their address),
 * and no like or repost from the open web (migration 0016: a face, not words). Shared by the two reads
 * below (`f` the follow, `c` the comment).
 */
const NOT_OWN = `(c.user_id IS NULL OR f.user_id IS NULL OR c.user_id <> f.user_id)
  AND (c.author_email IS NULL OR lower(c.author_email) <> f.email)
  AND (c.source_type IS NULL OR c.source_type = 'reply')`;

/**
 * The follows to mail now: vouched for (an account, or a confirmed address), nothing sent since
 * `sentBeforeIso` (the FOLLOW_DIGEST_MINUTES window), and an approved comment of someone else past the
 * cursor (comments_approved_by_thread answers that).
 */
export const dueFollows = async (
  db: D1Database,
  sentBeforeIso: string,
  limit: number,
): Promise<DueFollowRow[]> =>
  (
    await db
      .prepare(
        `SELECT f.id, f.thread_id, f.email, f.user_id, f.lang, f.origin, f.last_seq, t.url AS thread_url,
                t.title AS thread_title
         FROM thread_follows f JOIN threads t ON t.id = f.thread_id
         WHERE (f.last_sent_at IS NULL OR f.last_sent_at <= ?1)
           AND (f.user_id IS NOT NULL OR EXISTS (SELECT 1 FROM confirmed_addresses a
                  WHERE a.address_hash = f.address_hash AND a.confirmed_at IS NOT NULL))
           AND EXISTS (SELECT 1 FROM comments c WHERE c.thread_id = f.thread_id AND c.status = 'approved'
                  AND c.seq > f.last_seq AND ${NOT_OWN})
         ORDER BY f.last_sent_at IS NOT NULL, f.last_sent_at LIMIT ?2`,
      )
      .bind(sentBeforeIso, limit)
      .all<DueFollowRow>()
  ).results;

export interface FollowedCommentRow {
  seq: number;
  id: string;
  author_name: string | null;
  body: string;
  html: string;
}

/** The approved comments of others past the follow's cursor, oldest first. */
export const commentsAfter = async (
  db: D1Database,
  follow: Pick<DueFollowRow, 'thread_id' | 'last_seq' | 'email' | 'user_id'>,
  limit: number,
): Promise<FollowedCommentRow[]> =>
  (
    await db
      .prepare(
        `SELECT c.seq, c.id, c.author_name, c.body, c.html
         FROM comments c, (SELECT ?3 AS email, ?4 AS user_id) f
         WHERE c.thread_id = ?1 AND c.status = 'approved' AND c.seq > ?2 AND ${NOT_OWN}
         ORDER BY c.seq LIMIT ?5`,
      )
      .bind(follow.thread_id, follow.last_seq, follow.email, follow.user_id, limit)
      .all<FollowedCommentRow>()
  ).results;

/** Moves the cursor past what was just mailed, and starts the next window. */
export const markFollowSent = (
  db: D1Database,
  id: string,
  lastSeq: number,
  sentAt: string,
): Promise<D1Result> =>
  db
    .prepare('UPDATE thread_follows SET last_seq = max(last_seq, ?2), last_sent_at = ?3 WHERE id = ?1')
    .bind(id, lastSeq, sentAt)
    .run();
