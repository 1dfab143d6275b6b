/** The audit log: one row per moderation action (who, what, which comment or thread, when). */

import type { AuditAction } from '../types/api.ts';

// The actions are the contract's (GET /admin/audit shows them), so one list serves both.
export type { AuditAction };

export interface AuditEntry {
  actor: string;
  action: AuditAction;
  commentId?: string | null;
  threadKey?: string | null;
  /** Small and free of personal data: it outlives a hard delete. */
  detail?: Record<string, unknown>;
  at: string;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: AuditAction;
  comment_id: string | null;
  thread_key: string | null;
  detail: string;
  /** A moderator's account name, read at listing time (an erased account leaves `null`, not its name). */
  actor_name: string | null;
}

/** A statement to put in the same db.batch as the write it records, so neither exists without the other. */
export const auditStatement = (db: D1Database, entry: AuditEntry): D1PreparedStatement =>
  db
    .prepare(
      'INSERT INTO audit_log (at, actor, action, comment_id, thread_key, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)',
    )
    .bind(
      entry.at,
      entry.actor,
      entry.action,
      entry.commentId ?? null,
      entry.threadKey ?? null,
      JSON.stringify(entry.detail ?? {}),
    );

/** Newest first; `before` is the id the previous page ended at. */
export const listAudit = async (
  db: D1Database,
  options: { before: number | null; limit: number; commentId: string | null },
): Promise<AuditRow[]> => {
  const { results } = await db
    .prepare(
      `SELECT a.*, u.name AS actor_name FROM audit_log a
       LEFT JOIN users u ON a.actor LIKE 'user:%' AND u.id = substr(a.actor, 6)
       WHERE (?1 IS NULL OR a.id < ?1) AND (?2 IS NULL OR a.comment_id = ?2)
       ORDER BY a.id DESC LIMIT ?3`,
    )
    .bind(options.before, options.commentId, options.limit)
    .all<AuditRow>();
  return results;
};
