/** Queries on the threads table. */
import type { ThreadRow } from './rows.ts';

/** The thread of this key (one row or none), as a statement for a batch of lookups. */
export const findThreadStatement = (db: D1Database, key: string): D1PreparedStatement =>
  db.prepare('SELECT * FROM threads WHERE key = ?1').bind(key);

export const findThread = (db: D1Database, key: string): Promise<ThreadRow | null> =>
  findThreadStatement(db, key).first<ThreadRow>();

/**
 * Creates the thread on its first comment; a later title fills an empty one but never replaces it
 * (the owner can retitle through the admin API).
 */
export const upsertThread = (
  db: D1Database,
  thread: { key: string; url: string; title: string; createdAt: string },
): D1PreparedStatement =>
  db
    .prepare(
      `INSERT INTO threads (key, url, title, created_at) VALUES (?1, ?2, ?3, ?4)
       ON CONFLICT (key) DO UPDATE SET title = excluded.title WHERE threads.title = '' AND excluded.title <> ''`,
    )
    .bind(thread.key, thread.url, thread.title, thread.createdAt);
