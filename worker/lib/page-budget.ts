/**
 * What bounds a page of comments whatever the thread's shape (issue 11): each tree shows its first
 * REPLIES_PER_TREE replies (the rest through GET /threads/replies), and a page stops adding comments at
 * PAGE_COMMENTS comments or PAGE_BYTES bytes of JSON. `cutPage` applies the budgets to the rows SQL
 * read (already bounded by the same constants), in page order.
 */

/** Replies a tree shows on a page before "show more" (creation order: a parent before its replies). */
export const REPLIES_PER_TREE = 10;
/** Comments (roots and replies) on one page at most. */
export const PAGE_COMMENTS = 200;
/** UTF-8 bytes of a page's comments as JSON at most (`rowBytes`; the first root of a page always fits). */
export const PAGE_BYTES = 256 * 1024;

const encoder = new TextEncoder();
export const utf8Length = (text: string): number => encoder.encode(text).length;

/** A comment's fields other than its HTML, name and website (ids, dates, avatar, keys): a generous bound. */
const FIXED_FIELDS_BYTES = 400;

/** What a comment adds to a page's JSON: its HTML as a JSON string (quotes escaped), name and website. */
export const rowBytes = (row: BudgetRow): number =>
  utf8Length(JSON.stringify(row.html)) +
  utf8Length(row.author_name ?? '') +
  utf8Length(row.author_website ?? '') +
  FIXED_FIELDS_BYTES;

export interface BudgetRow {
  seq: number;
  id: string;
  parent_id: string | null;
  root_id: string;
  html: string;
  pinned: number;
  author_name: string | null;
  author_website: string | null;
}

export interface CutPage<Row extends BudgetRow> {
  rows: Row[];
  /** Per root whose tree was cut: the seq of its last reply shown (or of the root), where "more" resumes. */
  moreAfter: Map<string, number>;
  /** The first root left out by the budget (the next page starts there), or `null` when none was. */
  stoppedAt: Row | null;
}

/**
 * `rows`: each root, then up to REPLIES_PER_TREE + 1 replies of its tree in creation order (the extra one
 * only says the tree has more), or up to REPLIES_PER_TREE when `moreFollows` says of a tree's last row
 * that more exist without SQL reading them (thread-page.ts). Pinned roots are always kept (they all belong
 * on the first page and the owner chose them), and so is the page's first root, so every page moves forward.
 */
export const cutPage = <Row extends BudgetRow>(
  rows: readonly Row[],
  moreFollows: (row: Row) => boolean = () => false,
): CutPage<Row> => {
  const kept: Row[] = [];
  const moreAfter = new Map<string, number>();
  let bytes = 0;
  let tree: string | null = null;
  let shown = 0;
  let lastSeq = 0;
  for (const row of rows) {
    const size = rowBytes(row);
    const fits = kept.length < PAGE_COMMENTS && bytes + size <= PAGE_BYTES;
    if (row.root_id !== tree) {
      // A new tree: its first row is its root (the lowest seq of the tree).
      if (!fits && row.pinned !== 1 && tree !== null) return { rows: kept, moreAfter, stoppedAt: row };
      tree = row.root_id;
      shown = 0;
    } else if (moreAfter.has(tree)) {
      continue;
    } else if (!fits || shown === REPLIES_PER_TREE) {
      moreAfter.set(tree, lastSeq);
      continue;
    } else {
      shown++;
    }
    kept.push(row);
    bytes += size;
    lastSeq = row.seq;
    if (moreFollows(row)) moreAfter.set(tree, row.seq);
  }
  return { rows: kept, moreAfter, stoppedAt: null };
};
