/** GET /api/v1/recent: the site's latest approved comments across threads, newest first, each with its page. */
import { Hono } from 'hono';
import { latestComments } from '../db/listing.ts';
import { toComment } from '../db/rows.ts';
import type { AppEnv } from '../env.ts';
import { publicCacheHeaders, SITE_TAG } from '../lib/edge-cache-headers.ts';
import { LISTED_HTML_BYTES } from '../lib/feed-budget.ts';
import { summarizeHtml } from '../lib/html-summary.ts';
import { queryLimit } from '../lib/schemas.ts';
import * as z from '../lib/zod.ts';
import { validate } from '../middleware/validate.ts';
import type { Comment } from '../types/api.ts';

export const RECENT_LIMIT = { default: 10, max: 50 } as const;

/** A comment of GET /recent: the public `Comment` plus the page it was posted on. */
export type RecentComment = Comment & { thread: { url: string; title: string } };

const recentQuerySchema = z.object({
  limit: queryLimit(RECENT_LIMIT.default, RECENT_LIMIT.max),
});

export const recent = new Hono<AppEnv>().get('/', validate('query', recentQuerySchema), async (c) => {
  const { limit } = c.req.valid('query');
  const { anonymousName } = c.get('settings');
  const rows = await latestComments(c.env.DB, limit);
  const comments: RecentComment[] = rows.map((row) => ({
    ...toComment({ ...row, html: summarizeHtml(row.html, LISTED_HTML_BYTES) }, anonymousName),
    thread: { url: row.thread_url, title: row.thread_title },
  }));
  // A "latest comments" box on every page of a site: the edge answers it, and every write purges it.
  return c.json(
    { comments },
    200,
    publicCacheHeaders({ tags: [SITE_TAG], browser: 'public, max-age=30', bookmarked: c.get('bookmarked') }),
  );
});
