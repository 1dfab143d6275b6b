/**
 * A budget of sign-in attempts per IP (an IPv6 /64): each popup start stores a state row and each SSO
 * exchange may create an account and a session, so neither may be repeated without end by one client.
 * 30 per 10 minutes covers a household or an office behind one address retrying a few times; it is off
 * with the write limit (RATE_LIMIT_WRITES=off) and for a request without CF-Connecting-IP (local calls).
 */
import { countWrite } from '../../db/rate-limit.ts';
import type { Settings } from '../../env.ts';
import { ApiError } from '../../errors.ts';
import { keyedHash } from '../../lib/crypto.ts';
import { ipRateKey } from '../../lib/ip-prefix.ts';

export const SIGN_IN_RATE_LIMIT = { count: 30, seconds: 600 };

/** 429 `rate_limited` with Retry-After once this IP used its budget. */
export const checkSignInRate = async (
  db: D1Database,
  settings: Settings,
  ip: string | undefined,
  now = new Date(),
): Promise<void> => {
  if (!settings.rateLimit || !ip) return;
  const key = `sign-in-ip:${await keyedHash(settings.secretKey, 'ip', ipRateKey(ip))}`;
  const retryAfter = await countWrite(db, [key], SIGN_IN_RATE_LIMIT, Math.floor(now.getTime() / 1000));
  if (retryAfter !== null) {
    throw new ApiError('rate_limited', `too many sign-in attempts; try again in ${retryAfter} s`, {
      headers: { 'Retry-After': String(retryAfter) },
    });
  }
};
