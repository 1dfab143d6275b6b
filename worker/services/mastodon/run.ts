/**
 * When fetches happen: the Cron Trigger's run (wrangler.toml `[triggers]`, every 5 minutes) fetches at
 * most MASTODON_FETCH_PER_RUN due links, the least recently fetched first, one after the other; a reader's
 * page with `data-mastodon` may ask for a fetch at most once per REFRESH_SPACING_SECONDS per thread. Both
 * take the link's lease first (db/mastodon-links.ts claimLink), so no toot is fetched twice at once.
 * Cost of a run: per thread 2 requests to the instance (+ up to 3 deletion checks) and about 3 queries per
 * reply written (the spam filter's reads, the insert), so the defaults (5 threads, 10 writes each) stay
 * within the Paid plan's limits; on the Free plan (50 subrequests, 50 D1 queries per invocation) keep
 * MASTODON_FETCH_PER_RUN at 1 or 2 (README "Mastodon replies").
 */
import { claimLink, dueLinks, type MastodonLinkRow } from '../../db/mastodon-links.ts';
import type { LiveChange } from '../live/notify.ts';
import { type SyncDeps, type SyncResult, syncLink } from './sync-thread.ts';

/** A thread's fetches are at least this far apart, whoever asks (a fetch in flight holds the lease). */
export const REFRESH_SPACING_SECONDS = 300;

const spacingStart = (now: Date): string =>
  new Date(now.getTime() - REFRESH_SPACING_SECONDS * 1000).toISOString();

export interface RunResult {
  fetched: number;
  /** Threads whose readers' view changed: their cached pages must go. */
  changedKeys: string[];
  /** The comments that changed, for live readers. */
  changes: LiveChange[];
}

/**
 * The Cron Trigger's job.
 * @example ctx.waitUntil(runMastodonFetches({ db: env.DB, settings, now: new Date() }))
 */
export const runMastodonFetches = async (deps: SyncDeps): Promise<RunResult> => {
  const run: RunResult = { fetched: 0, changedKeys: [], changes: [] };
  const perRun = deps.settings.mastodon.perRun;
  if (perRun === 0) return run;
  const now = deps.now.toISOString();
  const links = await dueLinks(deps.db, now, spacingStart(deps.now), perRun);
  // One after the other: a run's subrequests and queries stay bounded, and one slow instance delays only
  // the threads after it, by at most its timeout.
  for (const link of links) {
    if (!(await claimLink(deps.db, link.thread_id, now, spacingStart(deps.now)))) continue;
    const result = await syncLink(deps, link);
    run.fetched += 1;
    if (result.changed) run.changedKeys.push(link.thread_key);
    for (const id of result.changedIds) run.changes.push({ id, threadKey: link.thread_key });
  }
  return run;
};

/**
 * A reader's page asked (POST /threads/mastodon): the fetch, when this thread's last one began more
 * than REFRESH_SPACING_SECONDS ago; `null` otherwise (nothing is fetched).
 */
export const refreshForReader = async (
  deps: SyncDeps,
  link: MastodonLinkRow,
): Promise<(() => Promise<SyncResult>) | null> => {
  const now = deps.now.toISOString();
  if (!(await claimLink(deps.db, link.thread_id, now, spacingStart(deps.now)))) return null;
  return () => syncLink(deps, link);
};
