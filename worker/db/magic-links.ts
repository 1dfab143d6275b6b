/**
 * Magic links (issue 13, item 2) in `auth_flows` (migration 0009, kind `email`): stored by the SHA-256 of
 * the token that travels in the e-mail, consumed by one `DELETE … RETURNING`, so two clicks racing get
 * one session between them.
 */

export interface MagicLinkData {
  /** The verified address, lower-cased. */
  email: string;
  /** The name the reader gave, `null` to keep the account's (or derive one for a new account). */
  name: string | null;
  /** The page to hand the session to (on an allowed origin). */
  returnTo: string;
}

export const insertMagicLink = (
  db: D1Database,
  row: { idHash: string; data: MagicLinkData; expiresAt: string; now: string },
): Promise<D1Result[]> =>
  db.batch([
    // Expired steps of any kind go as new ones come: the table stays the size of the last few minutes.
    db.prepare('DELETE FROM auth_flows WHERE expires_at <= ?1').bind(row.now),
    db
      .prepare("INSERT INTO auth_flows (id_hash, kind, data, expires_at) VALUES (?1, 'email', ?2, ?3)")
      .bind(row.idHash, JSON.stringify(row.data), row.expiresAt),
  ]);

/** The live link's data without consuming it (the GET page only shows a button). */
export const peekMagicLink = async (
  db: D1Database,
  idHash: string,
  now: string,
): Promise<MagicLinkData | null> => {
  const row = await db
    .prepare("SELECT data FROM auth_flows WHERE id_hash = ?1 AND kind = 'email' AND expires_at > ?2")
    .bind(idHash, now)
    .first<{ data: string }>();
  return row ? (JSON.parse(row.data) as MagicLinkData) : null;
};

/** Consumes the link: its data once, then never again; `null` when used, unknown or expired. */
export const consumeMagicLink = async (
  db: D1Database,
  idHash: string,
  now: string,
): Promise<MagicLinkData | null> => {
  const row = await db
    .prepare("DELETE FROM auth_flows WHERE id_hash = ?1 AND kind = 'email' RETURNING data, expires_at")
    .bind(idHash)
    .first<{ data: string; expires_at: string }>();
  if (!row || row.expires_at <= now) return null;
  return JSON.parse(row.data) as MagicLinkData;
};
