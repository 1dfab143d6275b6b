/**
 * A reader editing or deleting their own comment. Every change of what is listed moves the counters in the
 * same transaction: the thread's comment_count, and the parent's reply_count (which keeps a deleted parent
 * listed as a placeholder only while it still has replies).
 */
import { PUBLIC_COMMENT_COLUMNS, type PublicCommentRow } from './rows.ts';

export interface EditableRow extends PublicCommentRow {
  thread_id: number;
  thread_key: string;
  reply_count: number;
}

export const findEditable = (db: D1Database, id: string): Promise<EditableRow | null> =>
  db
    .prepare(
      `SELECT ${PUBLIC_COMMENT_COLUMNS}, c.thread_id, t.key AS thread_key, c.reply_count
       FROM comments c JOIN threads t ON t.id = c.thread_id WHERE c.id = ?1`,
    )
    .bind(id)
    .first<EditableRow>();

const adjustThread = (db: D1Database, row: EditableRow, delta: number) =>
  db
    .prepare('UPDATE threads SET comment_count = max(0, comment_count + ?1) WHERE id = ?2')
    .bind(delta, row.thread_id);

const adjustParent = (db: D1Database, parentId: string, delta: number) =>
  db
    .prepare('UPDATE comments SET reply_count = max(0, reply_count + ?1) WHERE id = ?2')
    .bind(delta, parentId);

/** Replaces the Markdown and its HTML; `hold` moves an approved comment without replies back to pending. */
export const updateBody = async (
  db: D1Database,
  row: EditableRow,
  edit: { body: string; html: string; editedAt: string; hold: boolean },
): Promise<void> => {
  const unlist = edit.hold && row.status === 'approved';
  const statements = [
    db
      .prepare('UPDATE comments SET body = ?1, html = ?2, edited_at = ?3, status = ?4 WHERE id = ?5')
      .bind(edit.body, edit.html, edit.editedAt, unlist ? 'pending' : row.status, row.id),
  ];
  if (unlist) {
    statements.push(adjustThread(db, row, -1));
    if (row.parent_id) statements.push(adjustParent(db, row.parent_id, -1));
  }
  await db.batch(statements);
};

/**
 * Deletes a comment for good (its text, its author's data, its likes). One with replies stays as an
 * anonymous placeholder; a deleted parent left without replies goes too, up the tree.
 */
export const deleteComment = async (db: D1Database, row: EditableRow): Promise<void> => {
  const statements: D1PreparedStatement[] = [];
  if (row.status === 'approved') statements.push(adjustThread(db, row, -1));
  if (row.reply_count > 0) {
    statements.push(placeholderStatement(db, row.id));
  } else {
    statements.push(...eraseRow(db, row.id));
    // Walk up: each parent loses a listed reply; a placeholder parent left with none is erased as well.
    let parentId = row.parent_id;
    let wasListed = row.status === 'approved';
    while (parentId && wasListed) {
      statements.push(adjustParent(db, parentId, -1));
      const parent = await findEditable(db, parentId);
      if (parent?.status !== 'deleted' || parent.reply_count > 1) break;
      statements.push(...eraseRow(db, parent.id));
      parentId = parent.parent_id;
      wasListed = true;
    }
  }
  await db.batch(statements);
};

/** Turns a comment into an anonymous placeholder: its text and every trace of its author are gone for good. */
export const placeholderStatement = (db: D1Database, id: string): D1PreparedStatement =>
  db
    .prepare(
      `UPDATE comments SET status = 'deleted', body = '', html = '', author_name = NULL, author_email = NULL,
         author_website = NULL, ip_hash = NULL, reader_hash = NULL, notify = 0, client_id = NULL WHERE id = ?1`,
    )
    .bind(id);

const eraseRow = (db: D1Database, id: string): D1PreparedStatement[] => [
  db.prepare('DELETE FROM likes WHERE target = ?1').bind(`c:${id}`),
  db.prepare('DELETE FROM comments WHERE id = ?1').bind(id),
];
