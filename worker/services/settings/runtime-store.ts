/**
 * The owner's runtime settings in KV: one key, written only by PATCH /admin/settings (an owner action,
 * never a reader's write), read with a `cacheTtl`, so most reads are answered by the KV cache of the
 * location (a change takes up to a minute to show everywhere, as KV's own propagation does).
 * https://developers.cloudflare.com/kv/api/read-key-value-pairs/#cachettl-parameter
 *
 * Requests do not read KV each time: an isolate keeps the text it read for KEEP_MS (below), and the
 * owner's PATCH puts what it wrote in place at once.
 */
import { type RuntimeOverrides, storedOverrides } from '../../lib/runtime-settings.ts';

export const SETTINGS_KEY = 'settings:v1';

/** KV's default and, since 2026, more than its 30-second minimum. */
const CACHE_TTL_SECONDS = 60;

/** The text as KV holds it, `null` when there is none; a KV that fails rejects. */
const fetchOverridesText = (kv: KVNamespace): Promise<string | null> =>
  kv.get(SETTINGS_KEY, { type: 'text', cacheTtl: CACHE_TTL_SECONDS });

const readFailed = (err: unknown): null => {
  console.error('KV read of the runtime settings failed; using the vars:', err);
  return null;
};

/**
 * The stored value as KV holds it, `null` when there is none. A KV that fails (down, over its quota) or is
 * not bound is read as "no overrides": the wrangler.toml vars answer, and the request goes on. The text,
 * not the parsed value: middleware/settings.ts memoizes what it parses to.
 */
export const readOverridesText = async (kv: KVNamespace | undefined): Promise<string | null> => {
  if (!kv) return null;
  try {
    return await fetchOverridesText(kv);
  } catch (err) {
    return readFailed(err);
  }
};

/**
 * How long an isolate answers from the text it read. The `cacheTtl` above already lets a location's KV
 * cache answer with a value up to 60 s old, and KV itself takes 60 s or more to carry a write to other
 * locations (https://developers.cloudflare.com/kv/concepts/how-kv-works/): 10 s more per isolate changes
 * little about when a change shows, and saves the KV read (~1 ms of local CPU, and one of the Free plan's
 * 100,000 reads a day) on nearly every request of a busy isolate.
 */
export const KEEP_MS = 10_000;

let keepMs = KEEP_MS;
/**
 * Bumped by every write of this isolate: texts kept before it are stale, whatever binding object read
 * them (an isolate sees one KV binding in production; tests reach the app through more than one `env`).
 */
let generation = 0;
type Kept = { text: string | null; until: number; generation: number };
/** Per binding object, so that a request never answers with what another namespace (a test's) held. */
let kept = new WeakMap<KVNamespace, Kept>();

const keep = (kv: KVNamespace, text: string | null): void => {
  kept.set(kv, { text, until: Date.now() + keepMs, generation });
};

/**
 * readOverridesText, through the isolate's kept copy: at most one KV read per binding per KEEP_MS. A read
 * that fails is not kept (the vars answer this request, the next one tries KV again), so a KV that comes
 * back is followed at once.
 */
export const keptOverridesText = async (kv: KVNamespace | undefined): Promise<string | null> => {
  if (!kv) return null;
  const entry = kept.get(kv);
  if (entry && entry.generation === generation && Date.now() < entry.until) return entry.text;
  try {
    const text = await fetchOverridesText(kv);
    keep(kv, text);
    return text;
  } catch (err) {
    return readFailed(err);
  }
};

/**
 * For tests: how long texts are kept from now on (0: a read every request), and forget every kept text.
 * The worker tests share one isolate per file, and a test that writes the key straight into KV would not
 * otherwise see its value for KEEP_MS.
 */
export const keepOverridesFor = (ms: number): void => {
  keepMs = ms;
  kept = new WeakMap();
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

/**
 * Writes the overrides, and makes them this isolate's kept text at once: the owner's own next request
 * (most often answered by the same isolate) follows the change without waiting for KEEP_MS.
 */
export const writeOverrides = async (kv: KVNamespace, overrides: RuntimeOverrides): Promise<void> => {
  const text = JSON.stringify(overrides);
  await kv.put(SETTINGS_KEY, text);
  generation += 1;
  keep(kv, text);
};
