/** The two questions GET /admin/health asks D1: which migration ran last, and whether any comment exists. */

/**
 * The newest applied migration's file name from wrangler's own `d1_migrations` table, or `null` when no
 * migration ever ran (the table does not exist yet: a deployment whose `npm run deploy` skipped them).
 */
export const lastAppliedMigration = async (db: D1Database): Promise<string | null> => {
  const table = await db
    .prepare("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'd1_migrations'")
    .first<{ found: number }>();
  if (!table) return null;
  const row = await db
    .prepare('SELECT name FROM d1_migrations ORDER BY id DESC LIMIT 1')
    .first<{ name: string }>();
  return row?.name ?? null;
};

/** EXISTS stops at the first row: one row read, whatever the size of the table. */
export const hasAnyComment = async (db: D1Database): Promise<boolean> => {
  const row = await db.prepare('SELECT EXISTS (SELECT 1 FROM comments) AS found').first<{ found: number }>();
  return row?.found === 1;
};
