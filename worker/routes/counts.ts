/**
 * GET /api/v1/counts: comment counts for many pages in one call (a blog's index page showing "3 comments"
 * under each post), from the threads' stored counters with one D1 query, cached at the edge under the tag
 * of every thread it counts (an unknown page too: its first comment purges the answer).
 */
import { Hono } from 'hono';
import { countsByKey } from '../db/listing.ts';
import type { AppEnv } from '../env.ts';
import { publicCacheHeaders, threadTag } from '../lib/edge-cache-headers.ts';
import { normalizeUrl } from '../lib/normalize-url.ts';
import { LIMITS } from '../lib/schemas.ts';
import * as z from '../lib/zod.ts';
import { validate } from '../middleware/validate.ts';
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
  // One query for all of them; unknown pages count 0 (and write nothing anywhere).
  const found = allKeys.length > 0 ? await countsByKey(c.env.DB, allKeys) : new Map<string, number>();

  // A url given several times with different ids is a page with several threads: its count is their sum.
  // Built through a Map so that a url such as "__proto__" is an ordinary key of the JSON object.
  const entries = [...keysByUrl].map(([url, keys]): [string, number] => [
    url,
    [...keys].reduce((sum, key) => sum + (found.get(key) ?? 0), 0),
  ]);
  // Counts move slowly and an index page asks for many: browsers may keep them half a minute.
  const tags = await Promise.all(allKeys.map(threadTag));
  return c.json(
    { counts: Object.fromEntries(entries) },
    200,
    publicCacheHeaders({ tags, browser: 'public, max-age=30', bookmarked: c.get('bookmarked') }),
  );
});
