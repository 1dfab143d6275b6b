/** POST /api/v1/comments: a reader posts a comment or a reply (API.md "Rules for POST /comments"). */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { postComment } from '../lib/post-comment.ts';
import { newCommentSchema } from '../lib/schemas.ts';
import { validate } from '../lib/validate.ts';
import { isAllowedOrigin } from '../middleware/origin.ts';

export const comments = new Hono<AppEnv>().post('/', validate('json', newCommentSchema), async (c) => {
  const result = await postComment(
    {
      db: c.env.DB,
      settings: c.get('settings'),
      ip: c.req.header('CF-Connecting-IP') ?? null,
      isAllowedOrigin: (origin) => isAllowedOrigin(c, origin),
      now: new Date(),
    },
    c.req.valid('json'),
  );
  // 201 for a new comment; 200 when a retried clientId found the one made before.
  return c.json(result.body, result.created ? 201 : 200);
});
