/**
 * The replies of one tree after a seq, for GET /threads/replies: a keyset range of `comments_by_root`
 * (root_id, seq), in creation order, so a parent always comes before its replies. One round trip: the
 * root (it must be a listed root of this thread) and the range.
 */
import { PUBLIC_COMMENT_COLUMNS, type PublicCommentRow } from './rows.ts';

const ROOT_SQL = `SELECT c.seq FROM comments c WHERE c.id = ?2 AND c.parent_id IS NULL AND c.listed = 1
  AND c.thread_id = (SELECT id FROM threads WHERE key = ?1)`;

// ?1 root id, ?2 after this seq, ?3 how many (one more than asked: it tells whether more follow).
const REPLIES_SQL = `SELECT ${PUBLIC_COMMENT_COLUMNS} FROM comments c
  WHERE c.root_id = ?1 AND c.listed = 1 AND c.seq > ?2 AND c.parent_id IS NOT NULL ORDER BY c.seq LIMIT ?3`;

export interface TreeReplies {
  /** `false` when the thread has no listed root with this id. */
  rootFound: boolean;
  /** Up to `limit + 1` replies in creation order. */
  rows: PublicCommentRow[];
  rowsRead: number;
}

export const readTreeReplies = async (
  db: D1Database,
  key: string,
  rootId: string,
  after: number,
  limit: number,
): Promise<TreeReplies> => {
  const [root, replies] = await db.batch<PublicCommentRow>([
    db.prepare(ROOT_SQL).bind(key, rootId),
    db.prepare(REPLIES_SQL).bind(rootId, after, limit + 1),
  ]);
  return {
    rootFound: (root?.results.length ?? 0) > 0,
    rows: replies?.results ?? [],
    rowsRead: (root?.meta.rows_read ?? 0) + (replies?.meta.rows_read ?? 0),
  };
};
