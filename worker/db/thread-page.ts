/**
 * One page of a thread for GET /threads, in one round trip: the thread row, then one statement that
 * picks the page's roots through a partial index and fetches their whole trees through another.
 * Its cost follows the size of the page, not of the thread (DESIGN.md's budget).
 */
import type { Cursor } from '../lib/cursor.ts';
import type { SortOrder } from '../types/api.ts';
import { PUBLIC_COMMENT_COLUMNS, type PublicCommentRow, type ThreadRow } from './rows.ts';

/** Keyset conditions and orders per sort; `?A` is the seq bound, `?B` the likes bound of one pinned group. */
const ORDERS: Record<SortOrder, { after: string; order: string }> = {
  oldest: { after: 'seq > ?A', order: 'seq' },
  newest: { after: 'seq < ?A', order: 'seq DESC' },
  // Top: most liked first, then the newest among equals.
  top: { after: '(likes, seq) < (?B, ?A)', order: 'likes DESC, seq DESC' },
};

const group = (sort: SortOrder, pinned: 0 | 1, seqParam: number, likesParam: number): string => {
  const { after, order } = ORDERS[sort];
  const condition = after.replace('?A', `?${seqParam}`).replace('?B', `?${likesParam}`);
  // Each pinned group is its own range scan of the index; a mixed-direction ORDER BY could not use one.
  return `SELECT * FROM (SELECT id FROM comments WHERE thread_id = (SELECT id FROM t)
    AND parent_id IS NULL AND listed = 1 AND pinned = ${pinned} AND ${condition} ORDER BY ${order} LIMIT ?6)`;
};

const pageSql = (sort: SortOrder): string => `
WITH t AS (SELECT id FROM threads WHERE key = ?1),
roots AS MATERIALIZED (
  SELECT id, row_number() OVER () AS rn FROM (
    ${group(sort, 1, 2, 3)}
    UNION ALL
    ${group(sort, 0, 4, 5)}
    LIMIT ?6))
-- The (limit + 1)th root only tells that there is more: the join skips its tree.
SELECT ${PUBLIC_COMMENT_COLUMNS}, r.rn FROM roots r
  LEFT JOIN comments c ON r.rn < ?6 AND c.root_id = r.id AND c.listed = 1`;

export const PAGE_SQL: Record<SortOrder, string> = {
  oldest: pageSql('oldest'),
  newest: pageSql('newest'),
  top: pageSql('top'),
};

/** Bounds that let every row of a group through, or none of it. */
const OPEN = Number.MAX_SAFE_INTEGER;
const openBound = (sort: SortOrder): number => (sort === 'oldest' ? 0 : OPEN);
const closedBound = (sort: SortOrder): number => (sort === 'oldest' ? OPEN : 0);

/** A page row; the extra root that only says "there is more" comes back as a row of nulls but `rn`. */
type PageRow = (PublicCommentRow | { [K in keyof PublicCommentRow]: null }) & { rn: number };

export interface PageResult {
  thread: ThreadRow | null;
  /** The page's roots and replies, ordered: each root, then its tree in creation order. */
  rows: PublicCommentRow[];
  /** Where the next page starts, or `null` when this page is the last. */
  next: Cursor | null;
  /** D1's `meta.rows_read` for both statements: what the read cost (the benchmark reports it). */
  rowsRead: number;
}

export const readThreadPage = async (
  db: D1Database,
  key: string,
  sort: SortOrder,
  limit: number,
  cursor: Cursor | null,
): Promise<PageResult> => {
  // Pinned group: open unless the cursor already left it. Unpinned group: open after a pinned cursor.
  const pinnedSeq = cursor === null ? openBound(sort) : cursor.pinned === 1 ? cursor.seq : closedBound(sort);
  const pinnedLikes = cursor === null ? OPEN : cursor.pinned === 1 ? cursor.likes : 0;
  const plainSeq = cursor === null || cursor.pinned === 1 ? openBound(sort) : cursor.seq;
  const plainLikes = cursor === null || cursor.pinned === 1 ? OPEN : cursor.likes;

  const [threadResult, pageResult] = await db.batch([
    db.prepare('SELECT * FROM threads WHERE key = ?1').bind(key),
    db.prepare(PAGE_SQL[sort]).bind(key, pinnedSeq, pinnedLikes, plainSeq, plainLikes, limit + 1),
  ]);
  const thread = (threadResult?.results[0] as ThreadRow | undefined) ?? null;
  const found = (pageResult?.results ?? []) as PageRow[];

  const pageRows = found.filter((row): row is PublicCommentRow & { rn: number } => row.id !== null);
  pageRows.sort((a, b) => a.rn - b.rn || a.seq - b.seq);
  const hasMore = found.some((row) => row.id === null);
  const lastRoot = [...pageRows].reverse().find((row) => row.parent_id === null);
  const next: Cursor | null =
    hasMore && lastRoot
      ? { sort, pinned: lastRoot.pinned === 1 ? 1 : 0, seq: lastRoot.seq, likes: lastRoot.likes }
      : null;
  const rowsRead = (threadResult?.meta.rows_read ?? 0) + (pageResult?.meta.rows_read ?? 0);
  return { thread, rows: pageRows.map(({ rn: _rn, ...row }) => row), next, rowsRead };
};
