/** Names signed-in accounts post under (migration 0014): a guest may not take one (services/posting). */

/** Remembers that the account posts under this folded name; a second post under it changes nothing. */
export const rememberAccountName = (
  db: D1Database,
  row: { nameKey: string; userId: string; now: string },
): D1PreparedStatement =>
  db
    .prepare('INSERT OR IGNORE INTO account_names (name_key, user_id, created_at) VALUES (?1, ?2, ?3)')
    .bind(row.nameKey, row.userId, row.now);

/** The condition "some account posts under the folded name `?n`", for statements that repeat it. */
export const accountNameMatch = (n: number): string =>
  `SELECT 1 FROM account_names WHERE name_key = ?${n} LIMIT 1`;

/** One row when some account posts under this folded name, none otherwise. One primary-key read. */
export const accountNameStatement = (db: D1Database, nameKey: string): D1PreparedStatement =>
  db.prepare(accountNameMatch(1)).bind(nameKey);

/** Whether some account posts under this folded name. One primary-key read. */
export const isAccountName = async (db: D1Database, nameKey: string): Promise<boolean> =>
  (await accountNameStatement(db, nameKey).first()) !== null;
