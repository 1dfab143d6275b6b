/**
 * GET|POST /api/v1/confirm?a=<address hash>&e=<expiry>&sig=<hmac>: the double opt-in link of reply
 * e-mails. GET only shows a page with a button: mail scanners and link previews follow links, and must not
 * confirm an address; the button POSTs the same URL (a form body, so mounted outside the JSON-only reader
 * API, like /unsubscribe), which marks the address confirmed.
 */
import { Hono } from 'hono';
import { confirmAddress } from '../db/confirmed-addresses.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { checkConfirmLink } from '../lib/confirm-link.ts';
import * as z from '../lib/zod.ts';
import { validate } from '../middleware/validate.ts';

const querySchema = z.object({
  a: z.string().check(z.minLength(1), z.maxLength(64)),
  e: z.string().check(z.minLength(1), z.maxLength(20)),
  sig: z.string().check(z.minLength(1), z.maxLength(64)),
});

const page = (title: string, body: string) => `<!doctype html><meta charset="utf-8">
<meta name="viewport" content="width=device-width"><meta name="robots" content="noindex">
<title>${title}</title><h1>${title}</h1>${body}`;

// No script and no style: the API's CSP (default-src 'none', form-action 'self') lets this form post.
const ASK = page(
  'Confirm e-mails',
  `<p>Confirm that this address may receive e-mails about replies to its comments, or about the new comments of the threads it follows.</p>
<form method="post"><button type="submit">Confirm</button></form>`,
);
const DONE = page(
  'Address confirmed',
  '<p>You will be e-mailed about the replies and threads you asked to hear of.</p>',
);

export const confirm = new Hono<AppEnv>().on(
  ['GET', 'POST'],
  '/',
  validate('query', querySchema),
  async (c) => {
    const link = c.req.valid('query');
    const { secretKey } = c.get('settings');
    const now = new Date();
    const check = await checkConfirmLink(secretKey, link, Math.floor(now.getTime() / 1000));
    if (check !== 'valid') {
      throw new ApiError(
        'unauthorized',
        check === 'expired' ? 'this confirmation link has expired' : 'this confirmation link is not valid',
      );
    }
    if (c.req.method === 'GET') return c.html(ASK, 200, { 'Cache-Control': 'no-store' });
    await confirmAddress(c.env.DB, link.a, now.toISOString());
    return c.html(DONE, 200, { 'Cache-Control': 'no-store' });
  },
);
