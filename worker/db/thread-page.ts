/**
 * One page of a thread for GET /threads, in one round trip: the thread row, then one statement for the
 * page. Oldest/newest pages are ranges of root ordinals (`tree_no`): the trees of roots (a, a + limit]
 * are one contiguous range of the `comments_trees` index, so a page reads about what it returns, whatever
 * the size of the thread (DESIGN.md's budget). Pinned trees all come first, on the first page.
 * `top` pages are in top-page.ts.
 */

import type { SortOrder } from '../types/api.ts';
import type { Cursor } from '../types/cursor.ts';
import { PUBLIC_COMMENT_COLUMNS, type PublicCommentRow, type ThreadRow } from './rows.ts';
import { readTopRows, topPageStatement } from './top-page.ts';

type TreeCursor = Extract<Cursor, { sort: 'oldest' | 'newest' }>;

const THREAD = '(SELECT id FROM threads WHERE key = ?1)';
const NULLS = PUBLIC_COMMENT_COLUMNS.split(',')
  .map(() => 'NULL')
  .join(', ');

/**
 * ?1 thread key, ?2 1 on the first page (pinned trees are on it), ?3 where the range starts (exclusive;
 * NULL for the first newest page: above the highest ordinal), ?4 how many roots it spans.
 * The last part is the probe that says whether, and where, the next page starts.
 */
const treePageSql = (sort: 'oldest' | 'newest'): string => {
  const start =
    sort === 'oldest' ? '?3' : `coalesce(?3, (SELECT roots_total + 1 FROM threads WHERE key = ?1))`;
  const end = sort === 'oldest' ? `${start} + ?4` : `${start} - ?4`;
  const range =
    sort === 'oldest'
      ? `c.tree_no > ${start} AND c.tree_no <= ${end}`
      : `c.tree_no < ${start} AND c.tree_no >= ${end}`;
  const beyond =
    sort === 'oldest' ? `tree_no > ${end} ORDER BY tree_no` : `tree_no < ${end} ORDER BY tree_no DESC`;
  return `
SELECT ${PUBLIC_COMMENT_COLUMNS}, c.tree_no, c.tree_pinned FROM comments c
  WHERE ?2 = 1 AND c.thread_id = ${THREAD} AND c.tree_pinned = 1 AND c.listed = 1
UNION ALL
SELECT ${PUBLIC_COMMENT_COLUMNS}, c.tree_no, c.tree_pinned FROM comments c
  WHERE c.thread_id = ${THREAD} AND c.tree_pinned = 0 AND c.listed = 1 AND ${range}
UNION ALL
SELECT ${NULLS}, b.tree_no, 0 FROM (SELECT tree_no FROM comments
  WHERE thread_id = ${THREAD} AND tree_pinned = 0 AND listed = 1 AND ${beyond} LIMIT 1) b`;
};

export const TREE_PAGE_SQL = { oldest: treePageSql('oldest'), newest: treePageSql('newest') };

type TreeRow = (PublicCommentRow | { [K in keyof PublicCommentRow]: null }) & {
  tree_no: number;
  tree_pinned: number;
};

export interface PageResult {
  thread: ThreadRow | null;
  /** The page's roots and replies, ordered: each root, then its tree in creation order. */
  rows: PublicCommentRow[];
  /** Where the next page starts, or `null` when this page is the last. */
  next: Cursor | null;
  /** D1's `meta.rows_read` for every statement: what the read cost (the benchmark reports it). */
  rowsRead: number;
}

const readTreePage = async (
  db: D1Database,
  key: string,
  sort: 'oldest' | 'newest',
  limit: number,
  cursor: TreeCursor | null,
): Promise<PageResult> => {
  const page = (start: number | null) =>
    db.prepare(TREE_PAGE_SQL[sort]).bind(key, cursor === null ? 1 : 0, start, limit);
  const [threadResult, firstResult] = await db.batch<TreeRow>([
    db.prepare('SELECT * FROM threads WHERE key = ?1').bind(key),
    page(cursor?.tree ?? (sort === 'oldest' ? 0 : null)),
  ]);
  const thread = (threadResult?.results[0] as ThreadRow | undefined) ?? null;
  let result = firstResult;
  let rowsRead = (threadResult?.meta.rows_read ?? 0) + (firstResult?.meta.rows_read ?? 0);
  const direction = sort === 'oldest' ? 1 : -1;
  for (;;) {
    const found = result?.results ?? [];
    const rows = found.filter((row): row is PublicCommentRow & TreeRow => row.id !== null);
    const beyond = found.find((row) => row.id === null)?.tree_no ?? null;
    // Roots moderated away leave holes in the ordinals: rather than an empty page while more exist, one
    // more round trip, straight to the next listed tree.
    if (rows.length === 0 && beyond !== null) {
      result = await page(beyond - direction).all<TreeRow>();
      rowsRead += result.meta.rows_read;
      continue;
    }
    rows.sort(
      (a, b) => b.tree_pinned - a.tree_pinned || direction * (a.tree_no - b.tree_no) || a.seq - b.seq,
    );
    const next: TreeCursor | null = beyond === null ? null : { sort, tree: beyond - direction };
    return { thread, rows: rows.map(({ tree_no: _n, tree_pinned: _p, ...row }) => row), next, rowsRead };
  }
};

export const readThreadPage = async (
  db: D1Database,
  key: string,
  sort: SortOrder,
  limit: number,
  cursor: Cursor | null,
): Promise<PageResult> => {
  if (sort !== 'top') return readTreePage(db, key, sort, limit, cursor?.sort === sort ? cursor : null);
  const [threadResult, pageResult] = await db.batch([
    db.prepare('SELECT * FROM threads WHERE key = ?1').bind(key),
    topPageStatement(db, key, limit, cursor?.sort === 'top' ? cursor : null),
  ]);
  const { rows, next } = readTopRows(pageResult?.results ?? []);
  return {
    thread: (threadResult?.results[0] as ThreadRow | undefined) ?? null,
    rows,
    next,
    rowsRead: (threadResult?.meta.rows_read ?? 0) + (pageResult?.meta.rows_read ?? 0),
  };
};
