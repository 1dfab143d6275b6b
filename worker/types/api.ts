/**
 * The v1 HTTP contract (../shared/API.md): every reader and admin shape, and the few lists both sides must
 * agree on, in one file shared by the worker, the widget, the admin page and the CLI. Readers import the
 * types with `import type` (zero bytes); the only values here are tiny constant lists, so a value import
 * costs the widget just the list it uses. Keep it free of imports: it must type-check for the DOM and for
 * workerd alike.
 */

/** Every error code the API answers with; the widget maps each one to a translated message. */
export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'sign_in_required'
  | 'forbidden'
  | 'challenge_failed'
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
/** The thread orders, the default first (GET /threads `sort`, GET /config `sorts`). */
export const SORTS = ['oldest', 'newest', 'top'] as const;
export type SortOrder = (typeof SORTS)[number];

/** At most this many pages per `GET /counts` (also keeps the query under D1's 100 bound parameters). */
export const MAX_COUNTS = 50;
export type ModerationMode = 'none' | 'all' | 'first-time';

export interface Author {
  name: string;
  website: string | null;
  /** A stable, non-reversible seed for a generated avatar (hex). */
  avatar: string;
  moderator: boolean;
  /** `null` for a guest; a signed-in author's provider otherwise. A guest can never produce it (issue 13). */
  verified: { provider: string } | null;
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
  /**
   * On a root whose tree has more replies than its page shows (a page shows each tree's first 10 replies,
   * in creation order): `more` is the cursor of GET /threads/replies for the rest. Absent otherwise.
   */
  replies?: { more: string };
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

/** `GET /api/v1/threads/replies`: the next replies of one tree, in creation order. */
export interface RepliesPage {
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

/** A comment's real status, as only the owner sees it (readers never see `spam`); the queue's order. */
export const ADMIN_STATUSES = ['pending', 'approved', 'spam', 'deleted'] as const;
export type AdminStatus = (typeof ADMIN_STATUSES)[number];

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

/** `GET /api/v1/admin/comments/counts`: how many comments each status holds. */
export type Counts = Record<AdminStatus, number>;

/** `GET /api/v1/admin/comments` */
export interface CommentPage {
  comments: AdminComment[];
  nextCursor: string | null;
}

/** `GET /api/v1/admin/comments` query (`status` defaults to `pending`). */
export interface QueueQuery {
  status: AdminStatus;
  q?: string;
  url?: string;
  cursor?: string;
  limit?: number;
}

/** `PATCH /api/v1/admin/comments/:id` body. */
export interface CommentPatch {
  status?: AdminStatus;
  pinned?: boolean;
  body?: string;
}

/** `POST /api/v1/admin/comments/bulk` `action`. */
export type BulkAction = 'approve' | 'spam' | 'delete';

/** `GET /api/v1/admin/threads`: a Thread plus what only the owner sees. */
export interface AdminThread extends Thread {
  createdAt: string;
  /** Comments waiting for the owner. */
  pending: number;
}

/** `PATCH /api/v1/admin/threads` body: `key` names the thread, the rest changes it. */
export interface ThreadPatch {
  key: string;
  locked?: boolean;
  title?: string;
  url?: string;
}

/** `GET /api/v1/admin/bans` */
export interface Ban {
  id: string;
  kind: 'email' | 'ip' | 'reader';
  value: string;
  reason: string | null;
  expiresAt: string | null;
  createdAt: string;
  active: boolean;
}

/** `POST /api/v1/admin/bans`: exactly one subject (a comment's author: every identifier it left). */
export type NewBan = (
  | { commentId: string }
  | { email: string }
  | { ipHash: string }
  | { readerHash: string }
) & { reason?: string; expiresAt?: string };

export type AuditAction =
  | 'comment.status'
  | 'comment.pin'
  | 'comment.edit'
  | 'comment.delete'
  | 'comment.reply'
  | 'thread.update'
  | 'thread.move'
  | 'thread.merge'
  | 'ban.create'
  | 'ban.delete'
  | 'settings.update';

/**
 * `GET|PATCH /api/v1/admin/settings`: the owner's runtime settings (README "Which setting lives where").
 * Rate limits are spelled as their vars: `"count/seconds"` or `"off"`.
 */
export interface RuntimeSettings {
  moderation: ModerationMode;
  blocklist: string[];
  maxLinks: number;
  reservedNames: string[];
  maxCommentLength: number;
  rateLimitWrites: string;
  rateLimitLikes: string;
}

export type RuntimeSettingName = keyof RuntimeSettings;

/** `kv`: set from the admin API; `vars`: wrangler.toml; `default`: neither (the documented default). */
export type SettingSource = 'kv' | 'vars' | 'default';

/** The answer of GET and PATCH /admin/settings. */
export interface RuntimeSettingsView {
  settings: RuntimeSettings;
  sources: Record<RuntimeSettingName, SettingSource>;
  /** What each setting is without its override: wrangler.toml's var, else the documented default. */
  defaults: RuntimeSettings;
}

/** `GET /api/v1/admin/stats?days=N`: the periods the dashboard offers (any other N is a 422). */
export const STATS_PERIODS = [7, 30, 365] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];

/** One UTC day: its comments by their status now, and the likes given that day (still standing). */
export interface StatsDay {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  published: number;
  held: number;
  spam: number;
  pageLikes: number;
  commentLikes: number;
}

/** A thread of the period, by its comments written in the period (published first). */
export interface StatsThread {
  key: string;
  url: string;
  title: string;
  published: number;
  held: number;
  spam: number;
  /** Page and comment likes given in the period. */
  likes: number;
}

/** A commenter among the period's latest published comments (docs/api.md "Dashboard"). */
export interface StatsAuthor {
  name: string;
  comments: number;
  /** Signed in (an account) rather than a guest name. */
  verified: boolean;
}

/** `GET /api/v1/admin/stats` (API.md "Additions"; the likes and `decisions` are ours). */
export interface AdminStats {
  /** Every day of the period, oldest first, today (UTC) last; days without anything are zeros. */
  days: StatsDay[];
  /** Comments waiting for a decision now, and when the oldest of them was written. */
  pending: number;
  oldestPendingAt: string | null;
  /** Median wait of the period's held comments for the owner's decision (a histogram estimate). */
  medianModerationSeconds: number | null;
  /** How many decisions that median comes from. */
  decisions: number;
  topThreads: StatsThread[];
  topAuthors: StatsAuthor[];
  /** The period's totals of `days[].pageLikes` and `days[].commentLikes`. */
  likes: { page: number; comment: number };
}

/** `GET /api/v1/admin/audit` */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: AuditAction;
  commentId: string | null;
  threadKey: string | null;
  detail: Record<string, unknown>;
}

/** What became of one e-mail (`GET /api/v1/admin/mail?status=…`): `failed` means lost after the retries. */
export type MailStatus = 'sent' | 'failed' | 'capped' | 'queued' | 'digested';

/** `GET /api/v1/admin/mail`: one row of the mail log. */
export interface MailEntry {
  id: number;
  at: string;
  /** owner, reply, digest or confirm. */
  kind: string;
  to: string;
  subject: string;
  /** binding or http. */
  transport: string;
  status: MailStatus;
  attempts: number;
  /** The HTTP transport's last status code; null for the binding or before any attempt. */
  lastStatus: number | null;
  error: string | null;
}

/** `GET /api/v1/admin/mail`, newest first. */
export interface MailPage {
  mail: MailEntry[];
  nextCursor: string | null;
}

/**
 * `POST /api/v1/admin/import?format=…`; the first two are XML, the others JSON (remark42: JSON values one
 * after another; remark42 and comentario often gzip-compressed; isso: its generic JSON, or with the CLI its
 * SQLite database).
 */
export const IMPORT_FORMATS = [
  'wxr',
  'disqus',
  'commento',
  'causerie',
  'isso',
  'remark42',
  'artrans',
  'comentario',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** `POST /api/v1/admin/import` response. */
export interface ImportResult {
  threads: number;
  comments: number;
  /** Left out on purpose (pingbacks, orphans…) or unusable. */
  skipped: number;
  /** Already present: a re-import counts them here and creates nothing. */
  duplicates: number;
  errors: Array<{ position: number | string; message: string }>;
  /** Fields dropped, cut or kept on the owner's word; absent when there are none. */
  warnings?: ImportWarning[];
}

/**
 * `POST /api/v1/admin/import` → `warnings`: fields of the file the import changed or kept on the owner's
 * word, counted per field and action (issue 11): `dropped` (a javascript: website, a malformed e-mail),
 * `cut` (a name or title past the API's limit), `replaced` (an avatar seed that is not hex, computed
 * again), `kept` (a moderator badge or likes: only an owner's import may set them).
 */
export interface ImportWarning {
  field: string;
  action: 'dropped' | 'cut' | 'replaced' | 'kept';
  count: number;
  message: string;
}

/** The signed-in reader (`GET /me`, `POST /auth/sso`): never another reader's data. */
export interface SessionUser {
  id: string;
  name: string;
  /** The verified address, when the sign-in verified one. */
  email: string | null;
  /** The provider of this session: `github`, `google`, `twitter`, `facebook`, `oidc`, `email`, `sso`. */
  provider: string;
}

/** `AUTH`: guests only (`off`, the default), guests or signed-in readers (`optional`), signed-in only. */
export type AuthMode = 'off' | 'optional' | 'required';
export const AUTH_MODES: readonly AuthMode[] = ['off', 'optional', 'required'];
