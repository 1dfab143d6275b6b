/**
 * GET /api/v1/threads/html: a thread's first page as HTML to insert as is into the embed's container
 * (issue 15; docs/api.md "GET /threads/html"), made by services/render/thread-html.ts. Read, cached and
 * purged like GET /threads: the same page, the thread's `Cache-Tag`, the same edge freshness.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { publicCacheHeaders, threadTag } from '../lib/edge-cache-headers.ts';
import { DEFAULT_PAGE_SIZE, threadQuerySchema } from '../lib/schemas.ts';
import * as z from '../lib/zod.ts';
import { validate } from '../middleware/validate.ts';
import { requestedPageUrl } from '../services/pages/page-url.ts';
import { readPage } from '../services/pages/thread-page.ts';
import { renderThreadHtml } from '../services/render/thread-html.ts';

/** GET /threads's `url`, `id` and `sort` (the same rules), plus the widget's `lang` and `theme` (its `data-*`). */
export const threadHtmlQuerySchema = z
  .object({
    url: threadQuerySchema.shape.url,
    id: threadQuerySchema.shape.id,
    sort: threadQuerySchema.shape.sort,
    // A language tag; one the widget does not speak falls back to DEFAULT_LANG, then English.
    lang: z.optional(z.string().check(z.maxLength(35, { error: 'must be at most 35 characters' }))),
    theme: z._default(z.enum(['light', 'dark', 'auto'], { error: 'must be light, dark or auto' }), 'light'),
  })
  .check(z.refine((q) => q.url !== undefined || q.id !== undefined, { error: 'is required', path: ['url'] }));

/**
 * An HTML fragment, opened on its own: styles inline, nothing else loads, and `sandbox` without
 * `allow-scripts` runs no script in it even if one got in (https://www.w3.org/TR/CSP3/#directive-sandbox).
 * The JSON blocks are data, not scripts: no policy is needed for the widget to read them.
 */
const FRAGMENT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

export const threadsHtml = new Hono<AppEnv>().get(
  '/',
  validate('query', threadHtmlQuerySchema),
  async (c) => {
    const query = c.req.valid('query');
    const settings = c.get('settings');
    const url = requestedPageUrl(query.url, settings);
    const key = query.id ?? (url as string);
    const { page } = await readPage(c.env.DB, {
      key,
      url,
      sort: query.sort,
      limit: DEFAULT_PAGE_SIZE,
      cursor: null,
      anonymousName: settings.anonymousName,
    });
    const { html, lang } = renderThreadHtml({
      page,
      sort: query.sort,
      lang: [query.lang, c.env.DEFAULT_LANG],
      theme: query.theme,
      origin: new URL(c.req.url).origin,
      // As GET /config reads it. The HTML is cached like the JSON: a change of the setting shows within
      // the edge's freshness (docs/api.md, "Caching"), or at once with a purge of the thread.
      live: settings.live,
      feed: { url, ...(query.id === undefined ? {} : { id: query.id }) },
    });
    return c.body(html, 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Language': lang,
      'Content-Security-Policy': FRAGMENT_CSP,
      ...publicCacheHeaders({
        tags: [await threadTag(key)],
        browser: 'no-cache',
        bookmarked: c.get('bookmarked'),
      }),
    });
  },
);
