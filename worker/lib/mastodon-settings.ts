/**
 * The Mastodon import's settings (README "Mastodon replies"). The import runs for threads the owner (or,
 * with MASTODON_ACCOUNTS, the owner's own embed) linked to a toot; nothing is fetched for any other.
 */
import { parseAccount } from './mastodon-url.ts';

export interface MastodonSettings {
  /** MASTODON_API_URL: the API root every instance is asked at instead of `https://<host>` (tests only). */
  apiUrl: string | null;
  /** MASTODON_ACCOUNTS: whose toots a page's `data-mastodon` may link (`user@host`); empty: none. */
  accounts: string[];
  /** MASTODON_FETCH_PER_RUN: threads one Cron Trigger run fetches (the least recently fetched first). */
  perRun: number;
  /** MASTODON_REFRESH_MINUTES: how long after a good fetch a thread is due again. */
  refreshMinutes: number;
  /** MASTODON_TIMEOUT_MS: the time one request to an instance may take. */
  timeoutMs: number;
}

export type MastodonVars = Partial<
  Record<
    | 'MASTODON_API_URL'
    | 'MASTODON_ACCOUNTS'
    | 'MASTODON_FETCH_PER_RUN'
    | 'MASTODON_REFRESH_MINUTES'
    | 'MASTODON_TIMEOUT_MS',
    string
  >
>;

/** Two requests a thread (status, context) and a few deletion checks: 10 threads stay under the Free
 *  plan's 50 subrequests per invocation (https://developers.cloudflare.com/workers/platform/limits/). */
export const MAX_FETCH_PER_RUN = 10;

const bounded = (value: string | undefined, fallback: number, min: number, max: number): number => {
  const n = Number(value);
  return value?.trim() && Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
};

const apiUrl = (value: string | undefined): string | null => {
  const text = value?.trim() ?? '';
  if (!text) return null;
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:' ? text.replace(/\/+$/, '') : null;
  } catch {
    return null;
  }
};

export const readMastodon = (vars: MastodonVars): MastodonSettings => ({
  apiUrl: apiUrl(vars.MASTODON_API_URL),
  accounts: (vars.MASTODON_ACCOUNTS ?? '')
    .split(',')
    .map(parseAccount)
    .filter((account): account is string => account !== null),
  perRun: bounded(vars.MASTODON_FETCH_PER_RUN, 5, 0, MAX_FETCH_PER_RUN),
  refreshMinutes: bounded(vars.MASTODON_REFRESH_MINUTES, 30, 5, 7 * 24 * 60),
  timeoutMs: bounded(vars.MASTODON_TIMEOUT_MS, 5000, 100, 20_000),
});
