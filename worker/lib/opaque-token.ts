/**
 * Opaque bearer secrets (session tokens, OAuth states, magic links): 32 random bytes, and the SHA-256 under
 * which the database stores them, so a leaked table hands out nothing. A session token carries the `ses_`
 * prefix so one `Authorization: Bearer` header can tell it from an edit token (`<expiry>.<mac>`).
 */
import { toBase64Url, toHex } from './encoding.ts';

export const SESSION_PREFIX = 'ses_';

/** `ses_` and 43 base64url characters: what issueSessionToken writes, nothing else verifies. */
const SESSION_TOKEN = /^ses_[A-Za-z0-9_-]{43}$/;

/** 32 random bytes as 43 unpadded base64url characters. */
export const randomSecret = (): string => toBase64Url(crypto.getRandomValues(new Uint8Array(32)));

export const newSessionToken = (): string => `${SESSION_PREFIX}${randomSecret()}`;

export const isSessionToken = (token: string): boolean => SESSION_TOKEN.test(token);

/** Lower-case hex SHA-256 of the secret: the primary key it is stored under. */
export const secretHash = async (secret: string): Promise<string> =>
  toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret)));
