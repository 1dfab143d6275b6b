/**
 * GET /api/v1/threads: one page of a thread, by root comment (API.md "Rules for GET /threads"), the first
 * page from KV when warm (`X-Cache: HIT`, else `MISS`, or `BYPASS` for pages the cache does not keep).
 */
import { Hono } from 'hono';
import { emptyThread, toComment, toThread } from '../db/rows.ts';
import { readThreadPage } from '../db/thread-page.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { normalizeUrl } from '../lib/normalize-url.ts';
import { withReplies } from '../lib/replies-cursor.ts';
import { threadQuerySchema } from '../lib/schemas.ts';
import { cacheablePage, pageForRequest } from '../lib/unclaimed-page.ts';
import { validate } from '../middleware/validate.ts';
import { cachePage, isCacheable, readCachedPage } from '../services/pages/thread-cache.ts';
import type { ThreadPage } from '../types/api.ts';

export const threads = new Hono<AppEnv>().get('/', validate('query', threadQuerySchema), async (c) => {
  const query = c.req.valid('query');
  const settings = c.get('settings');

  const url = query.url === undefined ? null : normalizeUrl(query.url, settings.significantQueryParams);
  if (query.url !== undefined && url === null) {
    throw new ApiError('bad_request', 'url must be an absolute http(s) URL', {
      errors: [{ field: 'url', message: 'must be an absolute http(s) URL' }],
    });
  }
  const key = query.id ?? (url as string);

  const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor);
  if (query.cursor !== undefined && (cursor === null || cursor.sort !== query.sort)) {
    throw new ApiError('bad_request', 'cursor is not valid for this thread and sort', {
      errors: [{ field: 'cursor', message: 'is not a cursor from this API for this sort' }],
    });
  }

  const cacheable = isCacheable(query.limit, query.cursor);
  if (cacheable) {
    const cached = await readCachedPage(c.env.KV, key, query.sort);
    if (cached)
      return c.json(pageForRequest(cached, url), 200, { 'Cache-Control': 'no-cache', 'X-Cache': 'HIT' });
  }

  const page = await readThreadPage(c.env.DB, key, query.sort, query.limit, cursor);
  const body: ThreadPage = {
    thread: page.thread ? toThread(page.thread) : emptyThread(key, url ?? ''),
    comments: page.rows.map((row) =>
      withReplies(toComment(row, settings.anonymousName), row, page.moreAfter),
    ),
    nextCursor: page.next ? encodeCursor(page.next) : null,
  };
  if (cacheable) {
    const kept = cacheablePage(body, page.thread !== null);
    c.executionCtx.waitUntil(cachePage(c.env.KV, key, query.sort, kept).catch(() => {}));
  }
  return c.json(body, 200, {
    'Cache-Control': 'no-cache',
    'X-Cache': cacheable ? 'MISS' : 'BYPASS',
    // What the page cost D1 (meta.rows_read): the figure Cloudflare bills, visible to the owner and the bench.
    'X-D1-Rows-Read': String(page.rowsRead),
  });
});
