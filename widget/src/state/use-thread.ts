/** The thread's data and its loading lifecycle, apart from any rendering. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Comment, SortOrder, Thread, ThreadPage } from '../../../worker/types/api.ts';
import { getThread } from '../api.ts';
import type { ApiError, ApiResult } from '../http.ts';
import type { WidgetOptions } from '../options.ts';
import { saveSort } from '../storage.ts';
// Shared with the boot script, whose request for the thread's HTML must use the same sort.
import { initialSort } from '../thread-url.ts';

export interface ThreadState {
  status: 'loading' | 'ready' | 'error';
  thread: Thread | null;
  /** Flat, in display order (roots each followed by their replies), as the API sends it. */
  comments: Comment[];
  nextCursor: string | null;
  _loadingMore: boolean;
  /** The last failure of a first load or a "load more", for the message under the list. */
  error: ApiError | null;
}

const initial: ThreadState = {
  status: 'loading',
  thread: null,
  comments: [],
  nextCursor: null,
  _loadingMore: false,
  error: null,
};

/** Appends without repeating: a comment we posted ourselves can come back in a later page. */
export const merge = (current: Comment[], incoming: Comment[]): Comment[] => {
  const seen = new Set(current.map((comment) => comment.id));
  return [...current, ...incoming.filter((comment) => !seen.has(comment.id))];
};

/**
 * A first page given up front, in the order it was read: the server-rendered thread's (GET /threads/html,
 * its JSON island), which the widget adopts instead of asking for it again (issue 15, item 3).
 */
export interface GivenPage {
  _page: ThreadPage;
  _sort: SortOrder;
}

export const useThread = ({ origin, url, id, sort: given }: WidgetOptions, page?: GivenPage) => {
  const [state, setState] = useState<ThreadState>(() =>
    page ? { ...initial, ...page._page, status: 'ready' } : initial,
  );
  const [sort, setSortState] = useState(() => initialSort(given));
  // Taken by the first query only: a later sort or thread loads as usual.
  const adopted = useRef(page);
  // Aborted on unmount and on a new query, so a late answer never lands in an unmounted or newer thread.
  const controller = useRef<AbortController | null>(null);

  // A new closure each render, no useCallback (not in the bundle then): the effect below lists the query's
  // own inputs, and retry/loadMore call the current closure, which reads the same values.
  const load = async (cursor?: string) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState((s) => (cursor ? { ...s, _loadingMore: true, error: null } : { ...initial }));
    const result: ApiResult<ThreadPage> = await getThread(origin, { url, id, sort, cursor }, current.signal);
    if (current.signal.aborted) return;
    setState((s) =>
      result.ok
        ? {
            status: 'ready',
            thread: result.value.thread,
            comments: cursor ? merge(s.comments, result.value.comments) : result.value.comments,
            nextCursor: result.value.nextCursor,
            _loadingMore: false,
            error: null,
          }
        : { ...s, status: cursor ? s.status : 'error', _loadingMore: false, error: result.error },
    );
  };

  useEffect(() => {
    // The given page is this query's first page unless the reader's own order differs: then it loads.
    if (adopted.current?._sort !== sort) load();
    adopted.current = undefined;
    return () => controller.current?.abort();
  }, [origin, url, id, sort]);

  /** Shows a comment the reader just posted, in place: a reply lands after its siblings. */
  const add = (comment: Comment) =>
    setState((s) => {
      // Newest-first threads show a new root on top; everywhere else it goes last, as a reload would.
      const first = sort === 'newest' && comment.parentId === null;
      const comments = first ? [comment, ...s.comments] : [...s.comments, comment];
      const counted = comment.status === 'approved' && s.thread;
      return {
        ...s,
        comments,
        thread: counted ? { ...counted, commentCount: counted.commentCount + 1 } : s.thread,
      };
    });

  return {
    state,
    sort,
    _setSort: (next: SortOrder) => {
      saveSort(next);
      setSortState(next);
    },
    /** The raw state setter, for state/replace-comment.ts in the extras. */
    _change: setState,
    _retry: () => {
      load();
    },
    _loadMore: () => {
      if (state.nextCursor) load(state.nextCursor);
    },
    add,
  };
};
