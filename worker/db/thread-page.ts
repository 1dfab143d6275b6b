/**
 * One page of a thread for GET /threads, in one round trip: the thread row, then one statement for the
 * page. Oldest/newest pages are ranges of root ordinals (`tree_no`) over the partial index of tree heads
 * (migration 0015: each tree's first listed row and its next REPLIES_PER_TREE), so the trees of roots
 * (a, a + limit] are one contiguous range that holds only rows the page shows: a page reads about what it
 * returns, whatever the size of the thread or the width of its trees (DESIGN.md's budget). Pinned trees
 * all come first, on the first page. `top` pages are in top-page.ts.
 */
import { cutPage, PAGE_COMMENTS } from '../lib/page-budget.ts';
import type { SortOrder } from '../types/api.ts';
import type { Cursor } from '../types/cursor.ts';
import { PUBLIC_COMMENT_COLUMNS, type PublicCommentRow, type ThreadRow } from './rows.ts';
import { readTopRows, topPageStatement } from './top-page.ts';

type TreeCursor = Extract<Cursor, { sort: 'oldest' | 'newest' }>;

const THREAD = '(SELECT id FROM threads WHERE key = ?1)';

/**
 * ?1 thread key, ?2 1 on the first page (pinned trees are on it), ?3 where the range starts (exclusive;
 * NULL for the first newest page: above the highest ordinal), ?4 how many roots it spans.
 * One contiguous walk of the heads index in page order that stops after PAGE_COMMENTS + 1 rows; cutPage
 * (page-budget.ts) then applies the byte budget. Walking every listed row instead read a wide tree's
 * dropped replies (~200 rows of 10 KB for a page of 11); a per-tree LIMIT or an index-only walk joined back
 * to the rows made D1 count each probe, sort and materialized row (up to 8× what the page returns).
 */
const treePageSql = (sort: 'oldest' | 'newest'): string => {
  const start =
    sort === 'oldest' ? '?3' : `coalesce(?3, (SELECT roots_total + 1 FROM threads WHERE key = ?1))`;
  const end = sort === 'oldest' ? `${start} + ?4` : `${start} - ?4`;
  const range =
    sort === 'oldest'
      ? `c.tree_no > ${start} AND c.tree_no <= ${end}`
      : `c.tree_no < ${start} AND c.tree_no >= ${end}`;
  const order = sort === 'oldest' ? 'ASC' : 'DESC';
  return `
SELECT * FROM (SELECT ${PUBLIC_COMMENT_COLUMNS}, c.tree_no, c.tree_pinned, c.head FROM comments c
  WHERE ?2 = 1 AND c.thread_id = ${THREAD} AND c.tree_pinned = 1 AND c.head > 0
  ORDER BY c.tree_no ${order}, c.seq)
UNION ALL
SELECT * FROM (SELECT ${PUBLIC_COMMENT_COLUMNS}, c.tree_no, c.tree_pinned, c.head FROM comments c
  WHERE c.thread_id = ${THREAD} AND c.tree_pinned = 0 AND c.head > 0 AND ${range}
  ORDER BY c.tree_no ${order}, c.seq)
LIMIT ${PAGE_COMMENTS + 1}`;
};

/** Where, and whether, the next page starts: the first listed tree beyond the range (?2, ?3: ?3, ?4 above). */
const beyondSql = (sort: 'oldest' | 'newest'): string => {
  const start =
    sort === 'oldest' ? '?2' : `coalesce(?2, (SELECT roots_total + 1 FROM threads WHERE key = ?1))`;
  return sort === 'oldest'
    ? `SELECT tree_no FROM comments WHERE thread_id = ${THREAD} AND tree_pinned = 0 AND head > 0
  AND tree_no > ${start} + ?3 ORDER BY tree_no LIMIT 1`
    : `SELECT tree_no FROM comments WHERE thread_id = ${THREAD} AND tree_pinned = 0 AND head > 0
  AND tree_no < ${start} - ?3 ORDER BY tree_no DESC LIMIT 1`;
};

export const BEYOND_SQL = { oldest: beyondSql('oldest'), newest: beyondSql('newest') };

export const TREE_PAGE_SQL = { oldest: treePageSql('oldest'), newest: treePageSql('newest') };

type TreeRow = PublicCommentRow & { tree_no: number; tree_pinned: number; head: number };

export interface PageResult {
  thread: ThreadRow | null;
  /** The page's roots and replies, ordered: each root, then its tree in creation order. */
  rows: PublicCommentRow[];
  /** Where the next page starts, or `null` when this page is the last. */
  next: Cursor | null;
  /** Roots whose tree has more replies than the page shows: the seq after which GET /threads/replies resumes. */
  moreAfter: Map<string, number>;
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
  const statements = (start: number | null) => [
    db.prepare(TREE_PAGE_SQL[sort]).bind(key, cursor === null ? 1 : 0, start, limit),
    db.prepare(BEYOND_SQL[sort]).bind(key, start, limit),
  ];
  let start = cursor?.tree ?? (sort === 'oldest' ? 0 : null);
  const [threadResult, ...firstResults] = await db.batch<TreeRow>([
    db.prepare('SELECT * FROM threads WHERE key = ?1').bind(key),
    ...statements(start),
  ]);
  const thread = (threadResult?.results[0] as ThreadRow | undefined) ?? null;
  let results = firstResults;
  let rowsRead = [threadResult, ...results].reduce((sum, r) => sum + (r?.meta.rows_read ?? 0), 0);
  const direction = sort === 'oldest' ? 1 : -1;
  for (;;) {
    const found = results[0]?.results ?? [];
    const beyond = (results[1]?.results[0] as { tree_no: number } | undefined)?.tree_no ?? null;
    // Roots moderated away leave holes in the ordinals: rather than an empty page while more exist, one
    // more round trip, straight to the next listed tree.
    if (found.length === 0 && beyond !== null) {
      start = beyond - direction;
      results = await db.batch<TreeRow>(statements(start));
      rowsRead += results.reduce((sum, r) => sum + r.meta.rows_read, 0);
      continue;
    }
    // head = 2: the tree has listed rows after this one (migration 0015), which the page does not read.
    const cut = cutPage(found, (row) => row.head === 2);
    // Cut short by the budget (a root left out, or SQL's row limit reached): the next page resumes after
    // the last tree shown; with no unpinned tree shown, at this page's own start.
    const lastTree = cut.rows.findLast((row) => row.tree_pinned === 0)?.tree_no;
    const firstStart = start ?? (thread?.roots_total ?? 0) + 1;
    const short = cut.stoppedAt !== null || found.length > PAGE_COMMENTS;
    const next: TreeCursor | null = short
      ? { sort, tree: lastTree ?? firstStart }
      : beyond === null
        ? null
        : { sort, tree: beyond - direction };
    const rows = cut.rows.map(({ tree_no: _n, tree_pinned: _p, head: _h, ...row }) => row);
    return { thread, rows, next, moreAfter: cut.moreAfter, rowsRead };
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
  const { rows, next, moreAfter } = readTopRows(pageResult?.results ?? []);
  return {
    thread: (threadResult?.results[0] as ThreadRow | undefined) ?? null,
    rows,
    next,
    moreAfter,
    rowsRead: (threadResult?.meta.rows_read ?? 0) + (pageResult?.meta.rows_read ?? 0),
  };
};
