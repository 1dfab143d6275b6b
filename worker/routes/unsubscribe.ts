/**
 * One-click unsubscribe from reply e-mails: a link signed per comment (HMAC with SECRET_KEY), and the
 * route behind it, GET or POST /api/v1/unsubscribe?c=<commentId>&sig=<hmac> (POST is RFC 8058's one-click
 * form, `List-Unsubscribe=One-Click` as a form body: mounted outside the JSON-only reader API for that).
 */
import { Hono } from 'hono';
import { stopReplyNotifications } from '../db/admin-notify.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { isValidUnsubscribe } from '../lib/unsubscribe-link.ts';
import * as z from '../lib/zod.ts';
import { validate } from '../middleware/validate.ts';

const querySchema = z.object({
  c: z.string().check(z.minLength(1), z.maxLength(64)),
  sig: z.string().check(z.minLength(1), z.maxLength(64)),
});

const PAGE = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Unsubscribed</title><p>You will no longer receive e-mails about replies to this comment.</p>`;

export const unsubscribe = new Hono<AppEnv>().on(
  ['GET', 'POST'],
  '/',
  validate('query', querySchema),
  async (c) => {
    const { c: commentId, sig } = c.req.valid('query');
    if (!(await isValidUnsubscribe(c.get('settings').secretKey, commentId, sig))) {
      throw new ApiError('unauthorized', 'this unsubscribe link is not valid');
    }
    // Idempotent, and silent about whether the comment still exists.
    await stopReplyNotifications(c.env.DB, commentId);
    return c.req.method === 'GET'
      ? c.html(PAGE, 200, { 'Cache-Control': 'no-store' })
      : c.body(null, 200, { 'Cache-Control': 'no-store' });
  },
);
