/**
 * GET /api/v1/threads/replies: the next replies of one tree, for a root whose page showed only the first
 * few (`replies.more` on the root, API.md). Creation order, keyset cursor on seq, bounded in bytes like a
 * page. From D1, cached at the edge under the thread's tag like a page of GET /threads.
 */
import { Hono } from 'hono';
import { toComment } from '../db/rows.ts';
import { readTreeReplies } from '../db/tree-replies.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { publicCacheHeaders, threadTag } from '../lib/edge-cache-headers.ts';
import { PAGE_BYTES, rowBytes } from '../lib/page-budget.ts';
import { decodeRepliesCursor, encodeRepliesCursor } from '../lib/replies-cursor.ts';
import { LIMITS, queryLimit } from '../lib/schemas.ts';
import * as z from '../lib/zod.ts';
import { validate } from '../middleware/validate.ts';
import { requestedPageUrl } from '../services/pages/page-url.ts';
import type { RepliesPage } from '../types/api.ts';

export const REPLIES_LIMIT = { default: 50, max: 100 } as const;

const repliesQuerySchema = z
  .object({
    url: z.optional(
      z.string().check(z.maxLength(LIMITS.url, { error: `must be at most ${LIMITS.url} characters` })),
    ),
    id: z.optional(
      z
        .string()
        .check(
          z.minLength(1, { error: 'must not be empty' }),
          z.maxLength(LIMITS.id, { error: `must be at most ${LIMITS.id} characters` }),
        ),
    ),
    root: z
      .string({ error: 'is required' })
      .check(z.minLength(1, { error: 'is required' }), z.maxLength(64, { error: 'is not a comment id' })),
    limit: queryLimit(REPLIES_LIMIT.default, REPLIES_LIMIT.max),
    cursor: z.optional(z.string().check(z.maxLength(100, { error: 'must be at most 100 characters' }))),
  })
  .check(z.refine((q) => q.url !== undefined || q.id !== undefined, { error: 'is required', path: ['url'] }));

export const replies = new Hono<AppEnv>().get('/', validate('query', repliesQuerySchema), async (c) => {
  const query = c.req.valid('query');
  const settings = c.get('settings');

  const url = requestedPageUrl(query.url, settings);
  const key = query.id ?? (url as string);

  const cursor = query.cursor === undefined ? null : decodeRepliesCursor(query.cursor);
  if (query.cursor !== undefined && cursor === null) {
    throw new ApiError('bad_request', 'cursor is not a replies cursor from this API', {
      errors: [{ field: 'cursor', message: 'is not a replies cursor from this API' }],
    });
  }

  const found = await readTreeReplies(c.env.DB, key, query.root, cursor?.after ?? 0, query.limit);
  if (!found.rootFound) {
    throw new ApiError('not_found', 'no visible root comment with this id in this thread', {
      errors: [{ field: 'root', message: 'is not a visible root comment of this thread' }],
    });
  }

  // Bounded like a page: at most `limit` replies and PAGE_BYTES of JSON (the first reply always fits).
  const rows = [];
  let bytes = 0;
  for (const row of found.rows.slice(0, query.limit)) {
    bytes += rowBytes(row);
    if (rows.length > 0 && bytes > PAGE_BYTES) break;
    rows.push(row);
  }
  const last = rows.at(-1);
  const more = found.rows.length > rows.length && last !== undefined;
  const body: RepliesPage = {
    comments: rows.map((row) => toComment(row, settings.anonymousName)),
    nextCursor: more ? encodeRepliesCursor({ after: last.seq }) : null,
  };
  return c.json(body, 200, {
    ...publicCacheHeaders({
      tags: [await threadTag(key)],
      browser: 'no-cache',
      bookmarked: c.get('bookmarked'),
    }),
    'X-D1-Rows-Read': String(found.rowsRead),
  });
});
