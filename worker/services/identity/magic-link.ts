/**
 * E-mail sign-in by magic link (issue 13, item 2). POST /auth/email stores a single-use link (15 minutes)
 * and e-mails it; the link's page (GET) only shows a button, since mail scanners and link previews follow
 * links; its POST consumes the link, signs the address in (provider `email`, the address verified) and
 * hands the session to the page the reader came from, in the URL fragment (docs/api.md "E-mail sign-in").
 * The answer to the request is the same whether or not the address has an account: it says nothing of who
 * is known here. Rate limits per IP and per address keep it from mailing someone over and over.
 */
import {
  consumeMagicLink,
  insertMagicLink,
  type MagicLinkData,
  peekMagicLink,
} from '../../db/magic-links.ts';
import { countWrite } from '../../db/rate-limit.ts';
import { findUserByIdentity } from '../../db/users.ts';
import { canonicalOrigin, type RateLimit, type Settings } from '../../env.ts';
import { ApiError, validationFailed } from '../../errors.ts';
import { keyedHash } from '../../lib/crypto.ts';
import { ipRateKey } from '../../lib/ip-prefix.ts';
import type { MailLang } from '../../lib/mail-i18n/index.ts';
import { randomSecret, secretHash } from '../../lib/opaque-token.ts';
import { isReservedName } from '../../lib/reserved-names.ts';
import type { EmailMessage } from '../notify/email.ts';
import { type Reader, resolveSession, startSession } from './sessions.ts';
import { signInEmail } from './sign-in-email.ts';

/** A link works once, for 15 minutes: long enough to switch to the mailbox, short if it leaks. */
export const MAGIC_LINK_SECONDS = 15 * 60;
/** Links one address may be sent per hour (a typo retried, a second device), and one IP (a household). */
export const PER_ADDRESS: RateLimit = { count: 5, seconds: 3600 };
export const PER_IP: RateLimit = { count: 20, seconds: 3600 };

/** The fragment key the session travels under back to the page: `#causerie-session=ses_…`. */
export const SESSION_FRAGMENT = 'causerie-session';

/** Whether the owner offers e-mail sign-in: sign-in is on (AUTH) and e-mail can be sent. */
export const emailSignInEnabled = (settings: Settings): boolean =>
  settings.auth !== 'off' && settings.email !== null;

export interface MagicLinkContext {
  db: D1Database;
  settings: Settings;
  ip: string | null;
  /** The worker's origin: the link points at its /api/v1/auth/email/verify. */
  workerOrigin: string;
  isAllowedOrigin: (origin: string) => boolean;
  lang: MailLang;
  now: Date;
}

const overLimit = async (ctx: MagicLinkContext, key: string, limit: RateLimit): Promise<void> => {
  const retryAfter = await countWrite(ctx.db, [key], limit, Math.floor(ctx.now.getTime() / 1000));
  if (retryAfter !== null) {
    throw new ApiError('rate_limited', `too many sign-in e-mails; try again in ${retryAfter} s`, {
      headers: { 'Retry-After': String(retryAfter) },
    });
  }
};

/**
 * Checks the request, stores the link and returns the e-mail to send (the route sends it after answering).
 * @example const message = await requestMagicLink(ctx, { email: 'zoe@example.com', origin: 'https://blog.example' })
 */
export const requestMagicLink = async (
  ctx: MagicLinkContext,
  input: { email: string; origin: string; url?: string | undefined; name?: string | undefined },
): Promise<EmailMessage> => {
  const mail = ctx.settings.email;
  if (!mail || !emailSignInEnabled(ctx.settings)) {
    throw new ApiError('not_found', 'e-mail sign-in is not enabled on this site');
  }
  const origin = canonicalOrigin(input.origin);
  if (!origin || !ctx.isAllowedOrigin(origin)) {
    throw new ApiError('origin_not_allowed', `pages of ${input.origin} may not sign in here`);
  }
  const returnTo = input.url ?? `${origin}/`;
  if (new URL(returnTo).origin !== origin) {
    throw validationFailed([{ field: 'url', message: 'must be a page of origin' }]);
  }
  const name = input.name ?? null;
  if (name && isReservedName(name, [ctx.settings.moderatorName, ...ctx.settings.reservedNames])) {
    throw validationFailed([{ field: 'name', message: 'is reserved on this site' }]);
  }
  const email = input.email.toLowerCase();
  const secret = ctx.settings.secretKey;
  if (ctx.ip) await overLimit(ctx, `signin-ip:${await keyedHash(secret, 'ip', ipRateKey(ctx.ip))}`, PER_IP);
  await overLimit(ctx, `signin-email:${await keyedHash(secret, 'email', email)}`, PER_ADDRESS);

  const token = randomSecret();
  const data: MagicLinkData = { email, name, returnTo };
  await insertMagicLink(ctx.db, {
    idHash: await secretHash(token),
    data,
    expiresAt: new Date(ctx.now.getTime() + MAGIC_LINK_SECONDS * 1000).toISOString(),
    now: ctx.now.toISOString(),
  });
  const link = `${ctx.workerOrigin}/api/v1/auth/email/verify?token=${token}`;
  return signInEmail(mail, email, new URL(origin).host, link, ctx.lang);
};

const DEAD_LINK = 'this sign-in link was already used or has expired; ask for a new one';

/** The GET page: 401 unless the link is live (it is not consumed). */
export const checkMagicLink = async (db: D1Database, token: string, now = new Date()): Promise<void> => {
  if (!(await peekMagicLink(db, await secretHash(token), now.toISOString()))) {
    throw new ApiError('unauthorized', DEAD_LINK);
  }
};

/**
 * The button's POST: consumes the link and signs the address in. A first sign-in without a name takes the
 * address's local part; a returning one keeps the account's name unless a new one was given.
 */
export const completeMagicLink = async (
  db: D1Database,
  token: string,
  now = new Date(),
): Promise<{ token: string; returnTo: string; reader: Reader }> => {
  const data = await consumeMagicLink(db, await secretHash(token), now.toISOString());
  if (!data) throw new ApiError('unauthorized', DEAD_LINK);
  const known = await findUserByIdentity(db, 'email', data.email);
  const name = data.name ?? known?.name ?? data.email.split('@')[0] ?? data.email;
  const session = await startSession(
    db,
    { provider: 'email', subject: data.email, name, email: data.email, avatarUrl: known?.avatar_url ?? null },
    now,
  );
  const reader = await resolveSession(db, session.token, now);
  if (!reader) throw new ApiError('storage_unavailable', 'the session could not be read back; try again');
  return { token: session.token, returnTo: data.returnTo, reader };
};
