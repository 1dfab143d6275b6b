/**
 * KV as the read cache of GET /threads: the first page of each thread, per sort, at the default size —
 * the page nearly every reader loads. Any write that changes a thread deletes its entries, after D1 has
 * committed; a short TTL bounds what a read racing a write could leave behind.
 * Pages with a cursor or another limit always come from D1.
 */
import type { SortOrder, ThreadPage } from '../types/api.ts';

export const DEFAULT_PAGE_SIZE = 50;
const TTL_SECONDS = 300;
const SORTS: readonly SortOrder[] = ['oldest', 'newest', 'top'];

const pageKey = (threadKey: string, sort: SortOrder): string => `page:v1:${sort}:${threadKey}`;

/** Whether this request's page is one the cache holds. */
export const isCacheable = (limit: number, cursor: string | undefined): boolean =>
  cursor === undefined && limit === DEFAULT_PAGE_SIZE;

/** A cached page, or `null` on a miss. A KV failure is a miss too: D1 can still answer. */
export const readCachedPage = async (
  kv: KVNamespace,
  threadKey: string,
  sort: SortOrder,
): Promise<ThreadPage | null> => {
  try {
    return await kv.get<ThreadPage>(pageKey(threadKey, sort), 'json');
  } catch (err) {
    console.error('KV read failed; reading D1:', err);
    return null;
  }
};

export const cachePage = (
  kv: KVNamespace,
  threadKey: string,
  sort: SortOrder,
  page: ThreadPage,
): Promise<void> => kv.put(pageKey(threadKey, sort), JSON.stringify(page), { expirationTtl: TTL_SECONDS });

/** Forgets every cached page of a thread. Throws when KV fails: the caller answers 503 and the client retries. */
export const invalidateThread = async (kv: KVNamespace, threadKey: string): Promise<void> => {
  await Promise.all(SORTS.map((sort) => kv.delete(pageKey(threadKey, sort))));
};
