/**
 * Webhook signatures: HMAC-SHA256 with WEBHOOK_SECRET over `<timestamp>.<body>`, sent as
 * `X-Causerie-Timestamp: <unix seconds>` and `X-Causerie-Signature: sha256=<hex>`. A receiver recomputes
 * the HMAC over the timestamp header, a dot and the raw body, compares in constant time, and rejects a
 * timestamp more than 5 minutes from its clock: a captured delivery cannot be replayed later.
 */
import { fromHex, toHex } from '../../lib/encoding.ts';

const encoder = new TextEncoder();

/** How old a delivery a receiver should accept (documented for receivers; used by `verifyWebhook`). */
export const REPLAY_WINDOW_SECONDS = 300;

const key = (secret: string, usage: 'sign' | 'verify') =>
  crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);

/**
 * @example await signWebhook('s3cret', 1_800_000_000, '{"event":"comment.created"}') // 'sha256=5f…'
 */
export const signWebhook = async (secret: string, timestamp: number, body: string): Promise<string> =>
  `sha256=${toHex(await crypto.subtle.sign('HMAC', await key(secret, 'sign'), encoder.encode(`${timestamp}.${body}`)))}`;

/**
 * What a receiver does, in the worker's own terms (the tests use it; receivers can copy it).
 * @returns false for a bad signature or a timestamp outside the replay window.
 */
export const verifyWebhook = async (
  secret: string,
  headers: { timestamp: string | null; signature: string | null },
  body: string,
  nowSeconds: number,
): Promise<boolean> => {
  const timestamp = Number(headers.timestamp);
  const hex = /^sha256=([0-9a-f]{64})$/.exec(headers.signature ?? '')?.[1];
  if (!Number.isSafeInteger(timestamp) || !hex) return false;
  if (Math.abs(nowSeconds - timestamp) > REPLAY_WINDOW_SECONDS) return false;
  const mac = fromHex(hex);
  return crypto.subtle.verify(
    'HMAC',
    await key(secret, 'verify'),
    mac,
    encoder.encode(`${timestamp}.${body}`),
  );
};
