/**
 * The write side of Workers Cache: after a write, purge the tags of the threads it changed (and the site
 * tag: GET /recent and the site feed list every thread's comments), after the answer and best effort.
 * A purge that fails or is rate-limited is logged, never thrown: D1 committed the write, and the entry
 * expires on its own within the edge TTL (lib/edge-cache-headers.ts).
 *
 * `ctx.cache` exists only where Workers Cache runs (deployed, `[cache] enabled = true`); local workerd has
 * none yet (https://github.com/cloudflare/workers-sdk/discussions/14734), so the call is skipped there.
 * Tests hand the worker an execution context with a recording `cache.purge` (test/worker/edge-cache.test.ts).
 * https://developers.cloudflare.com/workers/cache/purge/
 */
import { SITE_TAG, threadTag } from '../../lib/edge-cache-headers.ts';

/**
 * What the seam needs of an execution context: Hono types `c.executionCtx` without `cache`, the runtime
 * adds it where Workers Cache is on.
 */
export interface EdgeContext {
  waitUntil(promise: Promise<unknown>): void;
  readonly cache?: CacheContext;
}

/** Where the execution context comes from: a Hono context (its getter throws when there is none). */
export interface HasEdgeContext {
  readonly executionCtx: EdgeContext;
}

/** The request's execution context, or undefined where there is none (services/live/notify.ts too). */
export const contextOf = (c: HasEdgeContext): EdgeContext | undefined => {
  try {
    return c.executionCtx;
  } catch {
    return undefined; // app.request() without an execution context: nothing to purge, nowhere to wait
  }
};

/** One purge call for all of them: each call spends one token of the purge rate limit. */
export const purgeTags = (c: HasEdgeContext, tags: () => Promise<string[]>): void => {
  const ctx = contextOf(c);
  const cache = ctx?.cache;
  if (!ctx || !cache) return;
  ctx.waitUntil(
    (async () => {
      const result = await cache.purge({ tags: await tags() });
      if (!result.success) console.error('cache purge refused:', result.errors);
    })().catch((err) => console.error('cache purge failed:', err)),
  );
};

/**
 * Purges what depends on these threads: their pages, counts and feeds, and the site-wide answers.
 * @example purgeThreads(c, [result.threadKey])
 */
export const purgeThreads = (c: HasEdgeContext, threadKeys: Iterable<string>): void => {
  const keys = [...new Set(threadKeys)];
  if (keys.length === 0) return; // an import or a bulk action that changed nothing
  purgeTags(c, async () => [...(await Promise.all(keys.map(threadTag))), SITE_TAG]);
};
