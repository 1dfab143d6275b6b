/**
 * The reader's own comments: POST /comments to post or reply (API.md "Rules for POST /comments"), and
 * PATCH / DELETE /comments/:id with the edit token, while the edit window is open.
 */

import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteComment, findEditable, updateBody } from '../db/edits.ts';
import { toComment } from '../db/rows.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { shouldHold } from '../lib/content-check.ts';
import { isAllowedOrigin } from '../lib/origins.ts';
import { editSchema, newCommentSchema } from '../lib/schemas.ts';
import { validate } from '../middleware/validate.ts';
import { scheduleNotify } from '../services/notify/index.ts';
import { purgeThreads } from '../services/pages/edge-cache.ts';
import { renderCommentHtml } from '../services/posting/comment-html.ts';
import type { PostContext } from '../services/posting/context.ts';
import { authorizeEdit } from '../services/posting/edit-auth.ts';
import { postComment } from '../services/posting/post-comment.ts';
import { authorHashes, checkAuthor, checkLength } from '../services/posting/write-guards.ts';

const postContext = (c: Context<AppEnv>): PostContext => ({
  db: c.env.DB,
  settings: c.get('settings'),
  ip: c.req.header('CF-Connecting-IP') ?? null,
  isAllowedOrigin: (origin) => isAllowedOrigin(origin, new URL(c.req.url).origin, c.get('settings')),
  now: new Date(),
  origin: new URL(c.req.url).origin,
  userAgent: c.req.header('User-Agent') ?? null,
  referrer: c.req.header('Referer') ?? null,
  signedIn: c.get('reader') != null,
});

/** The comment `:id`, once the request's edit token proves its author wrote it (401/403/404 otherwise). */
const authorizeOwnEdit = (c: Context<AppEnv>, ctx: PostContext) =>
  authorizeEdit(
    ctx.db,
    ctx.settings.secretKey,
    c.req.param('id') ?? '',
    c.req.header('Authorization'),
    ctx.now,
  );

export const comments = new Hono<AppEnv>()
  .post('/', validate('json', newCommentSchema), async (c) => {
    const result = await postComment(postContext(c), c.req.valid('json'));
    // On a retry too: a purge is best effort, and a second one costs nothing but a token.
    purgeThreads(c, [result.threadKey]);
    // Webhook and e-mails after the response (waitUntil); a retry found an old comment: nothing new to tell.
    if (result.created) scheduleNotify(c, result.body.comment.id, { owner: true });
    // 201 for a new comment; 200 when a retried clientId found the one made before.
    return c.json(result.body, result.created ? 201 : 200);
  })
  .patch('/:id', validate('json', editSchema), async (c) => {
    const ctx = postContext(c);
    const row = await authorizeOwnEdit(c, ctx);
    const { body } = c.req.valid('json');
    checkLength(body, ctx.settings.maxCommentLength);
    // Edits count against the write limit like new comments (a token is no licence to flood).
    await checkAuthor(ctx, { email: null, ...(await authorHashes(ctx, undefined)) });
    const html = renderCommentHtml(body);
    const hold = shouldHold(body, html, ctx.settings);
    if (hold && row.reply_count > 0) {
      // Holding it would orphan its replies; say why instead of publishing what the rules would hold.
      throw new ApiError('validation_failed', 'body has too many links or a blocked word', {
        errors: [{ field: 'body', message: 'has too many links or a word this site holds for moderation' }],
      });
    }
    await updateBody(ctx.db, row, { body, html, editedAt: ctx.now.toISOString(), hold });
    purgeThreads(c, [row.thread_key]);
    const updated = await findEditable(ctx.db, row.id);
    if (!updated) throw new ApiError('not_found', 'no such comment');
    return c.json({ comment: toComment(updated, ctx.settings.anonymousName) });
  })
  .delete('/:id', async (c) => {
    const ctx = postContext(c);
    const row = await authorizeOwnEdit(c, ctx);
    await deleteComment(ctx.db, row);
    purgeThreads(c, [row.thread_key]);
    return c.body(null, 204);
  });
