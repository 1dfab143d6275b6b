/**
 * The signed one-click unsubscribe link of a thread follow's e-mails (HMAC with SECRET_KEY, per follow),
 * `/api/v1/unfollow?f=<follow id>&sig=<hmac>`: made by services/notify/follow-digest.ts, checked by
 * routes/unfollow.ts. Its own purpose string, so a reply's unsubscribe signature never passes for it.
 */
import { timingSafeEqual } from 'hono/utils/buffer';
import { keyedHash } from './crypto.ts';

const signature = (secretKey: string, followId: string): Promise<string> =>
  keyedHash(secretKey, 'unfollow', followId);

export const unfollowUrl = async (origin: string, secretKey: string, followId: string): Promise<string> =>
  `${origin}/api/v1/unfollow?f=${encodeURIComponent(followId)}&sig=${await signature(secretKey, followId)}`;

/** Constant time: the comparison does not tell how much of a guessed signature was right. */
export const isValidUnfollow = async (secretKey: string, followId: string, sig: string): Promise<boolean> =>
  timingSafeEqual(sig, await signature(secretKey, followId));
