/**
 * Moderation decisions, each with its audit row in ONE db.batch (one D1 transaction): a status change, an
 * edit, a pin, a hard delete, and a bulk action over many comments. Either all of it happened, counters,
 * audit and what the learning filter learnt from it (services/spam/learning.ts) included, or none of it did.
 * The caller's row is left as it was read.
 */
import { bodyUpdate } from '../../db/admin-comments.ts';
import { type AuditEntry, auditStatement } from '../../db/audit.ts';
import { pinStatements } from '../../db/comments.ts';
import { createRowView, type EditableRow, findEditableMany } from '../../db/edits.ts';
import { type CommentStatusValue, eraseStatements, statusChange } from '../../db/moderation.ts';
import { forgetTrainingStatement } from '../../db/spam-model.ts';
import type { SpamSettings } from '../../env.ts';
import { classOf, learnStatements } from '../spam/learning.ts';

/** What a decision needs to teach the filter: whether it is on (SPAM_FILTER). */
export type Learning = Pick<SpamSettings, 'filter'>;

const NO_LEARNING: Learning = { filter: false };

/** Who did it, for the audit log: the token holder; a moderator's session is `user:<account id>`. */
export const ADMIN_ACTOR = 'admin';
/** …or whoever followed a one-click link of a notification (services/moderation/link-action.ts). */
export const LINK_ACTOR = 'link';

export type BulkAction = 'approve' | 'spam' | 'delete';

const BULK_STATUS = { approve: 'approved', spam: 'spam' } as const;

/** The audit row of an action on `row` (its id and thread read before the action changes anything). */
export const auditFor = (
  db: D1Database,
  row: Pick<EditableRow, 'id' | 'thread_key'>,
  entry: Pick<AuditEntry, 'action' | 'detail'>,
  actor: string = ADMIN_ACTOR,
): D1PreparedStatement =>
  auditStatement(db, {
    actor,
    commentId: row.id,
    threadKey: row.thread_key,
    at: new Date().toISOString(),
    ...entry,
  });

export interface CommentChange {
  body?: { body: string; html: string; editedAt: string };
  status?: CommentStatusValue;
  pinned?: boolean;
}

/** PATCH /admin/comments/:id: body, status and pin, each with its audit row, in one transaction. */
export const changeComment = async (
  db: D1Database,
  row: EditableRow,
  change: CommentChange,
  actor: string = ADMIN_ACTOR,
  learning: Learning = NO_LEARNING,
): Promise<void> => {
  const target = { id: row.id, thread_key: row.thread_key };
  const from = row.status;
  const statements: D1PreparedStatement[] = [];
  if (change.body !== undefined) {
    statements.push(
      bodyUpdate(db, row.id, change.body),
      auditFor(db, target, { action: 'comment.edit', detail: {} }, actor),
    );
  }
  if (change.status !== undefined && change.status !== from) {
    const to = change.status;
    statements.push(
      ...(await statusChange(db, { ...row }, to)),
      auditFor(db, target, { action: 'comment.status', detail: { from, to } }, actor),
    );
  }
  // Approve = ham, spam = spam; a decision the comment already had teaches nothing twice (db/spam-model.ts).
  const taught = change.status === undefined ? null : classOf(change.status);
  if (taught) statements.push(...(await learnStatements(db, learning, [row.id], taught)));
  if (change.pinned !== undefined && change.pinned !== (row.pinned === 1)) {
    const pinned = change.pinned;
    // Pins go through pinStatements: the whole tree carries them (migration 0003).
    statements.push(
      ...pinStatements(db, row.id, pinned),
      auditFor(db, target, { action: 'comment.pin', detail: { pinned } }, actor),
    );
  }
  if (statements.length) await db.batch(statements);
};

/** DELETE /admin/comments/:id: the erase and its audit row in one transaction. */
export const eraseComment = async (
  db: D1Database,
  row: EditableRow,
  actor: string = ADMIN_ACTOR,
): Promise<void> => {
  const audit = auditFor(db, row, { action: 'comment.delete', detail: {} }, actor);
  await db.batch([...(await eraseStatements(db, { ...row })), audit, forgetTrainingStatement(db, [row.id])]);
};

export interface BulkResult {
  updated: number;
  /** Threads whose cached pages must go. */
  threadKeys: Set<string>;
  /** Comments newly approved (their readers may hear of it). */
  approved: string[];
  /** Every status change made, for Akismet's feedback (services/spam/akismet-feedback.ts). */
  decisions: StatusDecision[];
  /** Every comment changed, with its thread as read before the action: what live readers hear of. */
  changed: Array<{ id: string; threadKey: string }>;
}

/** One comment moved from one status to another by a moderator. */
export interface StatusDecision {
  commentId: string;
  from: CommentStatusValue;
  to: CommentStatusValue;
}

/**
 * POST /admin/comments/bulk: every comment read in one query, every statement planned (in the order the
 * ids came, each seeing what the earlier ones change: `createRowView`), then ONE db.batch.
 * D1's limits (https://developers.cloudflare.com/d1/platform/limits/): 100 bound parameters per query (the
 * ids go as one JSON parameter), 100 KB per statement, 50 (Free) / 1,000 (Paid) queries per Worker
 * invocation. A batch is one call but each of its statements is a query, so the API caps a bulk action at
 * 100 ids (bulkSchema, a 422 beyond): a few statements per comment stays under the Paid limit.
 */
export const bulkModerate = async (
  db: D1Database,
  ids: string[],
  action: BulkAction,
  actor: string = ADMIN_ACTOR,
  learning: Learning = NO_LEARNING,
): Promise<BulkResult> => {
  const unique = [...new Set(ids)];
  const found = await findEditableMany(db, unique);
  const view = createRowView(db, found);
  for (const id of unique) if (!found.some((row) => row.id === id)) view.erase(id);

  const statements: D1PreparedStatement[] = [];
  const result: BulkResult = { updated: 0, threadKeys: new Set(), approved: [], decisions: [], changed: [] };
  for (const id of unique) {
    const row = await view.find(id);
    if (!row) continue;
    const target = { id: row.id, thread_key: row.thread_key };
    if (action === 'delete') {
      statements.push(
        ...(await eraseStatements(db, row, view)),
        auditFor(db, target, { action: 'comment.delete', detail: {} }, actor),
      );
    } else {
      const from = row.status;
      const to = BULK_STATUS[action];
      const change = await statusChange(db, row, to, view);
      if (change.length === 0) continue;
      statements.push(
        ...change,
        auditFor(db, target, { action: 'comment.status', detail: { from, to } }, actor),
      );
      if (to === 'approved') result.approved.push(row.id);
      result.decisions.push({ commentId: row.id, from, to });
    }
    result.updated += 1;
    result.threadKeys.add(row.thread_key);
    result.changed.push({ id: row.id, threadKey: row.thread_key });
  }
  // The whole action teaches in a fixed handful of statements (the ids go as one JSON parameter).
  const present = unique.filter((id) => found.some((row) => row.id === id));
  if (action === 'delete') statements.push(forgetTrainingStatement(db, present));
  else
    statements.push(...(await learnStatements(db, learning, present, action === 'approve' ? 'ham' : 'spam')));
  if (statements.length) await db.batch(statements);
  return result;
};
