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

/** Where a comment came from (issue 18): the widget, a Webmention, or a Mastodon reply. */
export const COMMENT_KINDS = ['comment', 'webmention', 'mastodon'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];
/** What a comment from the open web is at its source: a reply has text; a like or a repost shows as a face. */
export type SourceType = 'reply' | 'like' | 'repost';

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
  /** `"comment"` for every comment posted through the API; the open web's kinds carry `source` (API.md). */
  kind: CommentKind;
  /** For a `webmention` or `mastodon` comment: the page or status it came from, and what it is there. */
  source?: { url: string; type: SourceType };
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
  /** The Turnstile token when GET /config names a challenge (missing or refused: 403 `challenge_failed`). */
  challengeToken?: string;
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
  /** Sign-in (issue 13): who may comment, and how readers can sign in. */
  auth: PublicAuthConfig;
  /** The challenge the form must pass (POST /comments `challengeToken`); `null` when none is configured. */
  challenge: PublicChallenge | null;
  /** Live updates (issue 17): `GET /live` takes WebSockets (var LIVE, on by default). */
  live: boolean;
  /** Readers may follow a thread by e-mail (`POST /threads/follow`): the site sends e-mail (issue 17). */
  follow: boolean;
}

/**
 * `POST /threads/follow`: `following` (200) when the address is vouched for (a signed-in account's, or one
 * confirmed before), `confirm` (202) when a confirmation e-mail must be answered first.
 */
export type FollowState = 'following' | 'confirm';

export interface FollowResult {
  state: FollowState;
}

/** `GET /config` `auth`: `providers` and `sso` stay empty/false while AUTH is `off`. */
export interface PublicAuthConfig {
  /** Guests may comment: AUTH is not `required`. */
  guests: boolean;
  /** The popup sign-in buttons: `GET /auth/:id/start`. */
  providers: Array<{ id: string; name: string }>;
  /** The host site's SSO is configured: `POST /auth/sso` takes its tokens. */
  sso: boolean;
}

/** Cloudflare Turnstile: the widget renders it with this site key (API.md "Additions"). */
export interface PublicChallenge {
  provider: 'turnstile';
  siteKey: string;
}

/** A comment's real status, as only the owner sees it (readers never see `spam`); the queue's order. */
export const ADMIN_STATUSES = ['pending', 'approved', 'spam', 'deleted'] as const;
export type AdminStatus = (typeof ADMIN_STATUSES)[number];

/** `GET /api/v1/admin/comments`: a Comment plus what only the owner sees. */
export interface AdminComment extends Omit<Comment, 'status' | 'author'> {
  /** The real status: spam included, and a deleted comment keeps its author until it is erased. */
  status: AdminStatus;
  author: { name: string; website: string | null; avatar: string; moderator: boolean };
  /** As `Author.verified`: the provider of a signed-in author (issue 13), `null` for a guest. */
  verified: { provider: string } | null;
  /** The signed-in author's account (what `POST /admin/bans { userId }` bans), `null` for a guest. */
  userId: string | null;
  /** The Markdown as typed (what PATCH `body` replaces). */
  body: string;
  email: string | null;
  ipHash: string | null;
  readerHash: string | null;
  notify: boolean;
  replyCount: number;
  thread: { key: string; url: string; title: string };
  /** What the spam pipeline said when it was posted or last edited (empty reasons: never screened). */
  spam: SpamInfo;
}

/** One check's answer on a comment: `rules`, `filter`, `akismet`…, and `moderation` (the owner's mode). */
export interface SpamReason {
  check: string;
  verdict: 'pass' | 'hold' | 'reject';
  /** Why, for the owner: "4 links (limit 3)", "p(spam) 0.97 ≥ 0.9; \"casino\"", "check unavailable (…)". */
  detail: string;
}

export interface SpamInfo {
  /** The highest score of the checks, 0 (clean) … 1 (spam). */
  score: number;
  reasons: SpamReason[];
}

/** `GET /api/v1/admin/spam?days=N`: the pipeline's figures for the owner. */
export interface SpamFigures {
  /** Oldest first, one entry per UTC day of the window, days without comments included. */
  days: Array<{
    date: string;
    /** Screened comments published at once, held for the owner, stored as spam. */
    published: number;
    held: number;
    spam: number;
    /** Of the held and spam ones, how many each check held or rejected (one comment may count for two). */
    reasons: Record<string, number>;
  }>;
  /** The same per check, over the whole window. */
  reasons: Array<{ check: string; held: number; rejected: number }>;
  filter: {
    enabled: boolean;
    /** `learning` until it has `needed` decisions of each class; it scores nothing until then. */
    state: 'off' | 'learning' | 'active';
    decisions: { ham: number; spam: number };
    needed: number;
    threshold: number;
    /** Of the comments the filter held in the window: what the owner decided since. */
    held: { total: number; approved: number; spam: number; pending: number; deleted: number };
    /** spam / (spam + approved) of those, `null` before the owner decided any. */
    precision: number | null;
    /** Comments the filter let through that the owner then marked spam. */
    missed: number;
  };
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
  /** An account ban's id is `user:<account id>`. */
  id: string;
  /** `user`: a ban by account (issue 13): its sessions revoked, posting and liking 403 `banned`. */
  kind: 'email' | 'ip' | 'reader' | 'user';
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
  | { userId: string }
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
  | 'settings.update'
  /** A thread linked to a toot, re-linked or unlinked (issue 18): detail `{ url }`, `url: null` to unlink. */
  | 'thread.mastodon';

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
  /** A guest's edit window, in seconds (EDIT_WINDOW_SECONDS). */
  editWindowSeconds: number;
  /** The name shown for a guest who gave none (ANONYMOUS_NAME). */
  anonymousName: string;
  /** The origins whose pages may embed and write (ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  /** The webhook of new and held comments (WEBHOOK_URL); `""`: none. */
  webhookUrl: string;
  /** Who hears of new and held comments by e-mail (OWNER_EMAIL); `""`: nobody. */
  ownerEmail: string;
  /** Live updates of open threads over WebSockets (LIVE, issue 17). */
  live: 'on' | 'off';
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
  /** `admin` (ADMIN_TOKEN) or `user:<account id>` (a moderator's session, issue 13). */
  actor: string;
  /** The moderator's account name; `null` for the token or an account erased since. */
  actorName: string | null;
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
  /** owner, reply, digest, confirm or signin (a magic link). */
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

/** A staff account's role (MODERATORS): an owner may do everything ADMIN_TOKEN may; see docs/api.md. */
export type StaffRole = 'owner' | 'moderator';

/** `GET /api/v1/me`: the signed-in reader and what the widget and the admin page need to show them. */
export interface Me extends SessionUser {
  /** The avatar seed of this account's comments (hex, as `Author.avatar`). */
  avatar: string;
  /** When this session ends (ISO 8601). */
  expiresAt: string;
  /** The admin API's role of this account, `null` for a reader who is not staff. */
  role: StaffRole | null;
  /** Set when the owner banned the account: it can read, sign out and erase itself, not post or like. */
  banned: boolean;
}

/** `GET /api/v1/me/comments`: one of the reader's own comments, with its page. */
export interface OwnComment extends Comment {
  thread: { key: string; url: string; title: string };
}

/** `GET /api/v1/me/comments`, newest first. */
export interface OwnCommentPage {
  comments: OwnComment[];
  nextCursor: string | null;
}

/** `GET /api/v1/me/export`: everything the account wrote, as a download. */
export interface AccountExport {
  version: 1;
  exportedAt: string;
  user: SessionUser;
  comments: Array<OwnComment & { body: string }>;
}

/** `AUTH`: guests only (`off`, the default), guests or signed-in readers (`optional`), signed-in only. */
export type AuthMode = 'off' | 'optional' | 'required';
export const AUTH_MODES: readonly AuthMode[] = ['off', 'optional', 'required'];

/**
 * Why a sign-in popup failed, as posted to the opener (`{ type: 'causerie:error', code }`): the reader
 * refused consent (`cancelled`), the OAuth state was unknown or already used (`invalid_state`) or older
 * than 10 minutes (`expired`), the provider failed or refused the code (`provider_error`), or its ID token
 * did not verify — signature, issuer, audience, expiry, nonce (`invalid_token`).
 */
export type SignInFailure = 'cancelled' | 'invalid_state' | 'expired' | 'provider_error' | 'invalid_token';

/** What the sign-in popup posts to its opener, at the exact origin the opener named. */
export type PopupMessage =
  | { type: 'causerie:session'; token: string }
  | { type: 'causerie:error'; code: SignInFailure };

/** `POST /auth/sso` → 200: the session (its bearer token, once) and who it signs in. */
export interface SsoSignIn {
  session: { token: string; expiresAt: string };
  user: SessionUser;
}

/**
 * The JSON messages of `GET /live` (issue 17, docs/api.md "Live updates"), one per WebSocket message.
 * `hello` comes first on every connection: a reader whose page counts fewer comments missed some while it
 * was away, and reloads. `comment` carries a comment readers may see (new, newly approved or edited); `like`
 * the new count of a comment (`id`) or of the page (`page: true`); `remove` a comment deleted or moderated away.
 */
export type LiveEvent =
  | { type: 'hello'; commentCount: number }
  | { type: 'comment'; comment: Comment }
  | { type: 'like'; id: string; likes: number }
  | { type: 'like'; page: true; likes: number }
  | { type: 'remove'; id: string };

/**
 * `/api/v1/admin/threads/mastodon` and `POST /api/v1/threads/mastodon` (issue 18): a thread's link to the
 * toot that announced its page, and how its last fetches went.
 */
export interface MastodonLink {
  threadKey: string;
  /** The toot's URL as linked (https://host/@user/ID and the other shapes of docs/api.md). */
  url: string;
  /** Who linked it: the owner (admin API) or the page's `data-mastodon`, which never replaces the owner's. */
  linkedBy: 'owner' | 'embed';
  linkedAt: string;
  /** The toot's favourites and boosts as last fetched: they count in the page's likes. */
  favourites: number;
  reblogs: number;
  /** The last fetch (good or not), the last good one, and when the Cron Trigger fetches it again. */
  fetchedAt: string | null;
  okAt: string | null;
  dueAt: string;
  /** Failed fetches in a row, and the last one's reason (`null` once a fetch succeeds). */
  failures: number;
  lastError: string | null;
}

/** `POST /api/v1/admin/threads/mastodon/refresh`: what one fetch did. */
export interface MastodonRefresh {
  ok: boolean;
  error: string | null;
  added: number;
  updated: number;
  removed: number;
}

/** `GET /api/v1/webmention/:id`: where a received Webmention stands (issue 18, W3C Webmention). */
export type WebmentionState = 'pending' | 'accepted' | 'rejected';

/**
 * Why a Webmention was rejected, or why the last attempt of a pending one failed. The first three are
 * retried with backoff (the request stays `pending`); the others are final.
 */
export type WebmentionReason =
  | 'source_unreachable'
  | 'timeout'
  | 'source_error'
  | 'source_refused'
  | 'source_gone'
  | 'no_link'
  | 'blocked_address'
  | 'too_many_redirects'
  | 'thread_locked';

export interface WebmentionStatus {
  id: string;
  source: string;
  target: string;
  status: WebmentionState;
  reason: WebmentionReason | null;
  attempts: number;
  /** When a pending one is tried again; `null` otherwise. */
  nextAttemptAt: string | null;
  /** The comment it made (kind `webmention`), also after a deletion; `null` before. */
  commentId: string | null;
  createdAt: string;
  updatedAt: string;
}
