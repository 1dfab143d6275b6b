/**
 * What a like must pass before it is stored (issue 11, item 2): a per-IP budget of its own
 * (RATE_LIMIT_LIKES; a reader id costs nothing to mint, so the IP — an IPv6 /64 — is what counts), and,
 * for a page, a thread that already exists: a like never creates one, so no one can fill the threads
 * table with made-up paths of an allowed site.
 */
import type { Context } from 'hono';
import { countWrite } from '../../db/rate-limit.ts';
import { findThread } from '../../db/threads.ts';
import type { AppEnv } from '../../env.ts';
import { ApiError } from '../../errors.ts';
import { keyedHash } from '../../lib/crypto.ts';
import { ipRateKey } from '../../lib/ip-prefix.ts';

/**
 * 403 `banned` for a banned account (issue 13: a ban by account stops its likes as its posts), then 429
 * with Retry-After past RATE_LIMIT_LIKES for this IP; likes and unlikes both count (each is a write).
 */
export const checkLikeRate = async (c: Context<AppEnv>, now: Date): Promise<void> => {
  if (c.get('reader')?.user.banned_at) throw new ApiError('banned', 'this account may not like here');
  const settings = c.get('settings');
  const ip = c.req.header('CF-Connecting-IP');
  const limit = settings.likeRateLimit;
  if (!limit || !ip) return;
  const key = `like-ip:${await keyedHash(settings.secretKey, 'ip', ipRateKey(ip))}`;
  const retryAfter = await countWrite(c.env.DB, [key], limit, Math.floor(now.getTime() / 1000));
  if (retryAfter !== null) {
    throw new ApiError('rate_limited', `too many likes; try again in ${retryAfter} s`, {
      headers: { 'Retry-After': String(retryAfter) },
    });
  }
};

/**
 * 404 unless the page has a thread: one starts with its first comment (or an import, or the owner).
 * The only test that holds: anything a request says about a page (Origin, Referer, a prior GET) can
 * be forged with curl.
 */
export const requireThread = async (db: D1Database, key: string): Promise<void> => {
  const thread = await findThread(db, key);
  if (!thread)
    throw new ApiError('not_found', 'this page has no thread yet: it starts with its first comment');
};
