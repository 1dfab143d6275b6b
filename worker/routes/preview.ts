/** POST /api/v1/preview: the HTML a comment body would get, rendered by the same code as POST /comments. */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { editSchema } from '../lib/schemas.ts';
import { validate } from '../middleware/validate.ts';
import { renderCommentHtml } from '../services/posting/comment-html.ts';
import { checkLength } from '../services/posting/write-guards.ts';

// The very body rule of POST /comments and PATCH, so a preview never accepts a body a post would refuse.
export const preview = new Hono<AppEnv>().post('/', validate('json', editSchema), (c) => {
  const { body } = c.req.valid('json');
  checkLength(body, c.get('settings').maxCommentLength);
  // Nothing is stored and the answer depends only on the body: no reason for a cache to keep it.
  return c.json({ html: renderCommentHtml(body) }, 200, { 'Cache-Control': 'no-store' });
});
