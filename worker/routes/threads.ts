/**
 * GET /api/v1/threads: one page of a thread, by root comment (API.md "Rules for GET /threads"), from D1
 * (a replica, or the reader's bookmark), cached at the edge by Workers Cache under the thread's tag.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { decodeCursor } from '../lib/cursor.ts';
import { publicCacheHeaders, threadTag } from '../lib/edge-cache-headers.ts';
import { threadQuerySchema } from '../lib/schemas.ts';
import { validate } from '../middleware/validate.ts';
import { requestedPageUrl } from '../services/pages/page-url.ts';
import { readPage } from '../services/pages/thread-page.ts';

export const threads = new Hono<AppEnv>().get('/', validate('query', threadQuerySchema), async (c) => {
  const query = c.req.valid('query');
  const settings = c.get('settings');

  const url = requestedPageUrl(query.url, settings);
  const key = query.id ?? (url as string);

  const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor);
  if (query.cursor !== undefined && (cursor === null || cursor.sort !== query.sort)) {
    throw new ApiError('bad_request', 'cursor is not valid for this thread and sort', {
      errors: [{ field: 'cursor', message: 'is not a cursor from this API for this sort' }],
    });
  }

  const { page, rowsRead } = await readPage(c.env.DB, {
    key,
    url,
    sort: query.sort,
    limit: query.limit,
    cursor,
    anonymousName: settings.anonymousName,
  });
  return c.json(page, 200, {
    // Browsers revalidate, so a reader's reload shows their own comment; the edge keeps it a minute.
    ...publicCacheHeaders({
      tags: [await threadTag(key)],
      browser: 'no-cache',
      bookmarked: c.get('bookmarked'),
    }),
    // What the page cost D1 (meta.rows_read): the figure Cloudflare bills, visible to the owner and the bench.
    'X-D1-Rows-Read': String(rowsRead),
  });
});
