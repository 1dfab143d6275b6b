/**
 * One page of a thread as the API shapes it (`ThreadPage`): what GET /threads answers and what GET
 * /threads/html renders (issue 15), read the same way so that the server's HTML and the JSON island the
 * widget adopts are the same page.
 */
import { emptyThread, toComment, toThread } from '../../db/rows.ts';
import { readThreadPage } from '../../db/thread-page.ts';
import { encodeCursor } from '../../lib/cursor.ts';
import { withReplies } from '../../lib/replies-cursor.ts';
import type { SortOrder, ThreadPage } from '../../types/api.ts';
import type { Cursor } from '../../types/cursor.ts';

export interface PageQuery {
  /** The thread's key: its id, else its normalized URL. */
  key: string;
  /** The normalized page URL, `null` when only an id was given. */
  url: string | null;
  sort: SortOrder;
  limit: number;
  cursor: Cursor | null;
  anonymousName: string;
}

/** The page, and what it cost D1 (meta.rows_read, for `X-D1-Rows-Read`). */
export const readPage = async (
  db: D1Database,
  query: PageQuery,
): Promise<{ page: ThreadPage; rowsRead: number }> => {
  const page = await readThreadPage(db, query.key, query.sort, query.limit, query.cursor);
  return {
    page: {
      thread: page.thread ? toThread(page.thread) : emptyThread(query.key, query.url ?? ''),
      comments: page.rows.map((row) => withReplies(toComment(row, query.anonymousName), row, page.moreAfter)),
      nextCursor: page.next ? encodeCursor(page.next) : null,
    },
    rowsRead: page.rowsRead,
  };
};
