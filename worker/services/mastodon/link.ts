/**
 * Linking a thread to the toot that announced its page (issue 18, item 2). The owner links any toot;
 * a page's `data-mastodon` reaches us through an unauthenticated POST that anyone can send with an allowed
 * Origin, so it is taken only for a toot by one of the owner's accounts (MASTODON_ACCOUNTS, on their own
 * instance: the fetch checks the author again) and never replaces a link the owner made.
 */
import {
  findLinkByKey,
  type LinkedBy,
  linkStatements,
  type MastodonLinkRow,
  unlinkStatements,
} from '../../db/mastodon-links.ts';
import { countWrite } from '../../db/rate-limit.ts';
import { findThread, upsertThread } from '../../db/threads.ts';
import type { Settings } from '../../env.ts';
import { ApiError, validationFailed } from '../../errors.ts';
import { keyedHash } from '../../lib/crypto.ts';
import { ipRateKey } from '../../lib/ip-prefix.ts';
import { accountOfToot, parseTootUrl, type TootRef } from '../../lib/mastodon-url.ts';
import type { MastodonLink } from '../../types/api.ts';

export interface LinkRequest {
  page: { key: string; url: string; title: string };
  tootUrl: string;
  by: LinkedBy;
}

export interface LinkAnswer {
  link: MastodonLinkRow;
  /** The thread is linked to this very toot now (an embed's may lose to the owner's link). */
  accepted: boolean;
}

export const toMastodonLink = (row: MastodonLinkRow): MastodonLink => ({
  threadKey: row.thread_key,
  url: row.status_url,
  linkedBy: row.linked_by,
  linkedAt: row.linked_at,
  favourites: row.favourites,
  reblogs: row.reblogs,
  fetchedAt: row.fetched_at,
  okAt: row.ok_at,
  dueAt: row.due_at,
  failures: row.failures,
  lastError: row.last_error,
});

const parseToot = (url: string, field: string): TootRef => {
  const toot = parseTootUrl(url);
  if (!toot) {
    throw validationFailed([
      {
        field,
        message: 'must be the https URL of a toot, like https://mastodon.social/@user/109294719267373593',
      },
    ]);
  }
  return toot;
};

/** The embed's rule: a toot by one of the owner's accounts, on that account's own instance. */
const checkEmbedToot = (settings: Settings, toot: TootRef): void => {
  if (settings.mastodon.accounts.length === 0) {
    throw new ApiError('forbidden', 'pages may not link toots here (MASTODON_ACCOUNTS is unset)');
  }
  const account = accountOfToot(toot);
  if (!account?.endsWith(`@${toot.host}`) || !settings.mastodon.accounts.includes(account)) {
    throw new ApiError('forbidden', "the toot is not by one of this site's Mastodon accounts");
  }
};

/**
 * An embed's link to a page that has no thread yet creates one, as a first comment does: it spends the
 * poster's IP budget of RATE_LIMIT_WRITES like a comment (429 past it), so made-up paths of an allowed
 * site cannot fill the threads table any faster than comments could. A page with a thread costs nothing.
 */
export const checkNewThreadRate = async (
  db: D1Database,
  settings: Settings,
  page: { key: string },
  ip: string | undefined,
  now: Date,
): Promise<void> => {
  const limit = settings.rateLimit;
  if (!limit || !ip || (await findThread(db, page.key))) return;
  const key = `ip:${await keyedHash(settings.secretKey, 'ip', ipRateKey(ip))}`;
  const retryAfter = await countWrite(db, [key], limit, Math.floor(now.getTime() / 1000));
  if (retryAfter !== null) {
    throw new ApiError('rate_limited', `too many writes; try again in ${retryAfter} s`, {
      headers: { 'Retry-After': String(retryAfter) },
    });
  }
};

/**
 * Links (or re-links) the page's thread, creating the thread if the page has none yet. `extra` joins the
 * same transaction (the owner's audit row).
 */
export const linkToot = async (
  db: D1Database,
  settings: Settings,
  request: LinkRequest,
  extra: D1PreparedStatement[] = [],
  now: Date = new Date(),
): Promise<LinkAnswer> => {
  const field = request.by === 'embed' ? 'toot' : 'url';
  const toot = parseToot(request.tootUrl, field);
  if (request.by === 'embed') checkEmbedToot(settings, toot);
  const current = await findLinkByKey(db, request.page.key);
  // Every page view of an embed sends its attribute: the same link again writes nothing.
  if (current?.status_url === toot.url && (request.by === 'embed' || current.linked_by === 'owner')) {
    return { link: current, accepted: true };
  }
  if (request.by === 'embed' && current?.linked_by === 'owner') return { link: current, accepted: false };
  const at = now.toISOString();
  const link = {
    threadKey: request.page.key,
    statusUrl: toot.url,
    host: toot.host,
    statusId: toot.id,
    linkedBy: request.by,
    now: at,
  };
  await db.batch([
    upsertThread(db, { ...request.page, createdAt: at }),
    ...linkStatements(db, link, request.by === 'embed'),
    ...extra,
  ]);
  const stored = await findLinkByKey(db, request.page.key);
  if (!stored) throw new ApiError('storage_unavailable', 'the link could not be read back; try again');
  return { link: stored, accepted: stored.status_url === toot.url };
};

/** The owner unlinks: the toot's favourites leave the page's likes; its imported replies stay. */
export const unlinkToot = async (
  db: D1Database,
  link: MastodonLinkRow,
  extra: D1PreparedStatement[] = [],
): Promise<void> => {
  await db.batch([...unlinkStatements(db, link.thread_id), ...extra]);
};
