/**
 * The retry rule of the Webmention verifier: a failure the source may get over (unreachable, slow, a 5xx
 * or 429) is tried again with backoff, from the Cron Trigger, up to MAX_ATTEMPTS; an answer (410, no link,
 * a refused address, a 4xx) is final at once. W3C Webmention leaves retries to the receiver.
 */
import type { WebmentionReason } from '../../types/api.ts';

export const MAX_ATTEMPTS = 5;

/** Seconds to wait after the n-th failed attempt (index n - 1): 1 min, 5 min, 30 min, 2 h. */
export const BACKOFF_SECONDS = [60, 300, 1800, 7200] as const;

const RETRIED: ReadonlySet<WebmentionReason> = new Set(['source_unreachable', 'timeout', 'source_error']);

export const isRetried = (reason: WebmentionReason): boolean => RETRIED.has(reason);

/**
 * When the next attempt is due after `attempts` failed ones, or `null` when it is time to give up.
 * @example nextAttempt(1, 'timeout', new Date(0)) // new Date(60_000)
 */
export const nextAttempt = (attempts: number, reason: WebmentionReason, now: Date): Date | null => {
  if (!isRetried(reason) || attempts >= MAX_ATTEMPTS) return null;
  const delay = BACKOFF_SECONDS[Math.min(attempts, BACKOFF_SECONDS.length) - 1] ?? 60;
  return new Date(now.getTime() + delay * 1000);
};
