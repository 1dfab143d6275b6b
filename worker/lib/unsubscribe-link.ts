/**
 * The signed one-click unsubscribe link of reply e-mails (HMAC with SECRET_KEY, per comment): made by the
 * notifier, checked by routes/unsubscribe.ts.
 */
import { timingSafeEqual } from 'hono/utils/buffer';
import { keyedHash } from './crypto.ts';

export const unsubscribeSignature = (secretKey: string, commentId: string): Promise<string> =>
  keyedHash(secretKey, 'unsubscribe', commentId);

export const unsubscribeUrl = async (origin: string, secretKey: string, commentId: string): Promise<string> =>
  `${origin}/api/v1/unsubscribe?c=${encodeURIComponent(commentId)}&sig=${await unsubscribeSignature(secretKey, commentId)}`;

/** Constant time: the comparison does not tell how much of a guessed signature was right. */
export const isValidUnsubscribe = async (
  secretKey: string,
  commentId: string,
  sig: string,
): Promise<boolean> => timingSafeEqual(sig, await unsubscribeSignature(secretKey, commentId));
