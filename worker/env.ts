/**
 * Reads the deployment's settings (wrangler vars and secrets, API.md "Configuration") into a typed object,
 * with the documented defaults for anything unset or malformed.
 */
import { AVATAR_SEED_MODES, type AvatarSeedMode } from './lib/avatar-seed.ts';
import {
  type AkismetSettings,
  type IntegrationVars,
  readAkismet,
  readTelegram,
  readTurnstile,
  type TelegramSettings,
  type TurnstileSettings,
} from './lib/integration-settings.ts';
import { type MastodonSettings, type MastodonVars, readMastodon } from './lib/mastodon-settings.ts';
import { type ModeratorEntry, parseModerators } from './lib/moderators.ts';
import { readSignIn, type SignInSettings } from './lib/sign-in-config.ts';
import type { Reader } from './services/identity/sessions.ts';
import { AUTH_MODES, type AuthMode, type ModerationMode } from './types/api.ts';
import type { Staff } from './types/staff.ts';

export type Bindings = Cloudflare.Env;

export interface RateLimit {
  count: number;
  seconds: number;
}

export interface Settings {
  allowedOrigins: Set<string>;
  moderation: ModerationMode;
  /** A guest's edit window: GUEST_EDIT_WINDOW_SECONDS, else EDIT_WINDOW_SECONDS, else 900 (the edit token). */
  editWindowSeconds: number;
  /** A signed-in author's edit window (USER_EDIT_WINDOW_SECONDS); 0, the default, never closes. */
  userEditWindowSeconds: number;
  maxCommentLength: number;
  significantQueryParams: Set<string>;
  anonymousName: string;
  /** `null` when `RATE_LIMIT_WRITES=off`. */
  rateLimit: RateLimit | null;
  /** Likes per IP (an IPv6 /64), their own budget: RATE_LIMIT_LIKES, `null` when "off". */
  likeRateLimit: RateLimit | null;
  /** Names guests may not use (RESERVED_NAMES); MODERATOR_NAME is always reserved besides. */
  reservedNames: string[];
  /** Lower-cased words and phrases that hold a comment as pending (BLOCKLIST). */
  blocklist: string[];
  /** A comment with more links than this is held as pending (MAX_LINKS). */
  maxLinks: number;
  secretKey: string;
  adminToken: string;
  /** The webhook on new and held comments; `null` when WEBHOOK_URL is unset. */
  webhook: WebhookSettings | null;
  /** E-mail (README "E-mail"); `null` unless EMAIL_FROM is set and a transport is available. */
  email: EmailSettings | null;
  /** The name on the owner's replies posted through the admin API (MODERATOR_NAME). */
  moderatorName: string;
  /** What the public avatar is seeded with (AVATAR_SEED): never the e-mail alone (lib/avatar-seed.ts). */
  avatarSeed: AvatarSeedMode;
  /** AUTH: whether readers may (`optional`) or must (`required`) sign in; `off` keeps guests only. */
  auth: AuthMode;
  /** Cloudflare Turnstile on POST /comments (TURNSTILE_SITE_KEY + TURNSTILE_SECRET); `null` when off. */
  turnstile: TurnstileSettings | null;
  /** Akismet's comment-check and feedback (AKISMET_KEY); `null` when off. */
  akismet: AkismetSettings | null;
  /** Telegram as a notification target (TELEGRAM_BOT_TOKEN + TELEGRAM_CHAT_ID); `null` when off. */
  telegram: TelegramSettings | null;
  /** Sign-in providers and the host site's SSO (lib/sign-in-config.ts); listed only when AUTH is not off. */
  signIn: SignInSettings;
  /** MODERATORS: the accounts that may use the admin API with their session, and their role. */
  moderators: ModeratorEntry[];
  /** The spam pipeline (issue 14; README "Spam"). */
  spam: SpamSettings;
  /** LIVE: readers' open threads get new comments, likes and removals over WebSockets (`on` by default). */
  live: boolean;
  /** FOLLOW_DIGEST_MINUTES: at most one e-mail per follower and thread in this time (issue 17; 60). */
  followDigestMinutes: number;
  /** Mastodon replies (issue 18, item 2; README "Mastodon replies"). */
  mastodon: MastodonSettings;
  /** The Webmention receiver (issue 18; README "Webmention"). */
  webmention: WebmentionSettings;
}

export interface WebmentionSettings {
  /** WEBMENTION: `on` serves POST /webmention and verifies mentions; `off` (the default) answers 404. */
  enabled: boolean;
  /** WEBMENTION_ALLOW_PRIVATE=true, for tests only: the verifier may fetch 127.0.0.1 (the tests' source). */
  allowLoopbackForTests: boolean;
}

export interface SpamSettings {
  /** SPAM_FILTER: the private learning filter scores new comments and learns from decisions (`on`). */
  filter: boolean;
  /** SPAM_THRESHOLD: the filter holds a comment whose P(spam) is at least this (0.9). */
  threshold: number;
  /** SPAM_CHECKS: which checks run, in this order (`rules,filter,akismet`); unknown names are skipped. */
  checks: string[];
  /** SPAM_CHECK_TIMEOUT_MS: a check still running after this long holds the comment (1500). */
  timeoutMs: number;
}

export type WebhookFormat = 'json' | 'slack' | 'discord';

export interface WebhookSettings {
  url: string;
  /** WEBHOOK_SECRET; deliveries are unsigned (no signature header) when it is empty. */
  secret: string;
  format: WebhookFormat;
}

/** `binding`: Cloudflare Email Service's `send_email` binding EMAIL; `http`: POST to EMAIL_API_URL. */
export type EmailTransport = 'binding' | 'http';

export interface EmailSettings {
  transport: EmailTransport;
  /** EMAIL_API_URL, for the `http` transport ('' with the binding). */
  apiUrl: string;
  apiKey: string;
  from: string;
  /** OWNER_EMAIL: who hears of new and held comments; `null` sends only reply notifications. */
  ownerEmail: string | null;
  /** EMAIL_DAILY_CAP_PER_RECIPIENT: messages one address may receive in 24 hours (the rest are logged). */
  dailyCapPerRecipient: number;
}

/** When EMAIL_DAILY_CAP_PER_RECIPIENT is unset or malformed. */
export const DEFAULT_DAILY_CAP_PER_RECIPIENT = 20;

/** When RESERVED_NAMES is unset: the roles a reader would take for the site's own (lib/reserved-names.ts). */
export const DEFAULT_RESERVED_NAMES = ['admin', 'administrator', 'moderator', 'modérateur'] as const;

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const positiveInt = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

const nonNegativeInt = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return value?.trim() && Number.isInteger(n) && n >= 0 ? n : fallback;
};

/** Origins compare as `scheme://host[:port]`, lower-cased, without a trailing slash. */
export const canonicalOrigin = (origin: string): string | null => {
  // No Origin header (a same-origin GET, a script) and unset vars are the common case: skip URL's throw.
  if (!origin.trim()) return null;
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
};

const parseRateLimit = (
  value: string | undefined,
  fallback = { count: 5, seconds: 60 },
): RateLimit | null => {
  if (value?.trim() === 'off') return null;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value ?? '');
  if (!match) return fallback;
  return { count: Number(match[1]), seconds: Number(match[2]) };
};

export const DEFAULT_SPAM_CHECKS = ['rules', 'filter', 'akismet'] as const;

/** A probability in (0, 1]: 0 would hold everything, which MODERATION=all already says plainly. */
const threshold = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return value?.trim() && Number.isFinite(n) && n > 0 && n <= 1 ? n : fallback;
};

const readSpam = (env: Bindings): SpamSettings => {
  const vars = env as {
    SPAM_FILTER?: string;
    SPAM_THRESHOLD?: string;
    SPAM_CHECKS?: string;
    SPAM_CHECK_TIMEOUT_MS?: string;
  };
  const checks = vars.SPAM_CHECKS?.trim()
    ? [...new Set(list(vars.SPAM_CHECKS.toLowerCase()))]
    : [...DEFAULT_SPAM_CHECKS];
  return {
    filter: vars.SPAM_FILTER?.trim().toLowerCase() !== 'off',
    threshold: threshold(vars.SPAM_THRESHOLD, 0.9),
    checks: vars.SPAM_CHECKS?.trim() === 'none' ? [] : checks,
    timeoutMs: positiveInt(vars.SPAM_CHECK_TIMEOUT_MS, 1500),
  };
};

const MODES: readonly ModerationMode[] = ['none', 'all', 'first-time'];
const WEBHOOK_FORMATS: readonly WebhookFormat[] = ['json', 'slack', 'discord'];

const readWebhook = (env: Bindings): WebhookSettings | null => {
  const url = canonicalOrigin(env.WEBHOOK_URL ?? '') ? (env.WEBHOOK_URL ?? '').trim() : '';
  if (!url) return null;
  const format = WEBHOOK_FORMATS.find((f) => f === env.WEBHOOK_FORMAT?.trim().toLowerCase()) ?? 'json';
  return { url, secret: env.WEBHOOK_SECRET ?? '', format };
};

/**
 * The transport: EMAIL_TRANSPORT when set (`binding` needs the EMAIL binding, `http` needs EMAIL_API_URL);
 * unset, an EMAIL_API_URL keeps the HTTP API (a deployment that had one before the binding existed goes on
 * sending through it), else the binding when it is bound.
 */
const chooseTransport = (wanted: string, hasApiUrl: boolean, bound: boolean): EmailTransport | null => {
  if (wanted === 'http') return hasApiUrl ? 'http' : null;
  if (wanted === 'binding') return bound ? 'binding' : null;
  if (hasApiUrl) return 'http';
  return bound ? 'binding' : null;
};

const readEmail = (env: Bindings): EmailSettings | null => {
  const apiUrl = canonicalOrigin(env.EMAIL_API_URL ?? '') ? (env.EMAIL_API_URL ?? '').trim() : '';
  const from = env.EMAIL_FROM?.trim() ?? '';
  if (!from) return null;
  const bound = typeof (env as { EMAIL?: unknown }).EMAIL === 'object' && env.EMAIL !== null;
  const wanted = env.EMAIL_TRANSPORT?.trim().toLowerCase() ?? '';
  const transport = chooseTransport(wanted, apiUrl !== '', bound);
  if (!transport) return null;
  return {
    transport,
    apiUrl: transport === 'http' ? apiUrl : '',
    apiKey: env.EMAIL_API_KEY ?? '',
    from,
    ownerEmail: env.OWNER_EMAIL?.trim() || null,
    dailyCapPerRecipient: positiveInt(
      (env as { EMAIL_DAILY_CAP_PER_RECIPIENT?: string }).EMAIL_DAILY_CAP_PER_RECIPIENT,
      DEFAULT_DAILY_CAP_PER_RECIPIENT,
    ),
  };
};

const readWebmention = (env: Bindings): WebmentionSettings => {
  const vars = env as { WEBMENTION?: string; WEBMENTION_ALLOW_PRIVATE?: string };
  return {
    enabled: vars.WEBMENTION?.trim().toLowerCase() === 'on',
    allowLoopbackForTests: vars.WEBMENTION_ALLOW_PRIVATE?.trim().toLowerCase() === 'true',
  };
};

export const readSettings = (env: Bindings): Settings => {
  const moderation = MODES.find((mode) => mode === env.MODERATION?.trim()) ?? 'none';
  const origins = list(env.ALLOWED_ORIGINS)
    .map(canonicalOrigin)
    .filter((o): o is string => o !== null);
  return {
    allowedOrigins: new Set(origins),
    moderation,
    editWindowSeconds: positiveInt(
      (env as { GUEST_EDIT_WINDOW_SECONDS?: string }).GUEST_EDIT_WINDOW_SECONDS,
      positiveInt(env.EDIT_WINDOW_SECONDS, 900),
    ),
    userEditWindowSeconds: nonNegativeInt(
      (env as { USER_EDIT_WINDOW_SECONDS?: string }).USER_EDIT_WINDOW_SECONDS,
      0,
    ),
    maxCommentLength: positiveInt(env.MAX_COMMENT_LENGTH, 10_000),
    significantQueryParams: new Set(list(env.SIGNIFICANT_QUERY_PARAMS)),
    anonymousName: env.ANONYMOUS_NAME?.trim() || 'Anonymous',
    rateLimit: parseRateLimit(env.RATE_LIMIT_WRITES),
    likeRateLimit: parseRateLimit(env.RATE_LIMIT_LIKES, { count: 30, seconds: 60 }),
    reservedNames: env.RESERVED_NAMES?.trim() ? list(env.RESERVED_NAMES) : [...DEFAULT_RESERVED_NAMES],
    blocklist: list(env.BLOCKLIST).map((word) => word.toLowerCase()),
    maxLinks: nonNegativeInt(env.MAX_LINKS, 3),
    secretKey: env.SECRET_KEY ?? '',
    adminToken: env.ADMIN_TOKEN ?? '',
    webhook: readWebhook(env),
    email: readEmail(env),
    moderatorName: env.MODERATOR_NAME?.trim() || 'Moderator',
    avatarSeed: AVATAR_SEED_MODES.find((mode) => mode === env.AVATAR_SEED?.trim()) ?? 'reader',
    auth: AUTH_MODES.find((mode) => mode === (env as { AUTH?: string }).AUTH?.trim().toLowerCase()) ?? 'off',
    signIn: readSignIn(env),
    moderators: parseModerators((env as { MODERATORS?: string }).MODERATORS),
    spam: readSpam(env),
    turnstile: readTurnstile(env as IntegrationVars),
    akismet: readAkismet(env as IntegrationVars),
    telegram: readTelegram(env as IntegrationVars),
    live: (env as { LIVE?: string }).LIVE?.trim().toLowerCase() !== 'off',
    followDigestMinutes: positiveInt((env as { FOLLOW_DIGEST_MINUTES?: string }).FOLLOW_DIGEST_MINUTES, 60),
    mastodon: readMastodon(env as MastodonVars),
    webmention: readWebmention(env),
  };
};

/** What every handler can read from the context: `c.get('settings')`. */
export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    settings: Settings;
    /** The request carried a D1 bookmark (middleware/d1-session.ts): it must not fill the edge cache. */
    bookmarked: boolean;
    /** The signed-in reader of this request, `null` for a guest (middleware/reader-session.ts). */
    reader: Reader | null;
    /** Who is using the admin API, its role and its audit name (middleware/admin-auth.ts). */
    staff: Staff;
  };
}
