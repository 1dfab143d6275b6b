/**
 * The owner's view of threads: listing, locking, retitling, and moving a thread to a new URL, merging it
 * into the thread already there if there is one (a site that changed its URLs often has both).
 */
import { mergeStatsStatements } from './daily-stats.ts';
import { THREAD_LIKES_SQL } from './mastodon-links.ts';
import type { ThreadRow } from './rows.ts';

export interface AdminThreadRow extends ThreadRow {
  created_at: string;
  pending: number;
}

const ADMIN_THREAD_SQL = `SELECT t.*,
  (SELECT count(*) FROM comments WHERE thread_id = t.id AND status = 'pending') AS pending FROM threads t`;

/** Newest threads first; `before` is the id the previous page ended at. */
export const listThreads = async (
  db: D1Database,
  options: { before: number | null; limit: number },
): Promise<AdminThreadRow[]> => {
  const { results } = await db
    .prepare(`${ADMIN_THREAD_SQL} WHERE ?1 IS NULL OR t.id < ?1 ORDER BY t.id DESC LIMIT ?2`)
    .bind(options.before, options.limit)
    .all<AdminThreadRow>();
  return results;
};

export const findAdminThread = (db: D1Database, key: string): Promise<AdminThreadRow | null> =>
  db.prepare(`${ADMIN_THREAD_SQL} WHERE t.key = ?1`).bind(key).first<AdminThreadRow>();

/** Lock and title changes; a field left `undefined` keeps its value. */
export const threadUpdate = (
  db: D1Database,
  id: number,
  change: { locked?: boolean | undefined; title?: string | undefined },
): D1PreparedStatement =>
  db
    .prepare('UPDATE threads SET locked = coalesce(?2, locked), title = coalesce(?3, title) WHERE id = ?1')
    .bind(id, change.locked === undefined ? null : Number(change.locked), change.title ?? null);

/**
 * Gives a thread a new URL and key. Page likes are keyed `t:<thread key>` (likes.ts): they follow it.
 * The caller has checked that no other thread has `key`.
 */
export const moveStatements = (
  db: D1Database,
  thread: ThreadRow,
  to: { key: string; url: string },
): D1PreparedStatement[] => [
  db.prepare('UPDATE threads SET key = ?2, url = ?3 WHERE id = ?1').bind(thread.id, to.key, to.url),
  db.prepare('UPDATE likes SET target = ?2 WHERE target = ?1').bind(`t:${thread.key}`, `t:${to.key}`),
];

/**
 * Merges thread `from` into `into` and deletes `from`: its comments, counters and page likes move over.
 * Trees keep their order within each thread; the older thread's trees come first (root ordinals of the
 * newer one are shifted past the older one's, migration 0003), so "oldest" reads in creation order.
 * Counters are added inside the transaction from the rows themselves, so a concurrent post is not lost.
 */
export const mergeStatements = (db: D1Database, from: AdminThreadRow, into: AdminThreadRow) => {
  const [older, newer] = from.created_at <= into.created_at ? [from, into] : [into, from];
  return [
    db
      .prepare(
        'UPDATE comments SET tree_no = tree_no + (SELECT roots_total FROM threads WHERE id = ?1) WHERE thread_id = ?2',
      )
      .bind(older.id, newer.id),
    db
      .prepare(
        `UPDATE threads SET
           comment_count = comment_count + (SELECT comment_count FROM threads WHERE id = ?1),
           roots_total = roots_total + (SELECT roots_total FROM threads WHERE id = ?1),
           title = CASE WHEN title = '' THEN (SELECT title FROM threads WHERE id = ?1) ELSE title END,
           created_at = min(created_at, (SELECT created_at FROM threads WHERE id = ?1))
         WHERE id = ?2`,
      )
      .bind(from.id, into.id),
    db.prepare('UPDATE comments SET thread_id = ?2 WHERE thread_id = ?1').bind(from.id, into.id),
    // The imported Mastodon statuses' records follow their comments (issue 18, migration 0019).
    db.prepare('UPDATE mastodon_statuses SET thread_id = ?2 WHERE thread_id = ?1').bind(from.id, into.id),
    db
      .prepare(
        `INSERT OR IGNORE INTO likes (target, reader_hash, created_at)
         SELECT ?2, reader_hash, created_at FROM likes WHERE target = ?1`,
      )
      .bind(`t:${from.key}`, `t:${into.key}`),
    db.prepare('DELETE FROM likes WHERE target = ?1').bind(`t:${from.key}`),
    db
      // The readers' likes plus `into`'s toot favourites (issue 18); `from`'s link goes with its thread.
      .prepare(`UPDATE threads SET likes = ${THREAD_LIKES_SQL} WHERE id = ?1`)
      .bind(into.id),
    ...mergeStatsStatements(db, from.id, into.id),
    db.prepare('DELETE FROM threads WHERE id = ?1').bind(from.id),
  ];
};
