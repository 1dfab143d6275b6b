/**
 * Moving a comment between approved, pending, spam and deleted, and erasing it for good: the one place where
 * the counters move with a moderation decision (threads.comment_count counts approved comments; a parent's
 * reply_count counts its listed replies, and keeps a deleted parent listed as a placeholder while > 0).
 */
import { statusMoveStatement } from './daily-stats.ts';
import {
  createRowView,
  deleteStatements,
  type EditableRow,
  placeholderStatement,
  type RowView,
} from './edits.ts';

export type CommentStatusValue = EditableRow['status'];

/** Mirrors the generated `listed` column of migration 0001. */
const isListed = (status: CommentStatusValue, replyCount: number): boolean =>
  status === 'approved' || (status === 'deleted' && replyCount > 0);

// Every statement runs only while the comment still has the status we read: two moderators (or a bulk
// action and a single one) racing on one comment cannot move the counters twice.
const GUARD = 'EXISTS (SELECT 1 FROM comments WHERE id = ?1 AND status = ?2)';

/**
 * The statements that move `row` to `to`, counters included; none when it already has that status.
 * Put them in one db.batch (with the audit entry). `view` (edits.ts) sees what earlier statements of the
 * same batch will have changed; `row` and the parents it walks are updated in it.
 * @example await db.batch(await statusChange(db, row, 'approved'))
 */
export const statusChange = async (
  db: D1Database,
  row: EditableRow,
  to: CommentStatusValue,
  view: RowView = createRowView(db),
): Promise<D1PreparedStatement[]> => {
  if (row.status === to) return [];
  const statements: D1PreparedStatement[] = [];
  const countDelta = Number(to === 'approved') - Number(row.status === 'approved');
  if (countDelta !== 0) {
    statements.push(
      db
        .prepare(`UPDATE threads SET comment_count = max(0, comment_count + ?3) WHERE id = ?4 AND ${GUARD}`)
        .bind(row.id, row.status, countDelta, row.thread_id),
    );
  }
  // Walk up: a parent gains or loses a listed reply; a deleted placeholder that thereby appears or
  // disappears passes the change on to its own parent.
  const delta = Number(isListed(to, row.reply_count)) - Number(isListed(row.status, row.reply_count));
  let parentId = delta === 0 ? null : row.parent_id;
  while (parentId) {
    statements.push(
      db
        .prepare(`UPDATE comments SET reply_count = max(0, reply_count + ?3) WHERE id = ?4 AND ${GUARD}`)
        .bind(row.id, row.status, delta, parentId),
    );
    const parent = await view.find(parentId);
    if (!parent) break;
    const before = parent.reply_count;
    parent.reply_count = Math.max(0, before + delta);
    if (parent.status !== 'deleted') break;
    if (isListed('deleted', before) === isListed('deleted', parent.reply_count)) break;
    parentId = parent.parent_id;
  }
  // Every status change here is the owner's: one from pending is a decision the histogram counts.
  const decided = { createdAt: row.created_at, at: new Date() };
  const stats = statusMoveStatement(db, { commentId: row.id, from: row.status, to, decided });
  if (stats) statements.push(stats);
  statements.push(
    db.prepare('UPDATE comments SET status = ?3 WHERE id = ?1 AND status = ?2').bind(row.id, row.status, to),
  );
  row.status = to;
  return statements;
};

/**
 * The statements that erase a comment for good (DELETE /admin/comments/:id): its text and its author's
 * data. One with replies (even held ones, which would otherwise be orphaned) stays as an anonymous
 * placeholder; one without goes the way a reader's own delete goes (edits.ts), placeholder parents left
 * empty included. The caller adds the audit entry and runs them in one db.batch.
 */
export const eraseStatements = async (
  db: D1Database,
  row: EditableRow,
  view: RowView = createRowView(db),
): Promise<D1PreparedStatement[]> => {
  if (row.reply_count > 0 || (await view.replies(row.id)).length > 0) {
    return [...(await statusChange(db, row, 'deleted', view)), placeholderStatement(db, row.id)];
  }
  return deleteStatements(db, row, view, new Date());
};
