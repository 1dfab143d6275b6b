/** Queries on the webmentions table (migration 0018): the requests received and where each stands. */
import type { WebmentionReason, WebmentionState } from '../types/api.ts';

export interface WebmentionRow {
  id: string;
  source: string;
  target: string;
  thread_key: string;
  status: WebmentionState;
  reason: WebmentionReason | null;
  attempts: number;
  next_attempt_at: string | null;
  comment_id: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * Records a request (due at `dueAt` for the Cron Trigger, should the first attempt never run), or makes the same (source, target) pending again: a re-sent Webmention means the
 * source changed (W3C Webmention §3.2.4), so it is verified again from its first attempt.
 * @returns the request's id (the earlier one for a pair seen before).
 */
export const recordWebmention = async (
  db: D1Database,
  row: { id: string; source: string; target: string; threadKey: string; now: string; dueAt: string },
): Promise<string> => {
  const stored = await db
    .prepare(
      `INSERT INTO webmentions (id, source, target, thread_key, status, attempts, next_attempt_at, created_at,
         updated_at)
       VALUES (?1, ?2, ?3, ?4, 'pending', 0, ?6, ?5, ?5)
       ON CONFLICT (source, target) DO UPDATE SET status = 'pending', reason = NULL, attempts = 0,
         next_attempt_at = excluded.next_attempt_at, thread_key = excluded.thread_key,
         updated_at = excluded.updated_at
       RETURNING id`,
    )
    .bind(row.id, row.source, row.target, row.threadKey, row.now, row.dueAt)
    .first<{ id: string }>();
  return stored?.id ?? row.id;
};

export const findWebmention = (db: D1Database, id: string): Promise<WebmentionRow | null> =>
  db.prepare('SELECT * FROM webmentions WHERE id = ?1').bind(id).first<WebmentionRow>();

/**
 * Takes a pending request for one attempt: counts it and pushes its due time past the attempt's own
 * length, so the Cron Trigger does not start the same attempt twice. `null` if it is not (or no longer) due.
 */
export const claimWebmention = (
  db: D1Database,
  id: string,
  now: string,
  leaseUntil: string,
): Promise<WebmentionRow | null> =>
  db
    .prepare(
      `UPDATE webmentions SET attempts = attempts + 1, next_attempt_at = ?3, updated_at = ?2
       WHERE id = ?1 AND status = 'pending' AND (attempts = 0 OR next_attempt_at <= ?2)
       RETURNING *`,
    )
    .bind(id, now, leaseUntil)
    .first<WebmentionRow>();

/** The outcome of an attempt: accepted, rejected, or still pending with the next attempt's time. */
export const settleWebmention = (
  db: D1Database,
  id: string,
  outcome: {
    status: WebmentionState;
    reason: WebmentionReason | null;
    nextAttemptAt: string | null;
    commentId?: string | null;
    now: string;
  },
): D1PreparedStatement =>
  db
    .prepare(
      `UPDATE webmentions SET status = ?2, reason = ?3, next_attempt_at = ?4, comment_id = coalesce(?5, comment_id),
         updated_at = ?6
       WHERE id = ?1`,
    )
    .bind(id, outcome.status, outcome.reason, outcome.nextAttemptAt, outcome.commentId ?? null, outcome.now);

/** The pending requests whose next attempt is due, oldest first (index webmentions_due). */
export const listDueWebmentions = async (db: D1Database, now: string, limit: number): Promise<string[]> =>
  (
    await db
      .prepare(
        `SELECT id FROM webmentions WHERE status = 'pending' AND next_attempt_at <= ?1
         ORDER BY next_attempt_at LIMIT ?2`,
      )
      .bind(now, limit)
      .all<{ id: string }>()
  ).results.map((row) => row.id);
