/** Spent one-click moderation links (migration 0011), by the SHA-256 of their nonce. */

export const isLinkSpent = async (db: D1Database, nonceHash: string): Promise<boolean> =>
  (await db
    .prepare('SELECT 1 AS spent FROM used_moderation_links WHERE nonce_hash = ?1')
    .bind(nonceHash)
    .first<{ spent: number }>()) !== null;

/**
 * Spends the nonce: a plain INSERT, so a second use of it fails the whole batch it is in (its action
 * included) on the primary key; old rows past their link's expiry go in the same statement's batch.
 */
export const spendLinkStatements = (
  db: D1Database,
  link: { nonceHash: string; commentId: string; action: string; usedAt: string; expiresAt: string },
): D1PreparedStatement[] => [
  db.prepare('DELETE FROM used_moderation_links WHERE expires_at <= ?1').bind(link.usedAt),
  db
    .prepare(
      'INSERT INTO used_moderation_links (nonce_hash, comment_id, action, used_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)',
    )
    .bind(link.nonceHash, link.commentId, link.action, link.usedAt, link.expiresAt),
];
