/**
 * Likes: `POST|DELETE /comments/:id/like` and `POST|DELETE /threads/like`, each `{ reader }` (the widget's
 * opaque id). One like per reader; liking or unliking twice changes nothing. Answers `{ likes, liked }`.
 */
import { type Context, Hono } from 'hono';
import { findComment } from '../db/comments.ts';
import { setLike } from '../db/likes.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { keyedHash } from '../lib/crypto.ts';
import { isAllowedOrigin } from '../lib/origins.ts';
import { likeSchema, pageLikeSchema } from '../lib/schemas.ts';
import { validate } from '../middleware/validate.ts';
import { liveEvents } from '../services/live/notify.ts';
import { purgeThreads } from '../services/pages/edge-cache.ts';
import { checkLikeRate, requireThread } from '../services/posting/like-guards.ts';
import { resolvePage } from '../services/posting/post-comment.ts';

const readerHash = (c: Context<AppEnv>, reader: string) =>
  keyedHash(c.get('settings').secretKey, 'reader', reader);

const likeComment = (like: boolean) =>
  async function likeComment(c: Context<AppEnv, '/:id/like', { out: { json: { reader: string } } }>) {
    const id = c.req.param('id');
    await checkLikeRate(c, new Date());
    const comment = await findComment(c.env.DB, id);
    if (comment?.status !== 'approved') throw new ApiError('not_found', 'no such comment');
    const hash = await readerHash(c, c.req.valid('json').reader);
    const state = await setLike(c.env.DB, { comment: id }, hash, like, new Date().toISOString());
    purgeThreads(c, [comment.thread_key]);
    liveEvents(c, comment.thread_key, [{ type: 'like', id, likes: state.likes }]);
    return c.json(state);
  };

const likePage = (like: boolean) =>
  async function likePage(
    c: Context<AppEnv, '/like', { out: { json: { url: string; id?: string | undefined; reader: string } } }>,
  ) {
    const input = c.req.valid('json');
    const page = resolvePage(input, c.get('settings'), (origin) =>
      isAllowedOrigin(origin, new URL(c.req.url).origin, c.get('settings')),
    );
    await checkLikeRate(c, new Date());
    // A like never creates a thread (services/posting/like-guards.ts): the page must have one already.
    await requireThread(c.env.DB, page.key);
    const hash = await readerHash(c, input.reader);
    const now = new Date().toISOString();
    const state = await setLike(c.env.DB, { thread: page.key }, hash, like, now);
    purgeThreads(c, [page.key]);
    liveEvents(c, page.key, [{ type: 'like', page: true, likes: state.likes }]);
    return c.json(state);
  };

export const commentLikes = new Hono<AppEnv>()
  .post('/:id/like', validate('json', likeSchema), likeComment(true))
  .delete('/:id/like', validate('json', likeSchema), likeComment(false));

export const pageLikes = new Hono<AppEnv>()
  .post('/like', validate('json', pageLikeSchema), likePage(true))
  .delete('/like', validate('json', pageLikeSchema), likePage(false));
