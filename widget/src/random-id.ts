/**
 * A random id for the API's opaque fields (a draft's `clientId`, the reader id): 16 bytes from
 * `crypto.getRandomValues`, each written in base 36, so 16 to 32 URL-safe characters, as the schemas ask
 * (worker/lib/schemas.ts: `clientId` 16 to 64). Two byte strings can spell the same id ([1, 0] and [36]
 * are both "10"), which still leaves far more than the 100 bits an id needs never to collide. Smaller
 * than nanoid, whose 64-character alphabet cost the app ~70 B gzip (measured): bytes the sign-in hooks use.
 */
export const randomId = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(36)).join('');
