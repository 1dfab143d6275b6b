/**
 * The owner's runtime settings (GET/PATCH /admin/settings): the few wrangler vars an owner tunes while the
 * site runs, kept as overrides in one KV value (services/settings/runtime-store.ts). An override takes the
 * place of its var and goes through the same parsing (env.ts `readSettings`), so a setting means the same
 * thing wherever it lives: moderation and its rules, rate limits, the edit window, the anonymous name, the
 * allowed origins, the notification targets (issue 16, item 3) and live updates (issue 17). Secrets and transports stay in
 * wrangler.toml.
 */
import type { Bindings, RateLimit, Settings } from '../env.ts';
import type {
  RuntimeSettingName,
  RuntimeSettings,
  RuntimeSettingsView,
  SettingSource,
} from '../types/api.ts';

/** Each runtime setting and the var it overrides. */
export const RUNTIME_VARS = {
  moderation: 'MODERATION',
  blocklist: 'BLOCKLIST',
  maxLinks: 'MAX_LINKS',
  reservedNames: 'RESERVED_NAMES',
  maxCommentLength: 'MAX_COMMENT_LENGTH',
  rateLimitWrites: 'RATE_LIMIT_WRITES',
  rateLimitLikes: 'RATE_LIMIT_LIKES',
  editWindowSeconds: 'EDIT_WINDOW_SECONDS',
  anonymousName: 'ANONYMOUS_NAME',
  allowedOrigins: 'ALLOWED_ORIGINS',
  webhookUrl: 'WEBHOOK_URL',
  ownerEmail: 'OWNER_EMAIL',
  live: 'LIVE',
} as const satisfies Record<RuntimeSettingName, keyof Bindings>;

export const RUNTIME_SETTING_NAMES = Object.keys(RUNTIME_VARS) as RuntimeSettingName[];

export type RuntimeOverrides = Partial<RuntimeSettings>;

/** The overrides spelled as the vars they replace (lists comma-separated, numbers as text). */
export const overridesAsVars = (overrides: RuntimeOverrides): Partial<Record<string, string>> => {
  const vars: Partial<Record<string, string>> = {};
  for (const name of RUNTIME_SETTING_NAMES) {
    const value = overrides[name];
    if (value === undefined) continue;
    vars[RUNTIME_VARS[name]] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return vars;
};

/** The settings whose value is a list (comma-separated as a var), and those that are numbers. */
const LIST_SETTINGS: readonly RuntimeSettingName[] = ['blocklist', 'reservedNames', 'allowedOrigins'];
const NUMBER_SETTINGS: readonly RuntimeSettingName[] = ['maxLinks', 'maxCommentLength', 'editWindowSeconds'];

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * What a stored KV value may contribute: known names with values of the right kind. The route validated
 * it when it was written; this only keeps a hand-edited or older value from breaking every request
 * (readSettings still falls back to the default for a malformed value).
 */
export const storedOverrides = (value: unknown): RuntimeOverrides => {
  if (typeof value !== 'object' || value === null) return {};
  const record = value as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const name of RUNTIME_SETTING_NAMES) {
    const item = record[name];
    const list = LIST_SETTINGS.includes(name);
    const number = NUMBER_SETTINGS.includes(name);
    if (list ? isStringList(item) : number ? typeof item === 'number' : typeof item === 'string') {
      kept[name] = item;
    }
  }
  return kept as RuntimeOverrides;
};

const rate = (limit: RateLimit | null): string => (limit ? `${limit.count}/${limit.seconds}` : 'off');

const values = (settings: Settings): RuntimeSettings => ({
  moderation: settings.moderation,
  blocklist: settings.blocklist,
  maxLinks: settings.maxLinks,
  reservedNames: settings.reservedNames,
  maxCommentLength: settings.maxCommentLength,
  rateLimitWrites: rate(settings.rateLimit),
  rateLimitLikes: rate(settings.likeRateLimit),
  editWindowSeconds: settings.editWindowSeconds,
  anonymousName: settings.anonymousName,
  allowedOrigins: [...settings.allowedOrigins],
  webhookUrl: settings.webhook?.url ?? '',
  ownerEmail: settings.email?.ownerEmail ?? '',
  live: settings.live ? 'on' : 'off',
});

/**
 * The effective values of the runtime settings, where each one comes from, and what each would be without
 * its override (`defaults`: the settings read from the vars alone), for the admin page's "reset".
 */
export const runtimeSettingsView = (
  env: Bindings,
  overrides: RuntimeOverrides,
  settings: Settings,
  defaults: Settings,
): RuntimeSettingsView => {
  const source = (name: RuntimeSettingName): SettingSource => {
    if (overrides[name] !== undefined) return 'kv';
    const value: unknown = env[RUNTIME_VARS[name]];
    return typeof value === 'string' && value.trim() !== '' ? 'vars' : 'default';
  };
  return {
    settings: values(settings),
    defaults: values(defaults),
    sources: Object.fromEntries(RUNTIME_SETTING_NAMES.map((name) => [name, source(name)])) as Record<
      RuntimeSettingName,
      SettingSource
    >,
  };
};
