/**
 * Following a thread by e-mail (issue 17, item 2). A signed-in reader's verified address (the account's,
 * issue 13) follows at once; a guest's address follows at once if its owner already confirmed it through
 * the double opt-in of the reply e-mails (address-confirmation.ts), and otherwise the follow waits for that
 * confirmation, whose e-mail goes out after the answer: nothing is mailed for the thread before it.
 */

import { countWrite } from '../../db/rate-limit.ts';
import { deleteThreadFollow, upsertFollow } from '../../db/thread-follows.ts';
import { findThread } from '../../db/threads.ts';
import type { Settings } from '../../env.ts';
import { ApiError } from '../../errors.ts';
import { addressHash } from '../../lib/confirm-link.ts';
import { keyedHash } from '../../lib/crypto.ts';
import { ipRateKey } from '../../lib/ip-prefix.ts';
import type { FollowState } from '../../types/api.ts';
import type { Reader } from '../identity/sessions.ts';
import { type ConfirmationContext, isConfirmed, requestConfirmation } from './address-confirmation.ts';

export interface FollowRequest {
  threadKey: string;
  /** The address a guest typed (ignored when the signed-in account has a verified one). */
  email: string | undefined;
  reader: Reader | null;
  now: Date;
}

export interface FollowOutcome {
  state: FollowState;
  /** The confirmation e-mail to send after the answer (a guest's unconfirmed address), else null. */
  confirm: (() => Promise<unknown>) | null;
}

/**
 * 429 with Retry-After past RATE_LIMIT_WRITES for this IP (an IPv6 /64), a budget of its own: a guest's
 * follow sends a confirmation e-mail, so a script must not be able to send them to a list of addresses
 * (each address gets at most one a day besides: address-confirmation.ts).
 */
export const checkFollowRate = async (
  db: D1Database,
  settings: Pick<Settings, 'rateLimit' | 'secretKey'>,
  ip: string | undefined,
  now: Date,
): Promise<void> => {
  const limit = settings.rateLimit;
  if (!limit || !ip) return;
  const key = `follow-ip:${await keyedHash(settings.secretKey, 'ip', ipRateKey(ip))}`;
  const retryAfter = await countWrite(db, [key], limit, Math.floor(now.getTime() / 1000));
  if (retryAfter !== null) {
    throw new ApiError('rate_limited', `too many follows; try again in ${retryAfter} s`, {
      headers: { 'Retry-After': String(retryAfter) },
    });
  }
};

/** A thread that exists (a follow never creates one, as a like does not: services/posting/like-guards.ts). */
const threadOf = async (db: D1Database, key: string) => {
  const thread = await findThread(db, key);
  if (!thread)
    throw new ApiError('not_found', 'this page has no thread yet: it starts with its first comment');
  return thread;
};

/** The account's verified address, else the typed one, else a 422 naming `email`. */
const addressOf = (
  request: Pick<FollowRequest, 'email' | 'reader'>,
): { email: string; verified: boolean } => {
  const account = request.reader?.user.email;
  if (account) return { email: account.toLowerCase(), verified: true };
  if (!request.email) {
    throw new ApiError('validation_failed', 'an e-mail address is needed to follow without signing in', {
      errors: [{ field: 'email', message: 'is required' }],
    });
  }
  return { email: request.email.trim().toLowerCase(), verified: false };
};

/**
 * Records the follow and says whether it is on (`following`) or waits for the address's confirmation
 * (`confirm`).
 * @example await followThread(ctx, { threadKey, email: 'zoe@example.com', reader: null, now: new Date() })
 */
export const followThread = async (
  ctx: ConfirmationContext,
  request: FollowRequest,
): Promise<FollowOutcome> => {
  // A 404 as for any feature a deployment does not offer: without e-mail there is nothing to follow with.
  if (!ctx.settings.email)
    throw new ApiError('not_found', 'this site sends no e-mail to follow threads with');
  if (request.reader?.user.banned_at) throw new ApiError('banned', 'this account may not follow here');
  const thread = await threadOf(ctx.db, request.threadKey);
  const { email, verified } = addressOf(request);
  const hash = await addressHash(ctx.settings.secretKey, email);
  await upsertFollow(ctx.db, {
    id: crypto.randomUUID(),
    threadId: thread.id,
    email,
    addressHash: hash,
    userId: verified && request.reader ? request.reader.user.id : null,
    lang: ctx.lang ?? 'en',
    origin: ctx.origin,
    now: request.now.toISOString(),
  });
  if (verified || (await isConfirmed(ctx, email))) return { state: 'following', confirm: null };
  return {
    state: 'confirm',
    confirm: () => requestConfirmation(ctx, email, thread.url, request.now),
  };
};

/** Stops the signed-in reader's follow of the thread (guests use their e-mails' link); idempotent. */
export const unfollowThread = async (
  db: D1Database,
  secretKey: string,
  threadKey: string,
  reader: Reader | null,
): Promise<void> => {
  const account = reader?.user.email;
  if (!account) throw new ApiError('sign_in_required', 'sign in, or use the link at the foot of the e-mails');
  const thread = await threadOf(db, threadKey);
  await deleteThreadFollow(db, thread.id, await addressHash(secretKey, account));
};
