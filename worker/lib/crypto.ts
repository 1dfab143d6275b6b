/**
 * Keyed hashes and signed tokens (HMAC-SHA256 with SECRET_KEY): edit tokens, IP hashes, avatar seeds.
 * Keyed, so an outsider holding a hash cannot test guesses of the e-mail or IP behind it.
 */
import { fromBase64Url, toBase64Url, toHex } from './encoding.ts';

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

const hmacKey = (secret: string): Promise<CryptoKey> => {
  // Without a key every token would be forgeable: fail loudly (logged as a 500), never sign with "".
  if (!secret) throw new Error('SECRET_KEY is not set (locally: .dev.vars; deployed: wrangler secret put)');
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    keys.set(secret, key);
  }
  return key;
};

const sign = async (secret: string, purpose: string, message: string): Promise<ArrayBuffer> =>
  crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(`${purpose}\n${message}`));

/** A keyed hex hash, `length` hex digits long; the purpose keeps hashes of one value unlinkable across uses. */
export const keyedHash = async (
  secret: string,
  purpose: string,
  value: string,
  length = 32,
): Promise<string> => toHex(await sign(secret, purpose, value)).slice(0, length);

/**
 * An edit token: `<expiry in epoch seconds>.<HMAC over the comment id and the expiry>`.
 * @example await issueEditToken(secret, 'V1StGXR8_Z5jdHi6B-myT', 1_800_000_000)
 */
export const issueEditToken = async (secret: string, commentId: string, expires: number): Promise<string> =>
  `${expires}.${toBase64Url(await sign(secret, 'edit', `${commentId}\n${expires}`))}`;

export type EditTokenCheck = 'valid' | 'invalid' | 'expired';

/**
 * Exactly what issueEditToken writes: a canonical decimal expiry (no sign, no leading zero, no `0x`, no
 * exponent) and 43 base64url characters (a 32-byte HMAC, unpadded). Anything else is invalid before any
 * decoding, so no odd spelling of one expiry verifies (issue 11, item 5).
 */
const EDIT_TOKEN = /^([1-9]\d{0,15})\.([A-Za-z0-9_-]{43})$/;

/** Verifies an edit token in constant time (crypto.subtle.verify), then its expiry. */
export const checkEditToken = async (
  secret: string,
  commentId: string,
  token: string,
  nowSeconds: number,
): Promise<EditTokenCheck> => {
  const [, expiresText, mac] = EDIT_TOKEN.exec(token) ?? [];
  const expires = Number(expiresText);
  const signature = mac === undefined ? null : fromBase64Url(mac);
  if (!Number.isSafeInteger(expires) || !signature) return 'invalid';
  const ok = await crypto.subtle.verify(
    'HMAC',
    await hmacKey(secret),
    signature,
    encoder.encode(`edit\n${commentId}\n${expires}`),
  );
  if (!ok) return 'invalid';
  return nowSeconds < expires ? 'valid' : 'expired';
};
