/**
 * The admin API's answers as the page sees them (API.md, "Moderation endpoints"). AdminComment comes from
 * the shared contract (worker/types/api.ts); the rest mirror worker/routes/admin/shapes.ts, which the
 * widget's tsconfig cannot import (it pulls in the D1 types).
 */
import type { AdminComment, AdminStatus, Thread } from '../../../worker/types/api.ts';

export type { AdminComment, AdminStatus };
export const STATUSES: readonly AdminStatus[] = ['pending', 'approved', 'spam', 'deleted'];

export type Counts = Record<AdminStatus, number>;

export interface CommentPage {
  comments: AdminComment[];
  nextCursor: string | null;
}

export interface QueueQuery {
  status: AdminStatus;
  q?: string;
  url?: string;
  cursor?: string;
  limit?: number;
}

export interface CommentPatch {
  status?: AdminStatus;
  pinned?: boolean;
  body?: string;
}

export type BulkAction = 'approve' | 'spam' | 'delete';

export interface AdminThread extends Thread {
  createdAt: string;
  pending: number;
}

export interface ThreadPatch {
  key: string;
  locked?: boolean;
  title?: string;
  url?: string;
}

export interface Ban {
  id: string;
  kind: 'email' | 'ip' | 'reader';
  value: string;
  reason: string | null;
  expiresAt: string | null;
  createdAt: string;
  active: boolean;
}

/** Exactly one subject: a comment's author (every identifier it left), an e-mail, an IP or reader hash. */
export type NewBan = (
  | { commentId: string }
  | { email: string }
  | { ipHash: string }
  | { readerHash: string }
) & { reason?: string; expiresAt?: string };

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  commentId: string | null;
  threadKey: string | null;
  detail: Record<string, unknown>;
}

export const IMPORT_FORMATS = ['wxr', 'disqus', 'commento', 'causerie'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportResult {
  threads: number;
  comments: number;
  skipped: number;
  errors: Array<{ position: number | string; message: string }>;
  /** Fields dropped, cut or kept on the owner's word (worker/types/api.ts ImportWarning). */
  warnings?: Array<{ field: string; action: string; count: number; message: string }>;
}
