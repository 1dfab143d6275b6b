/** The mail log (migration 0008): one row per e-mail sent, failed, capped or queued for a digest. */
import type { EmailTransport } from '../env.ts';

export type MailStatus = 'sent' | 'failed' | 'capped' | 'queued' | 'digested';

export interface MailLogEntry {
  createdAt: string;
  kind: string;
  recipient: string;
  subject: string;
  transport: EmailTransport;
  status: MailStatus;
  attempts: number;
  lastStatus: number | null;
  error: string | null;
  payload?: string | null;
}

export interface MailLogRow {
  id: number;
  created_at: string;
  kind: string;
  recipient: string;
  subject: string;
  transport: string;
  status: MailStatus;
  attempts: number;
  last_status: number | null;
  error: string | null;
  payload: string | null;
}

export const insertMailLog = (db: D1Database, entry: MailLogEntry) =>
  db
    .prepare(
      `INSERT INTO mail_log (created_at, kind, recipient, subject, transport, status, attempts, last_status, error, payload)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)`,
    )
    .bind(
      entry.createdAt,
      entry.kind,
      entry.recipient,
      entry.subject,
      entry.transport,
      entry.status,
      entry.attempts,
      entry.lastStatus,
      entry.error,
      entry.payload ?? null,
    )
    .run();

/** Messages that reached (or were handed to) the transport for this address since `sinceIso`: the cap's count. */
export const countSentSince = async (db: D1Database, recipient: string, sinceIso: string): Promise<number> =>
  (
    await db
      .prepare(
        "SELECT COUNT(*) AS n FROM mail_log WHERE recipient = ?1 AND created_at >= ?2 AND status = 'sent'",
      )
      .bind(recipient, sinceIso)
      .first<{ n: number }>()
  )?.n ?? 0;

/** Whether a reply or digest went to this address since `sinceIso` (a later reply joins the digest). */
export const repliedRecently = async (
  db: D1Database,
  recipient: string,
  sinceIso: string,
): Promise<boolean> =>
  (await db
    .prepare(
      `SELECT 1 AS hit FROM mail_log WHERE recipient = ?1 AND created_at >= ?2
         AND kind IN ('reply', 'digest') AND status = 'sent' LIMIT 1`,
    )
    .bind(recipient, sinceIso)
    .first()) !== null;

/** The queued replies of addresses whose window has closed (no reply or digest sent since `sinceIso`). */
export const dueQueued = async (db: D1Database, sinceIso: string, limit: number): Promise<MailLogRow[]> =>
  (
    await db
      .prepare(
        `SELECT * FROM mail_log q WHERE q.status = 'queued' AND NOT EXISTS (
           SELECT 1 FROM mail_log s WHERE s.recipient = q.recipient AND s.created_at >= ?1
             AND s.kind IN ('reply', 'digest') AND s.status = 'sent')
         ORDER BY q.recipient, q.id LIMIT ?2`,
      )
      .bind(sinceIso, limit)
      .all<MailLogRow>()
  ).results;

/** Marks queued rows as carried by a digest (their payload is no longer needed). */
export const markDigested = (db: D1Database, ids: readonly number[]) =>
  db.batch(
    ids.map((id) =>
      db
        .prepare(
          "UPDATE mail_log SET status = 'digested', payload = NULL WHERE id = ?1 AND status = 'queued'",
        )
        .bind(id),
    ),
  );

/** Newest first, for the admin API; `status` filters. */
export const listMailLog = async (
  db: D1Database,
  options: { status: MailStatus | null; before: number | null; limit: number },
): Promise<MailLogRow[]> =>
  (
    await db
      .prepare(
        `SELECT * FROM mail_log WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR id < ?2)
         ORDER BY id DESC LIMIT ?3`,
      )
      .bind(options.status, options.before, options.limit)
      .all<MailLogRow>()
  ).results;
