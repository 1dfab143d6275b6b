/**
 * Signing out, and e-mail sign-in by magic link (API.md "Additions": POST /auth/logout, POST /auth/email,
 * GET /auth/email/verify). The providers' popup flow and SSO are other modules (issue 13, part A).
 * - `authAccount` (mounted in the JSON reader API): POST /auth/logout `{ all? }`, POST /auth/email.
 * - `emailVerify` (mounted before it, like /confirm: its button posts a form, not JSON).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { emailSignInSchema, logoutSchema, verifyQuerySchema } from '../lib/account-schemas.ts';
import { pickMailLang } from '../lib/mail-i18n/index.ts';
import { isAllowedOrigin } from '../lib/origins.ts';
import { validate } from '../middleware/validate.ts';
import {
  checkMagicLink,
  completeMagicLink,
  requestMagicLink,
  SESSION_FRAGMENT,
} from '../services/identity/magic-link.ts';
import { endAllSessions, endSession } from '../services/identity/sessions.ts';
import { DEFAULT_RETRY } from '../services/notify/deliver.ts';
import { mailContext } from '../services/notify/index.ts';
import { sendMail } from '../services/notify/mailer.ts';
import { signedIn } from './me.ts';

const ownOrigin = (c: Context<AppEnv>) => new URL(c.req.url).origin;

export const authAccount = new Hono<AppEnv>()
  .post('/logout', validate('json', logoutSchema), async (c) => {
    const reader = signedIn(c);
    if (c.req.valid('json').all) await endAllSessions(c.env.DB, reader.user.id);
    else await endSession(c.env.DB, reader);
    return c.body(null, 204);
  })
  .post('/email', validate('json', emailSignInSchema), async (c) => {
    const settings = c.get('settings');
    const message = await requestMagicLink(
      {
        db: c.env.DB,
        settings,
        ip: c.req.header('CF-Connecting-IP') ?? null,
        workerOrigin: ownOrigin(c),
        isAllowedOrigin: (origin) => isAllowedOrigin(origin, ownOrigin(c), settings),
        lang: pickMailLang(c.req.header('Accept-Language')),
        now: new Date(),
      },
      c.req.valid('json'),
    );
    // After the answer: its timing says nothing about the transport, and a slow one never delays the reader.
    if (settings.email) {
      const mail = mailContext(
        {
          db: c.env.DB,
          fetcher: (input, init) => fetch(input, init),
          retry: DEFAULT_RETRY,
          binding: c.env.EMAIL,
        },
        settings.email,
      );
      c.executionCtx.waitUntil(
        sendMail(mail, message, 'signin').catch((err) => console.error('sign-in e-mail failed:', err)),
      );
    }
    return c.json({ sent: true }, 202);
  });

const escapeAttr = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const page = (title: string, body: string, head = '') => `<!doctype html><meta charset="utf-8">
<meta name="viewport" content="width=device-width"><meta name="robots" content="noindex">${head}
<title>${title}</title><h1>${title}</h1>${body}`;

// No script and no style: the API's CSP (default-src 'none', form-action 'self') lets this form post.
const ASK = page(
  'Sign in',
  `<p>Sign in to comment with this e-mail address.</p>
<form method="post"><button type="submit">Sign in</button></form>`,
);

/**
 * Where the session goes: the page the reader asked from, with the token in the fragment (never sent to
 * any server, not in Referer), by a meta refresh: the page needs no script, and the e-mail opened it in a
 * tab of its own, so there is no opener to post to. The widget on that page takes the token and removes
 * the fragment (docs/api.md "E-mail sign-in").
 */
const handOff = (returnTo: string, token: string): string => {
  const target = new URL(returnTo);
  target.hash = `${SESSION_FRAGMENT}=${token}`;
  const href = escapeAttr(target.href);
  return page(
    'Signed in',
    `<p><a href="${href}">Back to the page</a></p>`,
    `<meta http-equiv="refresh" content="0; url=${href}">`,
  );
};

/**
 * Routing only: the GET sits under `/:provider/verify`, a parameter beside the popup's
 * `/auth/:provider/start` and `/callback` (routes/auth-popup.ts), and answers `email` alone. A fixed
 * `/auth/email/verify` beside those parameters is a GET route set Hono's RegExpRouter refuses
 * (UnsupportedPathError), and its SmartRouter then matches every request of the app with the slower
 * TrieRouter. Any other provider's `/verify` is the app's own 404, as before.
 */
const emailProviderOnly: MiddlewareHandler<AppEnv> = async function emailProviderOnly(c, next) {
  if (c.req.param('provider') !== 'email') return c.notFound();
  await next();
};

/** Mounted at /api/v1/auth: the page of a magic link (GET) and the sign-in its button posts (POST). */
export const emailVerify = new Hono<AppEnv>()
  .get('/:provider/verify', emailProviderOnly, validate('query', verifyQuerySchema), async (c) => {
    await checkMagicLink(c.env.DB, c.req.valid('query').token);
    return c.html(ASK, 200, { 'Cache-Control': 'no-store' });
  })
  .post('/email/verify', validate('query', verifyQuerySchema), async (c) => {
    const session = await completeMagicLink(c.env.DB, c.req.valid('query').token);
    return c.html(handOff(session.returnTo, session.token), 200, { 'Cache-Control': 'no-store' });
  });
