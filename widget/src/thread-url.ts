/**
 * The URL of a thread read, shared by the app (api.ts) and the boot script (boot/thread-html.ts, which asks
 * for the thread's HTML before the app has arrived): one query builder and one initial sort, so the boot
 * asks for exactly the thread the app would, and the two cannot drift (issue 15). Kept apart from http.ts so the boot does not carry the client.
 */
import { SORTS, type SortOrder } from '../../worker/types/api.ts';
import { bookmark } from './http.ts';
import { loadSort } from './storage.ts';

export interface ThreadQuery {
  url: string;
  id?: string;
  sort?: SortOrder;
  cursor?: string;
}

/**
 * A query string of the values that are set, and the bookmark of this page's last write, if any: the read
 * then sees it (read-your-writes). In the boot's bundle the bookmark is always empty, as the app's is
 * until it has written something (the boot asks only before the app has arrived).
 */
export const search = (query: object): URLSearchParams => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, bookmark })) if (value) params.set(key, value);
  return params;
};

export const threadUrl = (origin: string, query: ThreadQuery): string =>
  `${origin}/api/v1/threads?${search(query)}`;

/** The reader's remembered choice wins over the host's `data-sort`, which wins over the oldest first. */
export const initialSort = (given?: SortOrder): SortOrder =>
  SORTS.find((sort) => sort === loadSort()) ?? given ?? 'oldest';
