/**
 * A one-click moderation link, acted on (issue 14, item 5): its nonce spent, the comment approved, marked
 * spam or erased, and the audit row (actor `link`), all in ONE db.batch. The nonce is spent by a plain
 * INSERT: a second use of it — a replay, another link of the same message, a race of two clicks — fails
 * the whole batch on its primary key, so exactly one action ever comes of one message.
 */
import { type AdminCommentRow, findAdminComment } from '../../db/admin-comments.ts';
import { findEditable } from '../../db/edits.ts';
import { type CommentStatusValue, eraseStatements, statusChange } from '../../db/moderation.ts';
import { isLinkSpent, spendLinkStatements } from '../../db/moderation-links.ts';
import type { LinkAction } from '../../lib/moderation-link.ts';
import { secretHash } from '../../lib/opaque-token.ts';
import { auditFor, LINK_ACTOR, type StatusDecision } from './moderate.ts';

export interface ValidLink {
  commentId: string;
  action: LinkAction;
  expires: number;
  nonce: string;
}

export type LinkState = { kind: 'ready'; row: AdminCommentRow } | { kind: 'spent' } | { kind: 'gone' };

/** What the confirmation page may offer: the comment, unless the link was used or the comment erased. */
export const linkState = async (db: D1Database, link: ValidLink): Promise<LinkState> => {
  if (await isLinkSpent(db, await secretHash(link.nonce))) return { kind: 'spent' };
  const row = await findAdminComment(db, link.commentId);
  return row ? { kind: 'ready', row } : { kind: 'gone' };
};

export type LinkOutcome =
  | { kind: 'done'; threadKey: string; decision: StatusDecision | null }
  | { kind: 'spent' }
  | { kind: 'gone' };

const STATUS: Record<Exclude<LinkAction, 'delete'>, CommentStatusValue> = {
  approve: 'approved',
  spam: 'spam',
};

/** Whether a failed batch failed on the spent-nonce primary key (as opposed to D1 being down). */
const isSpentConflict = (err: unknown): boolean => {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (/UNIQUE constraint failed: used_moderation_links/.test(e.message)) return true;
  }
  return false;
};

/**
 * Acts on a valid link. An approve or spam of a comment already in that status still spends the link
 * (the message has done its work) and changes nothing else.
 * @example await actOnLink(db, { commentId, action: 'spam', expires, nonce }, new Date())
 */
export const actOnLink = async (db: D1Database, link: ValidLink, now: Date): Promise<LinkOutcome> => {
  if (await isLinkSpent(db, await secretHash(link.nonce))) return { kind: 'spent' };
  const row = await findEditable(db, link.commentId);
  if (!row) return { kind: 'gone' };
  const target = { id: row.id, thread_key: row.thread_key };
  const spend = spendLinkStatements(db, {
    nonceHash: await secretHash(link.nonce),
    commentId: row.id,
    action: link.action,
    usedAt: now.toISOString(),
    expiresAt: new Date(link.expires * 1000).toISOString(),
  });
  let decision: StatusDecision | null = null;
  const statements: D1PreparedStatement[] = [...spend];
  if (link.action === 'delete') {
    statements.push(
      ...(await eraseStatements(db, { ...row })),
      auditFor(db, target, { action: 'comment.delete', detail: {} }, LINK_ACTOR),
    );
  } else {
    const to = STATUS[link.action];
    const change = await statusChange(db, { ...row }, to);
    if (change.length) {
      decision = { commentId: row.id, from: row.status, to };
      statements.push(
        ...change,
        auditFor(db, target, { action: 'comment.status', detail: { from: row.status, to } }, LINK_ACTOR),
      );
    }
  }
  try {
    await db.batch(statements);
  } catch (err) {
    if (isSpentConflict(err)) return { kind: 'spent' };
    throw err;
  }
  return { kind: 'done', threadKey: row.thread_key, decision };
};
