/**
 * The checks every reader write goes through before it touches a comment: the body's length, bans (by
 * e-mail, IP hash or reader hash) and the write rate limit, with the keyed hashes they match on. A new
 * comment runs the same checks on what its one lookup batch read (post-comment.ts, db/post-lookups.ts);
 * an edit runs them here, query by query.
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

export interface Author {
  email: string | null;
  ipHash: string | null;
  readerHash: string | null;
}

/** The 403 of a banned author or account. */
export const bannedError = (): ApiError => new ApiError('banned', 'this author may not comment here');

/** The 429 past the write limit, with its `Retry-After`. */
export const rateLimitedError = (retryAfter: number): ApiError =>
  new ApiError('rate_limited', `too many comments; try again in ${retryAfter} s`, {
    headers: { 'Retry-After': String(retryAfter) },
  });

/** The write counters this author moves (per IP hash, reader and account); none when the limit is off. */
export const rateKeys = (ctx: PostContext, who: Author): string[] => {
  const userId = ctx.reader?.user.id;
  if (!ctx.settings.rateLimit) return [];
  return [
    who.ipHash && `ip:${who.ipHash}`,
    who.readerHash && `reader:${who.readerHash}`,
    userId && `user:${userId}`,
  ].filter((key): key is string => !!key);
};

/** Counts one write on each key; throws the 429 past the limit. */
export const countAuthorWrite = async (ctx: PostContext, keys: string[]): Promise<void> => {
  const limit = ctx.settings.rateLimit;
  if (!limit || keys.length === 0) return;
  const retryAfter = await countWrite(ctx.db, keys, limit, Math.floor(ctx.now.getTime() / 1000));
  if (retryAfter !== null) throw rateLimitedError(retryAfter);
};

/** 403 for a banned author or account, 429 past the write limit (per reader, account and IP hash). */
export const checkAuthor = async (ctx: PostContext, who: Author): Promise<void> => {
  // A banned account (users.banned_at): its sessions were revoked, this catches one made since.
  if (ctx.reader?.user.banned_at || (await isBanned(ctx.db, who, ctx.now.toISOString()))) {
    throw bannedError();
  }
  await countAuthorWrite(ctx, rateKeys(ctx, who));
};

/**
 * Hashes of who is writing, keyed by SECRET_KEY: what bans and rate limits match on. An IPv6 address
 * counts by its /64 (ip-prefix.ts), so rotating through one's own prefix neither escapes a ban nor a limit.
 */
export const authorHashes = async (ctx: PostContext, reader: string | undefined) => ({
  ipHash: ctx.ip ? await keyedHash(ctx.settings.secretKey, 'ip', ipRateKey(ctx.ip)) : null,
  readerHash: reader ? await keyedHash(ctx.settings.secretKey, 'reader', reader) : null,
});
