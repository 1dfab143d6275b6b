/**
 * Webmentions per sender: each one received costs the worker up to six fetches of someone else's page,
 * tried up to five times (services/webmention/verify.ts), and a row in D1, so one IP may send at most 30 in
 * 10 minutes. A burst from a sending service (Bridgy, webmention.app) after a busy post fits; a loop or a
 * flood does not. Counted in D1 like the comments' RATE_LIMIT_WRITES (db/rate-limit.ts: one row per key
 * and period), by the keyed hash of the IP (an IPv6 /64 as one), never the IP itself.
 */
import { countWrite } from '../../db/rate-limit.ts';
import type { RateLimit } from '../../env.ts';
import { ApiError } from '../../errors.ts';
import { keyedHash } from '../../lib/crypto.ts';
import { ipRateKey } from '../../lib/ip-prefix.ts';

export const WEBMENTION_RATE: RateLimit = { count: 30, seconds: 600 };

/** Throws 429 `rate_limited` with Retry-After once the sender's IP is past its budget. */
export const checkWebmentionRate = async (
  db: D1Database,
  secretKey: string,
  ip: string | undefined,
  now: Date,
): Promise<void> => {
  if (!ip) return; // Cloudflare always sets CF-Connecting-IP; only a local call lacks it
  const key = `webmention-ip:${await keyedHash(secretKey, 'ip', ipRateKey(ip))}`;
  const retryAfter = await countWrite(db, [key], WEBMENTION_RATE, Math.floor(now.getTime() / 1000));
  if (retryAfter !== null) {
    throw new ApiError(
      'rate_limited',
      `too many Webmentions from this address; try again in ${retryAfter} s`,
      {
        headers: { 'Retry-After': String(retryAfter) },
      },
    );
  }
};
