/**
 * What the public GETs tell Workers Cache (the cache in front of the Worker) and browsers: an edge-only
 * freshness, a `Cache-Tag` per thread the answer depends on, and a browser directive of its own.
 *
 * - `Cloudflare-CDN-Cache-Control` is read by Cloudflare only and stripped before the client, and it wins
 *   over `Cache-Control` at the edge; `max-age` (not `s-maxage`, which disables stale-while-revalidate)
 *   https://developers.cloudflare.com/workers/cache/configuration/#header-precedence
 * - `Cache-Tag`: comma-separated, printable ASCII (0x21–0x7E), at most 1024 characters each and 1000 per
 *   response, matched case-insensitively at purge time; invalid tags are silently dropped. Thread keys are
 *   2,000-character URLs of any charset, so a tag names a thread by a digest of its key.
 *   https://developers.cloudflare.com/workers/cache/configuration/#cache-tag
 * - The edge TTL stays short because a purge is best effort: Workers Cache purges always get the Free
 *   tier's budget (5 a minute, bursts of 25), so a busy site's purge can be refused and the entry lives on
 *   until it expires. https://developers.cloudflare.com/workers/cache/limitations/#purge-rate-limits
 */
import { toHex } from './encoding.ts';

/** The tag of every site-wide answer (GET /recent, the site feed): any write purges it. */
export const SITE_TAG = 'site';
/** The tag of GET /config, which shows runtime settings: PATCH /admin/settings purges it. */
export const CONFIG_TAG = 'config';

/** Edge freshness of the answers that change with comments: short, since purges may be refused. */
export const EDGE_FRESHNESS = 'max-age=60, stale-while-revalidate=60';
/** GET /config changes only with the owner's settings. */
export const EDGE_FRESHNESS_CONFIG = 'max-age=300, stale-while-revalidate=300';

/**
 * A tag is a pure function of its key, and GET /counts asks for ten or fifty of them per request: the
 * isolate keeps the latest few thousand (cleared whole when full; ~100 bytes each).
 */
const TAG_MEMO_SIZE = 4096;
const tags = new Map<string, string>();

/**
 * `t:` and the first 128 bits of the SHA-256 of the thread key, in lower-case hex: 34 ASCII characters,
 * whatever the key, so even GET /counts of 50 pages stays far below the header's limits.
 */
export const threadTag = async (threadKey: string): Promise<string> => {
  let tag = tags.get(threadKey);
  if (tag === undefined) {
    const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(threadKey)));
    tag = `t:${toHex(bytes.subarray(0, 16))}`;
    if (tags.size >= TAG_MEMO_SIZE) tags.clear();
    tags.set(threadKey, tag);
  }
  return tag;
};

export interface PublicCacheOptions {
  /** The tags of the threads (and SITE_TAG / CONFIG_TAG) this answer depends on. */
  tags: readonly string[];
  /** What browsers get: `no-cache` where a reader's reload must show their own comment. */
  browser: string;
  /** The edge freshness; EDGE_FRESHNESS unless given. */
  edge?: string;
  /**
   * A read that carried a D1 bookmark (one writer reading their own write): its URL is its own cache key
   * already (the bookmark is in the query string), and it must not fill the edge cache either.
   */
  bookmarked: boolean;
}

/** The response headers of a public, cacheable GET. */
export const publicCacheHeaders = (options: PublicCacheOptions): Record<string, string> =>
  options.bookmarked
    ? { 'Cache-Control': 'no-store', 'Cloudflare-CDN-Cache-Control': 'no-store' }
    : {
        'Cache-Control': options.browser,
        'Cloudflare-CDN-Cache-Control': options.edge ?? EDGE_FRESHNESS,
        'Cache-Tag': options.tags.join(','),
      };
