/**
 * One page of a thread sorted by likes (`sort=top`): pinned roots first, then the most liked, newest first
 * among equals. Likes change, so roots can't be numbered in this order: the page's roots are found through
 * the by-likes partial index and their trees through the by-root index (a probe per root).
 */
import { cutPage, PAGE_COMMENTS } from '../lib/page-budget.ts';
import type { Cursor } from '../types/cursor.ts';
import { PUBLIC_COMMENT_COLUMNS, type PublicCommentRow } from './rows.ts';

type TopCursor = Extract<Cursor, { sort: 'top' }>;

/** One pinned group's roots after (likes, seq), as two range scans: a row-value bound would only range on likes. */
const group = (pinned: 0 | 1, seqParam: number, likesParam: number): string => `
    SELECT * FROM (SELECT id FROM comments WHERE thread_id = (SELECT id FROM t) AND parent_id IS NULL
      AND listed = 1 AND pinned = ${pinned} AND likes = ?${likesParam} AND seq < ?${seqParam} ORDER BY seq DESC LIMIT ?6)
    UNION ALL
    SELECT * FROM (SELECT id FROM comments WHERE thread_id = (SELECT id FROM t) AND parent_id IS NULL
      AND listed = 1 AND pinned = ${pinned} AND likes < ?${likesParam} ORDER BY likes DESC, seq DESC LIMIT ?6)`;

export const TOP_PAGE_SQL = `
WITH t AS (SELECT id FROM threads WHERE key = ?1),
roots AS MATERIALIZED (
  SELECT id, row_number() OVER () AS rn FROM (${group(1, 2, 3)}
    UNION ALL ${group(0, 4, 5)}
    LIMIT ?6))
-- The (limit + 1)th root only tells that there is more: the join skips its tree. Each tree's heads only
-- (its first listed rows, migration 0015: one range of comments_heads per root), and the page stops
-- after PAGE_COMMENTS + 1 rows.
SELECT ${PUBLIC_COMMENT_COLUMNS}, c.head, r.rn FROM roots r
  LEFT JOIN comments c ON r.rn < ?6 AND c.root_id = r.id AND c.head > 0
  ORDER BY r.rn, c.seq LIMIT ${PAGE_COMMENTS + 1}`;

/** Bounds that let a whole group through, or none of it. */
const OPEN = Number.MAX_SAFE_INTEGER;

type TopRow = ((PublicCommentRow & { head: number }) | { [K in keyof PublicCommentRow | 'head']: null }) & {
  rn: number;
};

export const topPageStatement = (db: D1Database, key: string, limit: number, cursor: TopCursor | null) => {
  // Pinned group: open unless the cursor already left it. Unpinned group: open after a pinned cursor.
  const inPinned = cursor === null || cursor.pinned === 1;
  const pinnedSeq = cursor === null ? OPEN : cursor.pinned === 1 ? cursor.seq : 0;
  const pinnedLikes = cursor === null ? OPEN : cursor.pinned === 1 ? cursor.likes : -1;
  const plainSeq = inPinned ? OPEN : cursor.seq;
  const plainLikes = inPinned ? OPEN : cursor.likes;
  return db.prepare(TOP_PAGE_SQL).bind(key, pinnedSeq, pinnedLikes, plainSeq, plainLikes, limit + 1);
};

/** Orders the page's rows (each root, then its tree), applies the budgets, finds where the next page starts. */
export const readTopRows = (
  results: unknown[],
): { rows: PublicCommentRow[]; next: TopCursor | null; moreAfter: Map<string, number> } => {
  const found = results as TopRow[];
  const listed = found.filter(
    (row): row is PublicCommentRow & { head: number; rn: number } => row.id !== null,
  );
  listed.sort((a, b) => a.rn - b.rn || a.seq - b.seq);
  // head = 2: the tree has listed rows after this one, which the page does not read.
  const cut = cutPage(listed, (row) => row.head === 2);
  const rows = cut.rows;
  // More roots exist past this page: the probe row (the (limit + 1)th root), a root the budget left out,
  // or SQL's row limit reached before the page's last root.
  const hasMore =
    (found.some((row) => row.id === null) || cut.stoppedAt !== null || found.length > PAGE_COMMENTS) &&
    rows.length > 0;
  const last = rows.findLast((row) => row.parent_id === null);
  const next: TopCursor | null =
    hasMore && last
      ? { sort: 'top', pinned: last.pinned === 1 ? 1 : 0, seq: last.seq, likes: last.likes }
      : null;
  return { rows: rows.map(({ rn: _rn, head: _head, ...row }) => row), next, moreAfter: cut.moreAfter };
};
