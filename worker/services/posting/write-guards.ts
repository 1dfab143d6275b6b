/**
 * The checks every reader write goes through before it touches a comment: the body's length, bans (by
 * e-mail, IP hash or reader hash) and the write rate limit, with the keyed hashes they match on.
 */
import { isBanned } from '../../db/bans.ts';
import { countWrite } from '../../db/rate-limit.ts';
import { ApiError, validationFailed } from '../../errors.ts';
import { keyedHash } from '../../lib/crypto.ts';
import { ipRateKey } from '../../lib/ip-prefix.ts';
import type { PostContext } from './context.ts';

/** Characters, not UTF-16 units: an emoji counts once. */
export const checkLength = (body: string, max: number): void => {
  if ([...body.trim()].length > max) {
    throw validationFailed([{ field: 'body', message: `must be at most ${max} characters` }]);
  }
};

/** 403 for a banned author or account, 429 past the write limit (per reader, account and IP hash). */
export const checkAuthor = async (
  ctx: PostContext,
  who: { email: string | null; ipHash: string | null; readerHash: string | null },
): Promise<void> => {
  // A banned account (users.banned_at): its sessions were revoked, this catches one made since.
  if (ctx.reader?.user.banned_at || (await isBanned(ctx.db, who, ctx.now.toISOString()))) {
    throw new ApiError('banned', 'this author may not comment here');
  }
  const limit = ctx.settings.rateLimit;
  const userId = ctx.reader?.user.id;
  const keys = [
    who.ipHash && `ip:${who.ipHash}`,
    who.readerHash && `reader:${who.readerHash}`,
    userId && `user:${userId}`,
  ].filter((key): key is string => !!key);
  if (!limit || keys.length === 0) return;
  const retryAfter = await countWrite(ctx.db, keys, limit, Math.floor(ctx.now.getTime() / 1000));
  if (retryAfter !== null) {
    throw new ApiError('rate_limited', `too many comments; try again in ${retryAfter} s`, {
      headers: { 'Retry-After': String(retryAfter) },
    });
  }
};

/**
 * Hashes of who is writing, keyed by SECRET_KEY: what bans and rate limits match on. An IPv6 address
 * counts by its /64 (ip-prefix.ts), so rotating through one's own prefix neither escapes a ban nor a limit.
 */
export const authorHashes = async (ctx: PostContext, reader: string | undefined) => ({
  ipHash: ctx.ip ? await keyedHash(ctx.settings.secretKey, 'ip', ipRateKey(ctx.ip)) : null,
  readerHash: reader ? await keyedHash(ctx.settings.secretKey, 'reader', reader) : null,
});
