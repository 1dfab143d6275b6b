/**
 * `POST /api/v1/threads/mastodon { url, id?, title?, toot }`: a page's `data-mastodon` (issue 18). The
 * widget sends it when the attribute is set; the link is taken under the rules of services/mastodon/link.ts
 * and, when this thread's last fetch began more than 5 minutes ago, the toot is fetched after the answer
 * (202). Answers `{ mastodon, accepted, refreshing }`.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { embedLinkSchema } from '../lib/mastodon-schemas.ts';
import { isAllowedOrigin } from '../lib/origins.ts';
import { validate } from '../middleware/validate.ts';
import { liveComments } from '../services/live/notify.ts';
import { checkNewThreadRate, linkToot, toMastodonLink } from '../services/mastodon/link.ts';
import { refreshForReader } from '../services/mastodon/run.ts';
import { type EdgeContext, purgeThreads } from '../services/pages/edge-cache.ts';
import { resolvePage } from '../services/posting/post-comment.ts';

const executionContext = (c: { executionCtx: EdgeContext }): EdgeContext | null => {
  try {
    return c.executionCtx;
  } catch {
    return null; // app.request() without an execution context: nowhere to run the fetch
  }
};

export const mastodon = new Hono<AppEnv>().post('/', validate('json', embedLinkSchema), async (c) => {
  const input = c.req.valid('json');
  const settings = c.get('settings');
  const page = resolvePage(input, settings, (origin) =>
    isAllowedOrigin(origin, new URL(c.req.url).origin, settings),
  );
  const db = c.env.DB;
  await checkNewThreadRate(db, settings, page, c.req.header('CF-Connecting-IP'), new Date());
  const { link, accepted } = await linkToot(db, settings, {
    page: { ...page, title: input.title ?? '' },
    tootUrl: input.toot,
    by: 'embed',
  });
  const ctx = executionContext(c);
  const fetchNow = accepted && ctx ? await refreshForReader({ db, settings, now: new Date() }, link) : null;
  if (ctx && fetchNow) {
    ctx.waitUntil(
      fetchNow()
        .then((result) => {
          if (result.changed) purgeThreads(c, [link.thread_key]);
          liveComments(
            c,
            result.changedIds.map((id) => ({ id, threadKey: link.thread_key })),
          );
        })
        .catch((err) => console.error('mastodon refresh failed:', err)),
    );
  }
  const body = { mastodon: toMastodonLink(link), accepted, refreshing: fetchNow !== null };
  return c.json(body, fetchNow ? 202 : 200);
});
