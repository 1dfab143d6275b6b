/**
 * /api/v1/admin/threads/mastodon (issue 18): the owner links a thread (or a page that has none yet) to
 * the toot that announced it, unlinks it, reads the link's state, and fetches it now. Links and unlinks
 * are audited (`thread.mastodon`); a fetch is not an owner's decision and leaves no audit row.
 */
import { Hono } from 'hono';
import { auditStatement } from '../../db/audit.ts';
import { findLinkByKey } from '../../db/mastodon-links.ts';
import { findThread } from '../../db/threads.ts';
import type { AppEnv } from '../../env.ts';
import { ApiError } from '../../errors.ts';
import { ownerLinkSchema, threadKeySchema } from '../../lib/mastodon-schemas.ts';
import { isAllowedOrigin } from '../../lib/origins.ts';
import { validate } from '../../middleware/validate.ts';
import { liveComments } from '../../services/live/notify.ts';
import { linkToot, toMastodonLink, unlinkToot } from '../../services/mastodon/link.ts';
import { syncLink } from '../../services/mastodon/sync-thread.ts';
import { purgeThreads } from '../../services/pages/edge-cache.ts';
import { resolvePage } from '../../services/posting/post-comment.ts';
import type { MastodonRefresh } from '../../types/api.ts';

export const adminMastodon = new Hono<AppEnv>()
  .get('/', validate('query', threadKeySchema), async (c) => {
    const link = await findLinkByKey(c.env.DB, c.req.valid('query').key);
    return c.json({ mastodon: link ? toMastodonLink(link) : null });
  })
  .put('/', validate('json', ownerLinkSchema), async (c) => {
    const input = c.req.valid('json');
    const settings = c.get('settings');
    const db = c.env.DB;
    let page: { key: string; url: string; title: string };
    if (input.key !== undefined) {
      const thread = await findThread(db, input.key);
      if (!thread) throw new ApiError('not_found', 'no thread with this key');
      page = { key: thread.key, url: thread.url, title: thread.title };
    } else {
      const resolved = resolvePage({ url: input.page ?? '', id: input.id }, settings, (origin) =>
        isAllowedOrigin(origin, new URL(c.req.url).origin, settings),
      );
      page = { ...resolved, title: '' };
    }
    const audit = auditStatement(db, {
      actor: c.get('staff').actor,
      action: 'thread.mastodon',
      threadKey: page.key,
      detail: { url: input.url.trim() },
      at: new Date().toISOString(),
    });
    const { link } = await linkToot(db, settings, { page, tootUrl: input.url, by: 'owner' }, [audit]);
    purgeThreads(c, [link.thread_key]);
    return c.json({ mastodon: toMastodonLink(link) });
  })
  .delete('/', validate('query', threadKeySchema), async (c) => {
    const db = c.env.DB;
    const link = await findLinkByKey(db, c.req.valid('query').key);
    if (!link) throw new ApiError('not_found', 'this thread is linked to no toot');
    const audit = auditStatement(db, {
      actor: c.get('staff').actor,
      action: 'thread.mastodon',
      threadKey: link.thread_key,
      detail: { url: null, was: link.status_url },
      at: new Date().toISOString(),
    });
    await unlinkToot(db, link, [audit]);
    purgeThreads(c, [link.thread_key]);
    return c.body(null, 204);
  })
  // The owner's "fetch now": no lease, no spacing; the answer says what the fetch did.
  .post('/refresh', validate('json', threadKeySchema), async (c) => {
    const db = c.env.DB;
    const link = await findLinkByKey(db, c.req.valid('json').key);
    if (!link) throw new ApiError('not_found', 'this thread is linked to no toot');
    const result = await syncLink({ db, settings: c.get('settings'), now: new Date() }, link);
    if (result.changed) purgeThreads(c, [link.thread_key]);
    liveComments(
      c,
      result.changedIds.map((id) => ({ id, threadKey: link.thread_key })),
    );
    const updated = await findLinkByKey(db, link.thread_key);
    const refresh: MastodonRefresh = {
      ok: result.ok,
      error: result.error,
      added: result.added,
      updated: result.updated,
      removed: result.removed,
    };
    return c.json({ refresh, mastodon: updated ? toMastodonLink(updated) : null });
  });
