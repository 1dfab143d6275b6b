/**
 * The owner's runtime settings in KV: one key, written only by PATCH /admin/settings (an owner action,
 * never a reader's write), read by every worker invocation with a `cacheTtl`, so most reads are answered
 * by the KV cache of the location (a change takes up to a minute to show everywhere, as KV's own
 * propagation does). https://developers.cloudflare.com/kv/api/read-key-value-pairs/#cachettl-parameter
 */
import { type RuntimeOverrides, storedOverrides } from '../../lib/runtime-settings.ts';

export const SETTINGS_KEY = 'settings:v1';

/** KV's default and, since 2026, more than its 30-second minimum. */
const CACHE_TTL_SECONDS = 60;

/**
 * The stored value as KV holds it, `null` when there is none. A KV that fails (down, over its quota) or is
 * not bound is read as "no overrides": the wrangler.toml vars answer, and the request goes on. The text,
 * not the parsed value: every request reads it, and middleware/settings.ts memoizes what it parses to.
 */
export const readOverridesText = async (kv: KVNamespace | undefined): Promise<string | null> => {
  if (!kv) return null;
  try {
    return await kv.get(SETTINGS_KEY, { type: 'text', cacheTtl: CACHE_TTL_SECONDS });
  } catch (err) {
    console.error('KV read of the runtime settings failed; using the vars:', err);
    return null;
  }
};

/** What a stored text holds: `{}` for none, or for a value that is not JSON (hand-edited, truncated). */
export const parseOverrides = (text: string | null): RuntimeOverrides => {
  if (text === null) return {};
  try {
    return storedOverrides(JSON.parse(text));
  } catch {
    return {};
  }
};

/** The stored overrides, `{}` when there are none or KV fails (readOverridesText). */
export const readOverrides = async (kv: KVNamespace | undefined): Promise<RuntimeOverrides> =>
  parseOverrides(await readOverridesText(kv));

/**
 * The stored overrides for a change: here a failing KV must fail the owner's PATCH (503), or the write
 * that follows would drop every other override.
 */
export const readOverridesForUpdate = async (kv: KVNamespace): Promise<RuntimeOverrides> =>
  storedOverrides(await kv.get(SETTINGS_KEY, 'json'));

export const writeOverrides = (kv: KVNamespace, overrides: RuntimeOverrides): Promise<void> =>
  kv.put(SETTINGS_KEY, JSON.stringify(overrides));
