/**
 * The Cron Trigger's Webmention job: the pending requests whose next attempt is due, a few per run. Each
 * attempt may take six fetches (the source and five redirects) and the Workers Free plan allows 50
 * subrequests per invocation (https://developers.cloudflare.com/workers/platform/limits/), shared with
 * the digests of the same trigger: at most DUE_PER_RUN attempts, one after another.
 */
import { listDueWebmentions } from '../../db/webmentions.ts';
import { type Bindings, readSettings, type Settings } from '../../env.ts';
import { overridesAsVars } from '../../lib/runtime-settings.ts';
import { type LiveChange, liveCommentsTo, liveTargetOf } from '../live/notify.ts';
import { type EdgeContext, purgeThreads } from '../pages/edge-cache.ts';
import { readOverrides } from '../settings/runtime-store.ts';
import { verifyWebmention } from './verify.ts';

export const DUE_PER_RUN = 5;

/**
 * @returns how many attempts ran.
 * @example await runDueWebmentions({ db: env.DB, settings, now: new Date(), fetcher: fetch })
 */
export const runDueWebmentions = async (deps: {
  db: D1Database;
  settings: Settings;
  now: Date;
  fetcher: typeof fetch;
  timeoutMs?: number;
  onChanged?: (change: LiveChange) => void;
}): Promise<number> => {
  if (!deps.settings.webmention.enabled) return 0;
  const ids = await listDueWebmentions(deps.db, deps.now.toISOString(), DUE_PER_RUN);
  for (const id of ids) await verifyWebmention(deps, id);
  return ids.length;
};

/**
 * The scheduled handler's entry: the settings as a request would see them, the owner's overrides from KV
 * (a moderation mode changed on the admin page) over the vars, then the due attempts. A retry that stores,
 * updates or deletes a mention purges its thread's cached pages and tells its live readers, as the route does.
 */
export const runDueFromEnv = async (env: Bindings, ctx: EdgeContext, now: Date): Promise<number> => {
  const settings = readSettings({ ...env, ...overridesAsVars(await readOverrides(env.KV)) });
  const fetcher: typeof fetch = (input, init) => fetch(input, init);
  const live = liveTargetOf(env, settings, ctx);
  const onChanged = (change: LiveChange) => {
    purgeThreads({ executionCtx: ctx }, [change.threadKey]);
    liveCommentsTo(live, [change]);
  };
  return runDueWebmentions({ db: env.DB, settings, now, fetcher, onChanged });
};
