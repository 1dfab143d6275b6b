/**
 * Reads the deployment's settings once per request and puts them on the context: the wrangler vars, with
 * the owner's runtime overrides from KV in their place (services/settings/runtime-store.ts). A KV that
 * fails leaves the vars: settings never fail a request.
 *
 * Parsing them (origins, rate limits, lists, e-mail) took a fifth of a small request's CPU, and they are
 * the same for every request of an isolate until a var or the KV value changes: so the parsed settings are
 * kept per isolate, keyed by the text of every var and binding kind and by the KV value read for this very
 * request. Nothing read through one request's bindings answers another's: KV is still read every request
 * (its `cacheTtl` does the caching), and only what that text parses to is shared.
 */
import type { MiddlewareHandler } from 'hono';
import { type AppEnv, type Bindings, readSettings, type Settings } from '../env.ts';
import { overridesAsVars } from '../lib/runtime-settings.ts';
import { parseOverrides, readOverridesText } from '../services/settings/runtime-store.ts';

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

/** Settings are never mutated by their readers, so one object may serve every request that matches. */
export const settingsFor = (env: Bindings, kvText: string | null): Settings => {
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
    c.set('settings', settingsFor(c.env, await readOverridesText(c.env.KV)));
    await next();
  };
