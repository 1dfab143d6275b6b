/**
 * GET /api/v1/feed: Atom (RFC 4287) of one thread's latest approved comments (`?url=U[&id=I]`, as for
 * GET /threads), or of the whole site's (no parameters). An unknown page is a valid empty feed.
 */
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { type ListedCommentRow, latestComments, latestThreadComments } from '../db/listing.ts';
import type { AppEnv } from '../env.ts';
import { type AtomEntry, renderAtomFeed } from '../lib/atom.ts';
import { publicCacheHeaders, SITE_TAG, threadTag } from '../lib/edge-cache-headers.ts';
import { boundEntries } from '../lib/feed-budget.ts';
import { LIMITS } from '../lib/schemas.ts';
import * as z from '../lib/zod.ts';
import { validate } from '../middleware/validate.ts';
import { requestedPageUrl } from '../services/pages/page-url.ts';

export const FEED_SIZE = 50;

const feedQuerySchema = z.object({
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
});

/** Where a reader of the page finds the comment; the widget gives each comment this fragment's id. */
const commentLink = (pageUrl: string, id: string): string => `${pageUrl}#comment-${id}`;

/**
 * A tag URI (RFC 4151) names the comment itself, not its page: moving a thread to a new URL (the admin API
 * can) must not make every feed reader show its comments again as new entries.
 */
const entryId = (host: string, row: ListedCommentRow): string =>
  `tag:${host},${row.created_at.slice(0, 10)}:comment:${row.id}`;

const toEntry = (row: ListedCommentRow, host: string, anonymousName: string): AtomEntry => {
  const author = row.author_name || anonymousName;
  return {
    id: entryId(host, row),
    title: `${author} on ${row.thread_title || row.thread_url}`,
    authorName: author,
    authorUri: row.author_website,
    published: row.created_at,
    updated: row.edited_at ?? row.created_at,
    link: commentLink(row.thread_url, row.id),
    html: row.html,
  };
};

/**
 * The newest change among the entries (an old comment edited today counts), or `fallback` for none.
 * ISO 8601 UTC strings of one format sort as their instants do.
 */
const latestUpdate = (entries: readonly AtomEntry[], fallback: string): string =>
  entries
    .map((entry) => entry.updated)
    .sort()
    .at(-1) ?? fallback;

interface FeedSource {
  title: string;
  alternate: string | null;
  rows: ListedCommentRow[];
  /** When the feed began, for `updated` while it has no entries (`null`: now). */
  since: string | null;
}

const siteSource = async (db: D1Database): Promise<FeedSource> => ({
  title: 'Latest comments',
  // The site may span several allowed origins: there is no one page to link to.
  alternate: null,
  rows: await latestComments(db, FEED_SIZE),
  since: null,
});

const threadSource = async (db: D1Database, key: string, pageUrl: string | null): Promise<FeedSource> => {
  const { thread, rows } = await latestThreadComments(db, key, FEED_SIZE);
  const alternate = thread?.url ?? pageUrl;
  return {
    title: thread?.title || `Comments on ${alternate ?? key}`,
    alternate,
    rows,
    since: thread?.created_at ?? null,
  };
};

export const feed = new Hono<AppEnv>()
  // Feed readers poll: an ETag lets them get a 304 instead of the whole document.
  .use(etag())
  .get('/', validate('query', feedQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const { anonymousName } = c.get('settings');
    const requestUrl = new URL(c.req.url);

    const pageUrl = requestedPageUrl(query.url, c.get('settings'));
    const key = query.id ?? pageUrl;

    // The feed's id and self link: this endpoint with the page spelled canonically, so every spelling of
    // one page's URL is one feed, and any other parameter is left out.
    const self = new URL('/api/v1/feed', requestUrl);
    if (pageUrl !== null) self.searchParams.set('url', pageUrl);
    if (query.id !== undefined) self.searchParams.set('id', query.id);

    const source = key === null ? await siteSource(c.env.DB) : await threadSource(c.env.DB, key, pageUrl);
    const entries = boundEntries(source.rows.map((row) => toEntry(row, requestUrl.hostname, anonymousName)));
    const xml = renderAtomFeed({
      id: self.href,
      title: source.title,
      updated: latestUpdate(entries, source.since ?? new Date().toISOString()),
      self: self.href,
      alternate: source.alternate,
      entries,
    });
    return c.body(xml, 200, {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      ...publicCacheHeaders({
        tags: [key === null ? SITE_TAG : await threadTag(key)],
        browser: 'public, max-age=60',
        bookmarked: c.get('bookmarked'),
      }),
    });
  });
