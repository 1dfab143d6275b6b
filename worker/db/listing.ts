/**
 * Read-only listings across threads: comment counts for many pages, and the latest approved comments of the
 * site or of one thread (GET /counts, /recent, /feed). They show what GET /threads shows: approved comments
 * whose root is listed (a reply under a root moderated away stays hidden there, so it stays hidden here).
 */
import { PUBLIC_COMMENT_COLUMNS, type PublicCommentRow, type ThreadRow } from './rows.ts';

/** A public comment row with the page it belongs to. */
export interface ListedCommentRow extends PublicCommentRow {
  thread_url: string;
  thread_title: string;
}

/**
 * The stored `comment_count` of each thread key that exists; unknown keys are simply absent.
 * One statement with one bound parameter per key (the caller keeps them under D1's 100-parameter limit).
 * @example await countsByKey(db, ['https://blog.example/a', 'post-42']) // Map { 'post-42' => 3 }
 */
export const countsByKey = async (db: D1Database, keys: readonly string[]): Promise<Map<string, number>> => {
  if (keys.length === 0) return new Map();
  const params = keys.map((_, i) => `?${i + 1}`).join(', ');
  const { results } = await db
    .prepare(`SELECT key, comment_count FROM threads WHERE key IN (${params})`)
    .bind(...keys)
    .all<Pick<ThreadRow, 'key' | 'comment_count'>>();
  return new Map(results.map((row) => [row.key, row.comment_count]));
};

const LISTED_COLUMNS = `${PUBLIC_COMMENT_COLUMNS}, t.url AS thread_url, t.title AS thread_title`;

// Newest first through the partial index of approved comments: stops after ?1 matches. The root check is
// one lookup by the unique id index per row.
const SITE_SQL = `SELECT ${LISTED_COLUMNS} FROM comments c JOIN threads t ON t.id = c.thread_id
  WHERE c.status = 'approved'
    AND EXISTS (SELECT 1 FROM comments r WHERE r.id = c.root_id AND r.listed = 1)
  ORDER BY c.seq DESC LIMIT ?1`;

/** The site's latest approved comments, newest first. */
export const latestComments = async (db: D1Database, limit: number): Promise<ListedCommentRow[]> =>
  (await db.prepare(SITE_SQL).bind(limit).all<ListedCommentRow>()).results;

// Newest first through the thread's partial index of approved comments: stops after ?2 matches.
const THREAD_SQL = `SELECT ${LISTED_COLUMNS} FROM comments c JOIN threads t ON t.id = c.thread_id
  WHERE c.thread_id = (SELECT id FROM threads WHERE key = ?1) AND c.status = 'approved'
    AND EXISTS (SELECT 1 FROM comments r WHERE r.id = c.root_id AND r.listed = 1)
  ORDER BY c.seq DESC LIMIT ?2`;

export interface ThreadListing {
  /** With `created_at`: an empty feed dates itself from the thread's creation. */
  thread: (ThreadRow & { created_at: string }) | null;
  rows: ListedCommentRow[];
}

/** One thread (or `null` when nobody has commented on the page) and its latest approved comments. */
export const latestThreadComments = async (
  db: D1Database,
  key: string,
  limit: number,
): Promise<ThreadListing> => {
  const [threadResult, rowsResult] = await db.batch([
    db.prepare('SELECT * FROM threads WHERE key = ?1').bind(key),
    db.prepare(THREAD_SQL).bind(key, limit),
  ]);
  return {
    thread: (threadResult?.results[0] as ThreadListing['thread'] | undefined) ?? null,
    rows: (rowsResult?.results ?? []) as ListedCommentRow[],
  };
};
