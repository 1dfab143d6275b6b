/**
 * A random id for the API's opaque fields (a draft's `clientId`, the reader id): 21 base-36 characters
 * from `crypto.getRandomValues` (~108 bits; `% 36` skews the odds of a character by under 2%, which
 * leaves ~107 bits). nanoid's 64-character alphabet cost the app 40 B gzip more (measured), and the
 * schemas ask only for URL-safe characters (worker/lib/schemas.ts).
 */
export const randomId = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(21)), (byte) => (byte % 36).toString(36)).join('');
