/**
 * The v1 HTTP contract as TypeScript types (../shared/API.md), shared by the worker and the widget.
 * The widget imports this file with `import type` only, so it costs the bundle zero bytes.
 */

/** Every error code the API answers with; the widget maps each one to a translated message. */
export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'origin_not_allowed'
  | 'banned'
  | 'edit_window_closed'
  | 'not_found'
  | 'thread_locked'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'validation_failed'
  | 'rate_limited'
  | 'storage_unavailable'
  | 'not_configured'
  | 'internal';

export interface FieldError {
  field: string;
  message: string;
}

/** An `application/problem+json` body (RFC 9457) with our `code`. */
export interface Problem {
  status: number;
  code: ErrorCode;
  title: string;
  detail?: string;
  errors?: FieldError[];
}

export type CommentStatus = 'approved' | 'pending' | 'deleted';
export type SortOrder = 'oldest' | 'newest' | 'top';
export type ModerationMode = 'none' | 'all' | 'first-time';

export interface Author {
  name: string;
  website: string | null;
  /** A stable, non-reversible seed for a generated avatar (hex). */
  avatar: string;
  moderator: boolean;
}

export interface Comment {
  id: string;
  parentId: string | null;
  /** `null` only for a deleted placeholder. */
  author: Author | null;
  /** Safe HTML rendered by the server; `""` for a deleted placeholder. */
  html: string;
  createdAt: string;
  editedAt: string | null;
  likes: number;
  status: CommentStatus;
  pinned: boolean;
}

export interface Thread {
  key: string;
  url: string;
  title: string;
  commentCount: number;
  likes: number;
  locked: boolean;
}

/** `GET /api/v1/threads` */
export interface ThreadPage {
  thread: Thread;
  /** Roots of this page, each followed by all its replies (a reply always after its parent). */
  comments: Comment[];
  nextCursor: string | null;
}

/** `POST /api/v1/comments` request body. */
export interface NewComment {
  url: string;
  id?: string;
  title?: string;
  parentId?: string | null;
  body: string;
  author?: { name?: string; email?: string; website?: string };
  notify?: boolean;
  /** Makes the call idempotent: a retry with the same value returns the same comment. */
  clientId?: string;
  /** The widget's opaque reader id (the one it sends with likes): rate limits and bans apply per reader. */
  reader?: string;
}

/** `POST /api/v1/comments` response (201, or 200 for a retried `clientId`). */
export interface CreatedComment {
  comment: Comment;
  editToken: string;
  editableUntil: string;
}

/** `GET /api/v1/config`: the public settings the widget needs. */
export interface PublicConfig {
  version: 1;
  moderation: ModerationMode;
  editWindowSeconds: number;
  maxCommentLength: number;
  anonymousName: string;
  limits: { name: number; email: number; website: number; body: number };
  requiredFields: Array<'name' | 'email'>;
  sorts: SortOrder[];
  defaultSort: SortOrder;
  pageSize: { default: number; max: number };
}

/** A comment's real status, as only the owner sees it (readers never see `spam`). */
export type AdminStatus = 'approved' | 'pending' | 'spam' | 'deleted';

/** `GET /api/v1/admin/comments`: a Comment plus what only the owner sees. */
export interface AdminComment extends Omit<Comment, 'status' | 'author'> {
  /** The real status: spam included, and a deleted comment keeps its author until it is erased. */
  status: AdminStatus;
  author: { name: string; website: string | null; avatar: string; moderator: boolean };
  /** The Markdown as typed (what PATCH `body` replaces). */
  body: string;
  email: string | null;
  ipHash: string | null;
  readerHash: string | null;
  notify: boolean;
  replyCount: number;
  thread: { key: string; url: string; title: string };
}
