/**
 * The reader's own comments: POST /comments to post or reply (API.md "Rules for POST /comments"), and
 * PATCH / DELETE /comments/:id with the edit token, while the edit window is open.
 */

import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteComment } from '../db/edits.ts';
import { toComment } from '../db/rows.ts';
import type { AppEnv } from '../env.ts';
import { isAllowedOrigin } from '../lib/origins.ts';
import { editSchema, newCommentSchema } from '../lib/schemas.ts';
import { validate } from '../middleware/validate.ts';
import { liveEvents } from '../services/live/notify.ts';
import { scheduleNotify } from '../services/notify/index.ts';
import { purgeThreads } from '../services/pages/edge-cache.ts';
import type { PostContext } from '../services/posting/context.ts';
import { authorizeEdit } from '../services/posting/edit-auth.ts';
import { editComment } from '../services/posting/edit-comment.ts';
import { postComment } from '../services/posting/post-comment.ts';

const postContext = (c: Context<AppEnv>): PostContext => ({
  db: c.env.DB,
  settings: c.get('settings'),
  ip: c.req.header('CF-Connecting-IP') ?? null,
  isAllowedOrigin: (origin) => isAllowedOrigin(origin, new URL(c.req.url).origin, c.get('settings')),
  now: new Date(),
  // AUTH=off: a session bearer is ignored on posts, which stay guests' (docs/api.md "Identity").
  reader: c.get('settings').auth === 'off' ? null : c.get('reader'),
  origin: new URL(c.req.url).origin,
  userAgent: c.req.header('User-Agent') ?? null,
  referrer: c.req.header('Referer') ?? null,
});

/**
 * The comment `:id`, once the request's edit token, or the session of the account that wrote it, proves
 * its author asks (401/403/404 otherwise). A session works whatever AUTH says: the comment is the account's.
 */
const authorizeOwnEdit = (c: Context<AppEnv>, ctx: PostContext) =>
  authorizeEdit(
    ctx.db,
    ctx.settings,
    c.req.param('id') ?? '',
    c.req.header('Authorization'),
    ctx.now,
    c.get('reader'),
  );

export const comments = new Hono<AppEnv>()
  .post('/', validate('json', newCommentSchema), async (c) => {
    const result = await postComment(postContext(c), c.req.valid('json'));
    // On a retry too: a purge is best effort, and a second one costs nothing but a token.
    purgeThreads(c, [result.threadKey]);
    // Webhook and e-mails after the response (waitUntil); a retry found an old comment: nothing new to tell.
    if (result.created) scheduleNotify(c, result.body.comment.id, { owner: true });
    // Live readers (issue 17) hear of what they may see: an approved comment, not a held one.
    const { comment } = result.body;
    if (result.created && comment.status === 'approved') {
      liveEvents(c, result.threadKey, [{ type: 'comment', comment }]);
    }
    // 201 for a new comment; 200 when a retried clientId found the one made before.
    return c.json(result.body, result.created ? 201 : 200);
  })
  .patch('/:id', validate('json', editSchema), async (c) => {
    const ctx = postContext(c);
    const row = await authorizeOwnEdit(c, ctx);
    const updated = await editComment(ctx, row, c.req.valid('json').body);
    purgeThreads(c, [row.thread_key]);
    const comment = toComment(updated, ctx.settings.anonymousName);
    if (comment.status === 'approved') liveEvents(c, row.thread_key, [{ type: 'comment', comment }]);
    return c.json({ comment });
  })
  .delete('/:id', async (c) => {
    const ctx = postContext(c);
    const row = await authorizeOwnEdit(c, ctx);
    await deleteComment(ctx.db, row);
    purgeThreads(c, [row.thread_key]);
    liveEvents(c, row.thread_key, [{ type: 'remove', id: row.id }]);
    return c.body(null, 204);
  });
