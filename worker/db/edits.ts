/**
 * A reader editing or deleting their own comment. Every change of what is listed moves the counters in the
 * same transaction: the thread's comment_count, and the parent's reply_count (which keeps a deleted parent
 * listed as a placeholder only while it still has replies).
 */
import { statusMoveStatement } from './daily-stats.ts';
import { PUBLIC_COMMENT_COLUMNS, type PublicCommentRow } from './rows.ts';
import type { SpamRecord } from './spam-record.ts';

export interface EditableRow extends PublicCommentRow {
  thread_id: number;
  thread_key: string;
  /** The page's URL (its key may be an explicit id): what a spam check is told the comment is on. */
  thread_url?: string;
  reply_count: number;
  /** The signed-in author's account (migration 0009), `null` for a guest's comment. */
  user_id: string | null;
}

export const findEditable = (db: D1Database, id: string): Promise<EditableRow | null> =>
  db
    .prepare(
      `SELECT ${PUBLIC_COMMENT_COLUMNS}, c.thread_id, t.key AS thread_key, t.url AS thread_url, c.reply_count,
        c.user_id
       FROM comments c JOIN threads t ON t.id = c.thread_id WHERE c.id = ?1`,
    )
    .bind(id)
    .first<EditableRow>();

/**
 * The rows a moderation action works on, as they will be once the statements planned so far have run:
 * a bulk action plans every comment's statements before one db.batch runs them, so a later comment must
 * see what an earlier one changed (a parent's reply_count, an erased placeholder). Planners mutate the rows
 * it hands out; `null` marks a row erased.
 */
export interface RowView {
  find(id: string): Promise<EditableRow | null>;
  erase(id: string): void;
  /** Ids of the replies to `id` that still exist in this view. */
  replies(id: string): Promise<string[]>;
}

export const createRowView = (db: D1Database, preloaded: EditableRow[] = []): RowView => {
  const rows = new Map<string, EditableRow | null>(preloaded.map((row) => [row.id, { ...row }]));
  return {
    async find(id) {
      if (!rows.has(id)) rows.set(id, await findEditable(db, id));
      return rows.get(id) ?? null;
    },
    erase(id) {
      rows.set(id, null);
    },
    async replies(id) {
      const { results } = await db
        .prepare('SELECT id FROM comments WHERE parent_id = ?1')
        .bind(id)
        .all<{ id: string }>();
      return results.map((r) => r.id).filter((replyId) => rows.get(replyId) !== null);
    },
  };
};

/** Several comments in one query (a bulk action reads them all before it plans anything). */
export const findEditableMany = async (db: D1Database, ids: string[]): Promise<EditableRow[]> => {
  const { results } = await db
    .prepare(
      `SELECT ${PUBLIC_COMMENT_COLUMNS}, c.thread_id, t.key AS thread_key, t.url AS thread_url, c.reply_count,
        c.user_id
       FROM comments c JOIN threads t ON t.id = c.thread_id
       WHERE c.id IN (SELECT value FROM json_each(?1))`,
    )
    .bind(JSON.stringify(ids))
    .all<EditableRow>();
  return results;
};

const adjustThread = (db: D1Database, row: EditableRow, delta: number) =>
  db
    .prepare('UPDATE threads SET comment_count = max(0, comment_count + ?1) WHERE id = ?2')
    .bind(delta, row.thread_id);

const adjustParent = (db: D1Database, parentId: string, delta: number) =>
  db
    .prepare('UPDATE comments SET reply_count = max(0, reply_count + ?1) WHERE id = ?2')
    .bind(delta, parentId);

/**
 * Replaces the Markdown and its HTML with the spam pipeline's new record (migration 0010). `heldAs`
 * (the pipeline held or rejected the edit) moves an approved comment back to pending, or any comment to
 * spam; an approved one leaves the listing and its counters.
 */
export const updateBody = async (
  db: D1Database,
  row: EditableRow,
  edit: {
    body: string;
    html: string;
    editedAt: string;
    heldAs: 'pending' | 'spam' | null;
    spam?: SpamRecord;
  },
): Promise<void> => {
  const status =
    edit.heldAs === 'spam'
      ? 'spam'
      : edit.heldAs === 'pending' && row.status === 'approved'
        ? 'pending'
        : row.status;
  const unlist = row.status === 'approved' && status !== 'approved';
  const statements = [
    db
      .prepare(
        `UPDATE comments SET body = ?1, html = ?2, edited_at = ?3, status = ?4,
           spam_score = coalesce(?6, spam_score), spam_reasons = coalesce(?7, spam_reasons),
           spam_verdict = coalesce(?8, spam_verdict), spam_tokens = coalesce(?9, spam_tokens)
         WHERE id = ?5`,
      )
      .bind(
        edit.body,
        edit.html,
        edit.editedAt,
        status,
        row.id,
        edit.spam?.score ?? null,
        edit.spam?.reasons ?? null,
        edit.spam?.verdict ?? null,
        edit.spam?.tokens ?? null,
      ),
  ];
  if (unlist) {
    const stats = statusMoveStatement(db, { commentId: row.id, from: 'approved', to: 'pending' });
    if (stats) statements.unshift(stats);
    statements.push(adjustThread(db, row, -1));
    if (row.parent_id) statements.push(adjustParent(db, row.parent_id, -1));
  }
  await db.batch(statements);
};

/**
 * The statements that delete a comment for good (its text, its author's data, its likes). One with replies
 * stays as an anonymous placeholder; a deleted parent left without replies goes too, up the tree.
 * `decidedAt`: the owner erases it (a held comment's wait then counts as a decision, migration 0012).
 */
export const deleteStatements = async (
  db: D1Database,
  row: EditableRow,
  view: RowView = createRowView(db),
  decidedAt?: Date,
): Promise<D1PreparedStatement[]> => {
  const statements: D1PreparedStatement[] = [];
  const decided = decidedAt ? { createdAt: row.created_at, at: decidedAt } : undefined;
  // First: it reads the comment as it still is. Placeholder parents erased below are already 'deleted'.
  const stats = statusMoveStatement(db, { commentId: row.id, from: row.status, to: null, decided });
  if (stats) statements.push(stats);
  if (row.status === 'approved') statements.push(adjustThread(db, row, -1));
  if (row.reply_count > 0) {
    statements.push(placeholderStatement(db, row.id));
    row.status = 'deleted';
    return statements;
  }
  statements.push(...eraseRow(db, row.id));
  view.erase(row.id);
  // Walk up: each parent loses a listed reply; a placeholder parent left with none is erased as well.
  let parentId = row.parent_id;
  let wasListed = row.status === 'approved';
  while (parentId && wasListed) {
    statements.push(adjustParent(db, parentId, -1));
    const parent = await view.find(parentId);
    if (parent) parent.reply_count = Math.max(0, parent.reply_count - 1);
    if (parent?.status !== 'deleted' || parent.reply_count > 0) break;
    statements.push(...eraseRow(db, parent.id));
    view.erase(parent.id);
    parentId = parent.parent_id;
    wasListed = true;
  }
  return statements;
};

/** A reader deleting their own comment: one transaction. */
export const deleteComment = async (db: D1Database, row: EditableRow): Promise<void> => {
  await db.batch(await deleteStatements(db, row));
};

/** Turns a comment into an anonymous placeholder: its text and every trace of its author are gone for good. */
export const placeholderStatement = (db: D1Database, id: string): D1PreparedStatement =>
  db
    .prepare(
      `UPDATE comments SET status = 'deleted', body = '', html = '', author_name = NULL, author_email = NULL,
         author_website = NULL, ip_hash = NULL, reader_hash = NULL, notify = 0, client_id = NULL,
         user_id = NULL, author_provider = NULL, spam_tokens = NULL WHERE id = ?1`,
    )
    .bind(id);

const eraseRow = (db: D1Database, id: string): D1PreparedStatement[] => [
  db.prepare('DELETE FROM likes WHERE target = ?1').bind(`c:${id}`),
  db.prepare('DELETE FROM comments WHERE id = ?1').bind(id),
];
