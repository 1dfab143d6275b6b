/**
 * The statements that keep daily_stats (migration 0012) in step with every write: each goes in the same
 * db.batch as the write it counts, before it (it reads the comment or like as it still is), and writes ONE
 * row: the day and thread of the comment (or like). D1 bills rows written (Free plan: 100,000 a day,
 * https://developers.cloudflare.com/d1/platform/pricing/), so a count is one upsert, never a recount.
 */
import { bucketOf, MODERATION_BUCKETS } from '../lib/moderation-buckets.ts';
import type { AdminStatus as CommentStatusValue } from '../types/api.ts';

type CountColumn = 'published' | 'held' | 'spam';

/** The column a comment of this status counts in; a deleted one counts nowhere. */
const COLUMN: Record<CommentStatusValue, CountColumn | null> = {
  approved: 'published',
  pending: 'held',
  spam: 'spam',
  deleted: null,
};

const COUNT_COLUMNS: readonly CountColumn[] = ['published', 'held', 'spam'];

const addExcluded = (columns: readonly string[]): string =>
  columns.map((column) => `${column} = ${column} + excluded.${column}`).join(', ');

export interface StatusMove {
  commentId: string;
  from: CommentStatusValue;
  /** `null`: the comment goes for good (an erase). */
  to: CommentStatusValue | null;
  /** The owner decided on a held comment: its wait goes into the histogram. */
  decided?: { createdAt: string; at: Date } | undefined;
}

/**
 * Moves the comment's count from the column of `from` to that of `to`, on the day it was written; nothing
 * unless the comment still has status `from` when the statement runs (the same guard as db/moderation.ts,
 * so two racing decisions count once).
 */
export const statusMoveStatement = (db: D1Database, move: StatusMove): D1PreparedStatement | null => {
  const delta = (column: CountColumn) =>
    Number(COLUMN[move.to ?? 'deleted'] === column) - Number(COLUMN[move.from] === column);
  const columns: string[] = [...COUNT_COLUMNS];
  const values = COUNT_COLUMNS.map(delta);
  if (move.decided && move.from === 'pending') {
    const waited = (move.decided.at.getTime() - Date.parse(move.decided.createdAt)) / 1000;
    columns.push(bucketOf(waited).column);
    values.push(1);
  }
  if (values.every((value) => value === 0)) return null;
  return db
    .prepare(
      `INSERT INTO daily_stats (day, thread_id, ${columns.join(', ')})
       SELECT date(created_at), thread_id, ${values.map((value) => `${value}`).join(', ')}
       FROM comments WHERE id = ?1 AND status = ?2
       ON CONFLICT (day, thread_id) DO UPDATE SET ${addExcluded(columns)}`,
    )
    .bind(move.commentId, move.from);
};

/** A comment just inserted (its id is new, so a row with it is this batch's own insert). */
export const newCommentStatement = (db: D1Database, commentId: string): D1PreparedStatement =>
  db
    .prepare(
      `INSERT INTO daily_stats (day, thread_id, published, held, spam)
       SELECT date(created_at), thread_id, status = 'approved', status = 'pending', status = 'spam'
       FROM comments WHERE id = ?1 AND status <> 'deleted'
       ON CONFLICT (day, thread_id) DO UPDATE SET ${addExcluded(COUNT_COLUMNS)}`,
    )
    .bind(commentId);

/** An import's batch: one upsert per (day, thread) it wrote into, whatever the number of comments. */
export const importedCommentsStatement = (db: D1Database, commentIds: string[]): D1PreparedStatement =>
  db
    .prepare(
      `INSERT INTO daily_stats (day, thread_id, published, held, spam)
       SELECT date(created_at), thread_id, sum(status = 'approved'), sum(status = 'pending'), sum(status = 'spam')
       FROM comments WHERE id IN (SELECT value FROM json_each(?1)) AND status <> 'deleted'
       GROUP BY date(created_at), thread_id
       ON CONFLICT (day, thread_id) DO UPDATE SET ${addExcluded(COUNT_COLUMNS)}`,
    )
    .bind(JSON.stringify(commentIds));

/**
 * A like given (counted on today's row) or taken back (off the row of the day it was given), for the
 * target as `likes.target` spells it (`c:<comment id>` or `t:<thread key>`). Runs before the like's own
 * insert or delete: it counts only a like that is really new, or really goes.
 */
export const likeStatement = (
  db: D1Database,
  target: string,
  readerHash: string,
  like: boolean,
  nowIso: string,
): D1PreparedStatement => {
  const column = target.startsWith('t:') ? 'page_likes' : 'comment_likes';
  const thread = target.startsWith('t:')
    ? '(SELECT id FROM threads WHERE key = substr(?1, 3))'
    : '(SELECT thread_id FROM comments WHERE id = substr(?1, 3))';
  const existing = 'SELECT 1 FROM likes WHERE target = ?1 AND reader_hash = ?2';
  if (like) {
    return db
      .prepare(
        `INSERT INTO daily_stats (day, thread_id, ${column})
         SELECT date(?3), ${thread}, 1 WHERE ${thread} IS NOT NULL AND NOT EXISTS (${existing})
         ON CONFLICT (day, thread_id) DO UPDATE SET ${column} = ${column} + 1`,
      )
      .bind(target, readerHash, nowIso);
  }
  return db
    .prepare(
      `UPDATE daily_stats SET ${column} = ${column} - 1
       WHERE day = (SELECT date(created_at) FROM likes WHERE target = ?1 AND reader_hash = ?2)
         AND thread_id = ${thread}`,
    )
    .bind(target, readerHash);
};

const ALL_COLUMNS = [
  ...COUNT_COLUMNS,
  'page_likes',
  'comment_likes',
  ...MODERATION_BUCKETS.map((bucket) => bucket.column),
];

/** A thread merged into another (db/admin-threads.ts): its rows are added to the other's, then dropped. */
export const mergeStatsStatements = (
  db: D1Database,
  fromId: number,
  intoId: number,
): D1PreparedStatement[] => [
  db
    .prepare(
      `INSERT INTO daily_stats (day, thread_id, ${ALL_COLUMNS.join(', ')})
       SELECT day, ?2, ${ALL_COLUMNS.join(', ')} FROM daily_stats WHERE thread_id = ?1
       ON CONFLICT (day, thread_id) DO UPDATE SET ${addExcluded(ALL_COLUMNS)}`,
    )
    .bind(fromId, intoId),
  db.prepare('DELETE FROM daily_stats WHERE thread_id = ?1').bind(fromId),
];
