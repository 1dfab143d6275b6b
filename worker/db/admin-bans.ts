/** Managing bans (the check on every post is in bans.ts): list, add, lift. */

export interface BanRow {
  id: string;
  kind: 'email' | 'ip' | 'reader';
  value: string;
  reason: string | null;
  expires_at: string | null;
  created_at: string;
}

/** Every ban, newest first (expired ones too, flagged by the route): bans are few. */
export const listBans = async (db: D1Database, limit: number): Promise<BanRow[]> => {
  const { results } = await db
    .prepare('SELECT * FROM bans ORDER BY created_at DESC, id LIMIT ?1')
    .bind(limit)
    .all<BanRow>();
  return results;
};

export const findBan = (db: D1Database, id: string): Promise<BanRow | null> =>
  db.prepare('SELECT * FROM bans WHERE id = ?1').bind(id).first<BanRow>();

export const banInsert = (db: D1Database, ban: BanRow): D1PreparedStatement =>
  db
    .prepare(
      'INSERT INTO bans (id, kind, value, reason, expires_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)',
    )
    .bind(ban.id, ban.kind, ban.value, ban.reason, ban.expires_at, ban.created_at);

export const banDelete = (db: D1Database, id: string): D1PreparedStatement =>
  db.prepare('DELETE FROM bans WHERE id = ?1').bind(id);

/** Who wrote a comment, as bans match them (bans.ts): its e-mail, IP hash and reader hash. */
export const commentAuthor = (db: D1Database, commentId: string) =>
  db
    .prepare('SELECT author_email, ip_hash, reader_hash FROM comments WHERE id = ?1')
    .bind(commentId)
    .first<{ author_email: string | null; ip_hash: string | null; reader_hash: string | null }>();
