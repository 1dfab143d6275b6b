/**
 * One verification attempt of a received Webmention (W3C Webmention §3.2.2): claim the request, fetch its
 * source (fetch-source.ts), check it links to the target, read its h-entry, store, update or delete the
 * comment (store-mention.ts), and record the outcome on the request: accepted, rejected with a reason, or
 * still pending with the time of the next attempt (lib/webmention/attempts.ts). Run in `waitUntil` after
 * the 202, and by the Cron Trigger for what is due (run-due.ts). Never throws: an unexpected failure (D1
 * unreachable) leaves the request pending, and its lease makes the Cron Trigger try it again.
 */
import { claimWebmention, settleWebmention, type WebmentionRow } from '../../db/webmentions.ts';
import { nextAttempt } from '../../lib/webmention/attempts.ts';
import { parseMention } from '../../lib/webmention/h-entry.ts';
import { linksTo } from '../../lib/webmention/links-to.ts';
import type { WebmentionReason, WebmentionState } from '../../types/api.ts';
import type { LiveChange } from '../live/notify.ts';
import { fetchSource } from './fetch-source.ts';
import { type MentionDeps, removeMention, storeMention } from './store-mention.ts';

export interface VerifyDeps extends MentionDeps {
  /** The source's deadline; fetch-source.ts's default unless a test shortens it. */
  timeoutMs?: number;
  /**
   * A mention's comment was stored, updated or deleted: the caller (the route, or the Cron Trigger's job)
   * purges the thread's cached pages and tells its live readers.
   */
  onChanged?: (change: LiveChange) => void;
}

/** How long one attempt holds its request before the Cron Trigger may take it again (waitUntil: 30 s). */
const LEASE_MS = 2 * 60 * 1000;

interface Outcome {
  status: WebmentionState;
  reason: WebmentionReason | null;
  nextAttemptAt: string | null;
  commentId?: string | null;
}

const failed = (
  row: WebmentionRow,
  reason: WebmentionReason,
  now: Date,
  commentId?: string | null,
): Outcome => {
  const next = nextAttempt(row.attempts, reason, now);
  return next
    ? { status: 'pending', reason, nextAttemptAt: next.toISOString() }
    : { status: 'rejected', reason, nextAttemptAt: null, commentId: commentId ?? null };
};

const attempt = async (deps: VerifyDeps, row: WebmentionRow): Promise<Outcome> => {
  const fetched = await fetchSource(row.source, {
    fetcher: deps.fetcher,
    allowLoopbackForTests: deps.settings.webmention.allowLoopbackForTests,
    ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
  });
  if (!fetched.ok) {
    // 410: the source is gone for good, and so is what it said here.
    const removed =
      fetched.reason === 'source_gone' ? await removeMention(deps, row.thread_key, row.source) : null;
    return failed(row, fetched.reason, deps.now, removed);
  }
  if (!linksTo(fetched.body, fetched.contentType, row.target, fetched.url)) {
    // Sent again after the link was taken out: the earlier mention goes (W3C Webmention §3.2.4).
    const removed = await removeMention(deps, row.thread_key, row.source);
    return failed(row, 'no_link', deps.now, removed);
  }
  const parsed = parseMention(fetched.body, fetched.url, row.target);
  const stored = await storeMention(deps, {
    source: row.source,
    target: row.target,
    threadKey: row.thread_key,
    parsed,
  });
  if (!stored.stored) return failed(row, stored.reason, deps.now);
  return { status: 'accepted', reason: null, nextAttemptAt: null, commentId: stored.commentId };
};

/**
 * @returns the request's status after the attempt, or `null` when it was not due (or not pending).
 */
export const verifyWebmention = async (deps: VerifyDeps, id: string): Promise<WebmentionState | null> => {
  try {
    const now = deps.now.toISOString();
    const lease = new Date(deps.now.getTime() + LEASE_MS).toISOString();
    const row = await claimWebmention(deps.db, id, now, lease);
    if (!row) return null;
    const outcome = await attempt(deps, row);
    await settleWebmention(deps.db, id, { ...outcome, now }).run();
    if (outcome.commentId) deps.onChanged?.({ id: outcome.commentId, threadKey: row.thread_key });
    return outcome.status;
  } catch (err) {
    console.error(`webmention ${id}: attempt failed, left for the Cron Trigger:`, err);
    return null;
  }
};
