/**
 * The mappers from rows to what the admin API answers with (AdminComment, AdminThread, Ban, AuditEntry:
 * declared in the contract, types/api.ts), and the opaque keyset cursors of its listings.
 */

import type { BanRow } from '../../db/admin-bans.ts';
import type { AdminCommentRow } from '../../db/admin-comments.ts';
import type { AdminThreadRow } from '../../db/admin-threads.ts';
import type { AuditRow } from '../../db/audit.ts';
import { toComment, toThread } from '../../db/rows.ts';
import { base64UrlToText, textToBase64Url } from '../../lib/encoding.ts';
import type { AdminComment, AdminThread, AuditEntry, Ban, SpamInfo, SpamReason } from '../../types/api.ts';

const VERDICTS = new Set(['pass', 'hold', 'reject']);

/** The stored reasons (migration 0010) as the API shows them: check, verdict, detail; anything else dropped. */
export const toSpamInfo = (score: number | null, reasons: string | null): SpamInfo => {
  let parsed: unknown = [];
  try {
    parsed = reasons ? JSON.parse(reasons) : [];
  } catch {
    parsed = [];
  }
  const list = Array.isArray(parsed) ? parsed : [];
  return {
    score: score ?? 0,
    reasons: list.flatMap((r): SpamReason[] =>
      r && typeof r.check === 'string' && VERDICTS.has(r.verdict) && typeof r.detail === 'string'
        ? [{ check: r.check, verdict: r.verdict, detail: r.detail }]
        : [],
    ),
  };
};

export const toAdminComment = (row: AdminCommentRow, anonymousName: string): AdminComment => ({
  ...toComment({ ...row, status: 'approved' }, anonymousName),
  status: row.status,
  author: {
    name: row.author_name || anonymousName,
    website: row.author_website,
    avatar: row.avatar,
    moderator: row.moderator === 1,
  },
  verified: row.author_provider ? { provider: row.author_provider } : null,
  userId: row.user_id,
  body: row.body,
  email: row.author_email,
  ipHash: row.ip_hash,
  readerHash: row.reader_hash,
  notify: row.notify === 1,
  replyCount: row.reply_count,
  thread: { key: row.thread_key, url: row.thread_url, title: row.thread_title },
  spam: toSpamInfo(row.spam_score, row.spam_reasons),
});

export const toAdminThread = (row: AdminThreadRow): AdminThread => ({
  ...toThread(row),
  createdAt: row.created_at,
  pending: row.pending,
});

export const toBan = (row: BanRow, now: Date): Ban => ({
  id: row.id,
  kind: row.kind,
  value: row.value,
  reason: row.reason,
  expiresAt: row.expires_at,
  createdAt: row.created_at,
  active: row.expires_at === null || row.expires_at > now.toISOString(),
});

export const toAuditEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: row.at,
  actor: row.actor,
  actorName: row.actor_name,
  action: row.action,
  commentId: row.comment_id,
  threadKey: row.thread_key,
  detail: JSON.parse(row.detail) as Record<string, unknown>,
});

/** A listing's cursor: the position (seq or id) its last row had, base64url, so clients treat it as opaque. */
export const encodePosition = (position: number): string => textToBase64Url(`p${position}`);

/** `null` for anything this API did not make (the route answers 400). */
export const decodePosition = (cursor: string): number | null => {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(cursor)) return null;
  const match = /^p(\d{1,15})$/.exec(base64UrlToText(cursor) ?? '');
  return match ? Number(match[1]) : null;
};

/** Fetch one more row than asked: its presence says whether there is a next page. */
export const page = <T>(rows: T[], limit: number, position: (row: T) => number) => {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodePosition(position(last)) : null };
};
