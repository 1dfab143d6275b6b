/**
 * GET /api/v1/counts: comment counts for many pages in one call (a blog's index page showing "3 comments"
 * under each post), answered from KV when warm, else from the threads' stored counters with one query.
 */
import { Hono } from 'hono';
import { countsByKey } from '../db/listing.ts';
import type { AppEnv } from '../env.ts';
import { normalizeUrl } from '../lib/normalize-url.ts';
import { LIMITS } from '../lib/schemas.ts';
import * as z from '../lib/zod.ts';
import { validate } from '../middleware/validate.ts';
import { cacheCounts, readCachedCounts } from '../services/pages/thread-cache.ts';
import { MAX_COUNTS } from '../types/api.ts';

/** A repeated query parameter arrives as an array, a single one as a string, an absent one not at all. */
const asArray = (value: unknown): unknown =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const text = (max: number) =>
  z.string().check(z.maxLength(max, { error: `must be at most ${max} characters` }));

const countsQuerySchema = z
  .object({
    url: z.preprocess(
      asArray,
      z
        .array(text(LIMITS.url))
        .check(
          z.minLength(1, { error: 'is required' }),
          z.maxLength(MAX_COUNTS, { error: `may be given at most ${MAX_COUNTS} times` }),
        ),
    ),
    id: z.preprocess(asArray, z.array(text(LIMITS.id))),
  })
  .check(
    z.refine((q) => q.id.length <= q.url.length, {
      error: 'pairs with the url at the same position, so there may not be more ids than urls',
      path: ['id'],
    }),
  );

export const counts = new Hono<AppEnv>().get('/', validate('query', countsQuerySchema), async (c) => {
  const query = c.req.valid('query');
  const { significantQueryParams } = c.get('settings');

  // The i-th id belongs to the i-th url (an empty or missing id: the url names the thread). A url that is
  // not an absolute http(s) URL counts 0 rather than failing the call: one odd link on an index page must
  // not blank every other count.
  const keysByUrl = new Map<string, Set<string>>();
  query.url.forEach((url, i) => {
    const key = query.id[i] || normalizeUrl(url, significantQueryParams);
    const keys = keysByUrl.get(url) ?? new Set<string>();
    if (key) keys.add(key);
    keysByUrl.set(url, keys);
  });

  const allKeys = [...new Set([...keysByUrl.values()].flatMap((keys) => [...keys]))];
  // Warm counts from KV in one bulk read; only the misses go to D1 (one query), then into KV.
  const found = await readCachedCounts(c.env.KV, allKeys);
  const missing = allKeys.filter((key) => !found.has(key));
  if (missing.length > 0) {
    const fromDb = await countsByKey(c.env.DB, missing);
    // Unknown pages count 0, and are cached as 0 too: the first comment on them invalidates it.
    const fresh = new Map(missing.map((key) => [key, fromDb.get(key) ?? 0]));
    for (const [key, n] of fresh) found.set(key, n);
    c.executionCtx.waitUntil(cacheCounts(c.env.KV, fresh).catch(() => {}));
  }

  // A url given several times with different ids is a page with several threads: its count is their sum.
  // Built through a Map so that a url such as "__proto__" is an ordinary key of the JSON object.
  const entries = [...keysByUrl].map(([url, keys]): [string, number] => [
    url,
    [...keys].reduce((sum, key) => sum + (found.get(key) ?? 0), 0),
  ]);
  // Counts move slowly and an index page asks for many: a short shared cache spares D1.
  return c.json({ counts: Object.fromEntries(entries) }, 200, {
    'Cache-Control': 'public, max-age=30',
    'X-Cache': missing.length === 0 ? 'HIT' : 'MISS',
  });
});
