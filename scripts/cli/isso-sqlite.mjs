// Isso's SQLite database (`comments.db`, its live store: Isso has no export command), read with Node's
// built-in node:sqlite, opened read-only; comments come row by row from a statement iterator, so the CLI
// holds only the current batch. Only columns every Isso schema has are read (older databases lack
// `notification`; `voters`, a Bloom filter of who voted, is of no use elsewhere).
import { DatabaseSync } from 'node:sqlite';

const { issoThread, issoRowComment } = await import('../../worker/lib/transfer/isso.ts');

/** The first 16 bytes of every SQLite 3 database file. */
export const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * @param {string} file
 * @param {{ site?: string | null }} options
 * @param {(error: { position: string, message: string }) => void} onError
 */
export function* issoDatabaseComments(file, options, onError) {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const threads = new Map();
    for (const row of db.prepare('SELECT id, uri, title FROM threads').iterate()) {
      const thread = issoThread(String(row.uri), row.title === null ? null : String(row.title), options);
      if (typeof thread === 'string') onError({ position: `thread ${row.id}`, message: thread });
      else threads.set(Number(row.id), { thread, uri: String(row.uri) });
    }
    const comments = db.prepare(
      `SELECT tid, id, parent, created, mode, remote_addr, text, author, email, website, likes
       FROM comments ORDER BY id`,
    );
    for (const row of comments.iterate()) {
      const known = threads.get(Number(row.tid));
      if (!known) {
        onError({ position: `comment ${row.id}`, message: `skipped: thread ${row.tid} not usable` });
        continue;
      }
      const comment = issoRowComment(known.thread, known.uri, row);
      if (comment) yield comment;
      else onError({ position: `comment ${row.id}`, message: 'skipped: invalid created' });
    }
  } finally {
    db.close();
  }
}
