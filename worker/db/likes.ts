/**
 * Likes on comments and pages: one row per (target, reader), so liking twice is liking once. The counter
 * on the comment or thread is recomputed from those rows in the same transaction, so it cannot drift.
 */

export type LikeTarget = { comment: string } | { thread: string };

import { likeStatement } from './daily-stats.ts';
import { THREAD_LIKES_SQL } from './mastodon-links.ts';

const targetOf = (target: LikeTarget): string =>
  'comment' in target ? `c:${target.comment}` : `t:${target.thread}`;

const recount = (db: D1Database, target: LikeTarget): D1PreparedStatement =>
  'comment' in target
    ? db
        .prepare('UPDATE comments SET likes = (SELECT count(*) FROM likes WHERE target = ?1) WHERE id = ?2')
        .bind(targetOf(target), target.comment)
    : db
        // The readers' likes plus the linked toot's favourites and boosts (issue 18, db/mastodon-links.ts).
        .prepare(`UPDATE threads SET likes = ${THREAD_LIKES_SQL} WHERE key = ?2`)
        .bind(targetOf(target), target.thread);

const readBack = (db: D1Database, target: LikeTarget, readerHash: string): D1PreparedStatement =>
  'comment' in target
    ? db
        .prepare(
          `SELECT (SELECT count(*) FROM likes WHERE target = ?1) AS likes,
              EXISTS (SELECT 1 FROM likes WHERE target = ?1 AND reader_hash = ?2) AS liked`,
        )
        .bind(targetOf(target), readerHash)
    : // A page's count is the thread's, which holds the toot's favourites too (recount above).
      db
        .prepare(
          `SELECT coalesce((SELECT likes FROM threads WHERE key = ?3), 0) AS likes,
              EXISTS (SELECT 1 FROM likes WHERE target = ?1 AND reader_hash = ?2) AS liked`,
        )
        .bind(targetOf(target), readerHash, target.thread);

export interface LikeState {
  likes: number;
  liked: boolean;
}

/**
 * Likes (`like = true`) or unlikes a target for a reader; idempotent both ways.
 * `before` runs first in the same transaction (creating the thread of a page liked before any comment).
 */
export const setLike = async (
  db: D1Database,
  target: LikeTarget,
  readerHash: string,
  like: boolean,
  nowIso: string,
  before: D1PreparedStatement[] = [],
): Promise<LikeState> => {
  const change = like
    ? db
        .prepare(
          'INSERT INTO likes (target, reader_hash, created_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING',
        )
        .bind(targetOf(target), readerHash, nowIso)
    : db
        .prepare('DELETE FROM likes WHERE target = ?1 AND reader_hash = ?2')
        .bind(targetOf(target), readerHash);
  const results = await db.batch<{ likes: number; liked: number }>([
    ...before,
    likeStatement(db, targetOf(target), readerHash, like, nowIso),
    change,
    recount(db, target),
    readBack(db, target, readerHash),
  ]);
  const state = results.at(-1)?.results[0];
  return { likes: state?.likes ?? 0, liked: state?.liked === 1 };
};
