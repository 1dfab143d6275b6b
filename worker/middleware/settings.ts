/**
 * Puts the deployment's settings on the context of each request: the wrangler vars, with the owner's
 * runtime overrides from KV in their place (services/settings/runtime-store.ts). A KV that fails leaves
 * the vars: settings never fail a request.
 *
 * The KV text is kept per isolate and per binding for a few seconds (runtime-store.ts `keptOverridesText`:
 * the KV read was ~1 ms of every request's local CPU), and the owner's PATCH replaces it at once.
 * Parsing the settings (origins, rate limits, lists, e-mail) took a fifth of a small request's CPU, and
 * they are the same for every request of an isolate until a var or the KV value changes: so the parsed
 * settings are kept per isolate too, keyed by the text of every var and binding kind and by the KV text.
 */
import type { MiddlewareHandler } from 'hono';
import { type AppEnv, type Bindings, readSettings, type Settings } from '../env.ts';
import { overridesAsVars } from '../lib/runtime-settings.ts';
import { keptOverridesText, parseOverrides } from '../services/settings/runtime-store.ts';

/** Distinct deployments an isolate sees: one in production; a few in tests that change vars per call. */
const MEMO_SIZE = 32;
const memo = new Map<string, Settings>();

/** Every var's text, and the kind of every binding (readSettings looks at whether EMAIL is bound). */
const fingerprint = (env: Bindings, kvText: string | null): string => {
  let key = kvText ?? '\u0000';
  for (const [name, value] of Object.entries(env)) {
    key += typeof value === 'string' ? `\u0001${name}=${value}` : `\u0001${name}:${typeof value}`;
  }
  return key;
};

/**
 * The fast path: the settings each `env` object (and KV text) already got. Since the storage boundary
 * hands every request of an isolate the same guarded `env`, a request finds them without building the
 * fingerprint (every var's text, concatenated: the settings middleware's own CPU in the profile of
 * `npm run bench:profile`). An env object is immutable once given, so its entry never goes stale.
 */
const byEnv = new WeakMap<object, Map<string | null, Settings>>();
/** KV values seen per env: one or two in production (the owner's edits), bounded all the same. */
const KV_TEXTS_PER_ENV = 8;

/** Settings are never mutated by their readers, so one object may serve every request that matches. */
export const settingsFor = (env: Bindings, kvText: string | null): Settings => {
  let texts = byEnv.get(env);
  const known = texts?.get(kvText);
  if (known) return known;
  const settings = parsedSettings(env, kvText);
  if (!texts || texts.size >= KV_TEXTS_PER_ENV) {
    texts = new Map();
    byEnv.set(env, texts);
  }
  texts.set(kvText, settings);
  return settings;
};

const parsedSettings = (env: Bindings, kvText: string | null): Settings => {
  const key = fingerprint(env, kvText);
  let settings = memo.get(key);
  if (!settings) {
    settings = readSettings({ ...env, ...overridesAsVars(parseOverrides(kvText)) });
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(key, settings);
  }
  return settings;
};

export const settings = (): MiddlewareHandler<AppEnv> =>
  async function settings(c, next) {
    c.set('settings', settingsFor(c.env, await keptOverridesText(c.env.KV)));
    await next();
  };
