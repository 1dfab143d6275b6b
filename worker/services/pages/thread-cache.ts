/**
 * KV as the read cache of threads: the first page of each thread per sort at the default size (the page
 * nearly every reader loads), and each thread's comment count (GET /counts). Any write that changes a
 * thread deletes its entries after D1 has committed; a short TTL bounds what a read racing a write could
 * leave behind. Pages with a cursor or another limit always come from D1.
 */
import { toHex } from '../../lib/encoding.ts';
import { DEFAULT_PAGE_SIZE } from '../../lib/schemas.ts';
import { SORTS, type SortOrder, type ThreadPage } from '../../types/api.ts';

const TTL_SECONDS = 300;

/** Thread keys can be 2,000-character URLs and KV keys at most 512 bytes: name entries by a digest. */
const digest = async (threadKey: string): Promise<string> => {
  return toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(threadKey)));
};

const pageKey = async (threadKey: string, sort: SortOrder) => `page:v1:${sort}:${await digest(threadKey)}`;
const countKey = async (threadKey: string) => `count:v1:${await digest(threadKey)}`;

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
    return await kv.get<ThreadPage>(await pageKey(threadKey, sort), 'json');
  } catch (err) {
    console.error('KV read failed; reading D1:', err);
    return null;
  }
};

export const cachePage = async (kv: KVNamespace, threadKey: string, sort: SortOrder, page: ThreadPage) =>
  kv.put(await pageKey(threadKey, sort), JSON.stringify(page), { expirationTtl: TTL_SECONDS });

/** The cached counts of these threads (one bulk KV read); absent keys are misses. KV failing: all miss. */
export const readCachedCounts = async (
  kv: KVNamespace,
  threadKeys: string[],
): Promise<Map<string, number>> => {
  const found = new Map<string, number>();
  if (threadKeys.length === 0) return found;
  try {
    const names = await Promise.all(threadKeys.map(countKey));
    const values = await kv.get<number>(names, 'json');
    threadKeys.forEach((threadKey, i) => {
      const value = values.get(names[i] as string);
      if (typeof value === 'number') found.set(threadKey, value);
    });
  } catch (err) {
    console.error('KV read failed; reading D1:', err);
  }
  return found;
};

export const cacheCounts = async (kv: KVNamespace, counts: Map<string, number>): Promise<void> => {
  await Promise.all(
    [...counts].map(async ([threadKey, n]) =>
      kv.put(await countKey(threadKey), JSON.stringify(n), { expirationTtl: TTL_SECONDS }),
    ),
  );
};

/** Forgets every cached page and the count of a thread. Throws when KV fails: the caller answers 503. */
export const invalidateThread = async (kv: KVNamespace, threadKey: string): Promise<void> => {
  const names = [
    ...(await Promise.all(SORTS.map((sort) => pageKey(threadKey, sort)))),
    await countKey(threadKey),
  ];
  await Promise.all(names.map((name) => kv.delete(name)));
};
