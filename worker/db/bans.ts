/** Bans: by e-mail address, IP hash or reader hash, optionally until a date. */

export interface BanSubject {
  email: string | null;
  ipHash: string | null;
  readerHash: string | null;
}

export const isBanned = async (db: D1Database, who: BanSubject, nowIso: string): Promise<boolean> => {
  const row = await db
    .prepare(
      `SELECT 1 FROM bans
       WHERE ((kind = 'email' AND value = ?1) OR (kind = 'ip' AND value = ?2) OR (kind = 'reader' AND value = ?3))
         AND (expires_at IS NULL OR expires_at > ?4)
       LIMIT 1`,
    )
    .bind(who.email, who.ipHash, who.readerHash, nowIso)
    .first();
  return row !== null;
};
