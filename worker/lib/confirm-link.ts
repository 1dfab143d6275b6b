/**
 * The double opt-in of reply e-mails, pure parts: the keyed hash an address is known by, the signed
 * expiring confirmation link `/api/v1/confirm?a=<address hash>&e=<expiry, epoch seconds>&sig=<hmac>`, and
 * the one e-mail that carries it. That e-mail holds no text a commenter chose (no thread title, name,
 * page path or body: issue 11, "an open relay for harassment"), only the site's host and the link.
 */
import { timingSafeEqual } from 'hono/utils/buffer';
import { keyedHash } from './crypto.ts';

/** How long a confirmation link works. */
export const CONFIRM_LINK_SECONDS = 7 * 24 * 3600;
/** At most one confirmation e-mail per address in this time. */
export const CONFIRM_RESEND_SECONDS = 24 * 3600;

/** What the table stores and the link carries: never the address. */
export const addressHash = (secretKey: string, email: string): Promise<string> =>
  keyedHash(secretKey, 'address', email.trim().toLowerCase());

const signature = (secretKey: string, hash: string, expires: number): Promise<string> =>
  keyedHash(secretKey, 'confirm', `${hash}\n${expires}`);

export const confirmUrl = async (
  origin: string,
  secretKey: string,
  hash: string,
  expires: number,
): Promise<string> =>
  `${origin}/api/v1/confirm?a=${hash}&e=${expires}&sig=${await signature(secretKey, hash, expires)}`;

export type ConfirmLinkCheck = 'valid' | 'invalid' | 'expired';

/** Constant-time check of the signature, then of the expiry; `e` must be canonical decimal digits. */
export const checkConfirmLink = async (
  secretKey: string,
  link: { a: string; e: string; sig: string },
  nowSeconds: number,
): Promise<ConfirmLinkCheck> => {
  if (!/^[0-9a-f]{32}$/.test(link.a) || !/^[1-9][0-9]{0,11}$/.test(link.e)) return 'invalid';
  const expires = Number(link.e);
  if (!(await timingSafeEqual(link.sig, await signature(secretKey, link.a, expires)))) return 'invalid';
  return nowSeconds < expires ? 'valid' : 'expired';
};
