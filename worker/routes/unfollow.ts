/**
 * GET|POST /api/v1/unfollow?f=<follow id>&sig=<hmac>: the one-click unsubscribe of a followed thread's
 * e-mails (lib/unfollow-link.ts). POST is RFC 8058's one-click form (`List-Unsubscribe=One-Click` as a
 * form body, https://www.rfc-editor.org/rfc/rfc8058), so this is mounted outside the JSON-only reader API,
 * like /unsubscribe; the GET of the same link stops the e-mails too and shows a page.
 */
import { Hono } from 'hono';
import { deleteFollow } from '../db/thread-follows.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { isValidUnfollow } from '../lib/unfollow-link.ts';
import * as z from '../lib/zod.ts';
import { validate } from '../middleware/validate.ts';

const querySchema = z.object({
  f: z.string().check(z.minLength(1), z.maxLength(64)),
  sig: z.string().check(z.minLength(1), z.maxLength(64)),
});

const PAGE = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta name="robots" content="noindex"><title>Unsubscribed</title>
<p>You will no longer receive e-mails about new comments on this thread.</p>`;

export const unfollow = new Hono<AppEnv>().on(
  ['GET', 'POST'],
  '/',
  validate('query', querySchema),
  async (c) => {
    const { f, sig } = c.req.valid('query');
    if (!(await isValidUnfollow(c.get('settings').secretKey, f, sig))) {
      throw new ApiError('unauthorized', 'this unsubscribe link is not valid');
    }
    // Idempotent, and silent about whether the follow still exists.
    await deleteFollow(c.env.DB, f);
    return c.req.method === 'GET'
      ? c.html(PAGE, 200, { 'Cache-Control': 'no-store' })
      : c.body(null, 200, { 'Cache-Control': 'no-store' });
  },
);
