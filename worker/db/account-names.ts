/** Names signed-in accounts post under (migration 0014): a guest may not take one (services/posting). */

/** Remembers that the account posts under this folded name; a second post under it changes nothing. */
export const rememberAccountName = (
  db: D1Database,
  row: { nameKey: string; userId: string; now: string },
): D1PreparedStatement =>
  db
    .prepare('INSERT OR IGNORE INTO account_names (name_key, user_id, created_at) VALUES (?1, ?2, ?3)')
    .bind(row.nameKey, row.userId, row.now);

/** Whether some account posts under this folded name. One primary-key read. */
export const isAccountName = async (db: D1Database, nameKey: string): Promise<boolean> =>
  (await db.prepare('SELECT 1 FROM account_names WHERE name_key = ?1 LIMIT 1').bind(nameKey).first()) !==
  null;
