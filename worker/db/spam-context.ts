/** The sealed IP / user agent / referrer of a comment, for Akismet's feedback (migration 0011). */

export interface SpamContextRow {
  comment_id: string;
  sealed: string;
  expires_at: string;
}

/** Stores one comment's sealed context, and drops the expired ones in the same batch. */
export const insertSpamContext = async (
  db: D1Database,
  row: { commentId: string; sealed: string; expiresAt: string; now: string },
): Promise<void> => {
  await db.batch([
    db.prepare('DELETE FROM spam_context WHERE expires_at <= ?1').bind(row.now),
    db
      .prepare('INSERT OR REPLACE INTO spam_context (comment_id, sealed, expires_at) VALUES (?1, ?2, ?3)')
      .bind(row.commentId, row.sealed, row.expiresAt),
  ]);
};

/** The sealed context while it is kept; `null` once expired or never stored. */
export const findSpamContext = (db: D1Database, commentId: string, now: string) =>
  db
    .prepare(
      'SELECT comment_id, sealed, expires_at FROM spam_context WHERE comment_id = ?1 AND expires_at > ?2',
    )
    .bind(commentId, now)
    .first<SpamContextRow>();
