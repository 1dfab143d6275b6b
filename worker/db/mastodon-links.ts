/**
 * Threads linked to the toot that announced their page (migration 0019): the link, its fetch schedule,
 * and the toot's favourites and boosts, which threads.likes adds to the readers' page likes.
 */

/**
 * A page's likes, from what they are made of: the readers' likes rows and the linked toot's favourites and
 * boosts as last fetched. Every statement that sets threads.likes uses it, so a refetch (or a reader's
 * like after one) recounts instead of adding, and nothing is ever counted twice.
 */
export const THREAD_LIKES_SQL = `(SELECT count(*) FROM likes WHERE target = 't:' || threads.key)
  + coalesce((SELECT favourites + reblogs FROM mastodon_links WHERE thread_id = threads.id), 0)`;

export type LinkedBy = 'owner' | 'embed';

export interface MastodonLinkRow {
  thread_id: number;
  thread_key: string;
  thread_url: string;
  status_url: string;
  host: string;
  status_id: string;
  linked_by: LinkedBy;
  linked_at: string;
  favourites: number;
  reblogs: number;
  due_at: string;
  claimed_at: string | null;
  fetched_at: string | null;
  ok_at: string | null;
  failures: number;
  last_error: string | null;
}

const LINK_SQL = `SELECT l.*, t.key AS thread_key, t.url AS thread_url
  FROM mastodon_links l JOIN threads t ON t.id = l.thread_id`;

export const findLinkByKey = (db: D1Database, threadKey: string): Promise<MastodonLinkRow | null> =>
  db.prepare(`${LINK_SQL} WHERE t.key = ?1`).bind(threadKey).first<MastodonLinkRow>();

/** Recounts one thread's likes (THREAD_LIKES_SQL). */
export const recountThreadLikes = (db: D1Database, threadId: number): D1PreparedStatement =>
  db.prepare(`UPDATE threads SET likes = ${THREAD_LIKES_SQL} WHERE id = ?1`).bind(threadId);

export interface NewLink {
  threadKey: string;
  statusUrl: string;
  host: string;
  statusId: string;
  linkedBy: LinkedBy;
  now: string;
}

/**
 * Links the thread (which must exist) to a toot, or re-links it to another: the new toot starts from no
 * favourites and is due at once. `onlyOverEmbed`: the embed's own link may replace only an embed's link,
 * checked in the statement itself so a concurrent owner link always wins.
 */
export const linkStatements = (
  db: D1Database,
  link: NewLink,
  onlyOverEmbed: boolean,
): D1PreparedStatement[] => [
  db
    .prepare(
      `INSERT INTO mastodon_links (thread_id, status_url, host, status_id, linked_by, linked_at, due_at)
         VALUES ((SELECT id FROM threads WHERE key = ?1), ?2, ?3, ?4, ?5, ?6, ?6)
         ON CONFLICT (thread_id) DO UPDATE SET
           status_url = excluded.status_url, host = excluded.host, status_id = excluded.status_id,
           linked_by = excluded.linked_by, linked_at = excluded.linked_at,
           favourites = CASE WHEN status_url = excluded.status_url THEN favourites ELSE 0 END,
           reblogs = CASE WHEN status_url = excluded.status_url THEN reblogs ELSE 0 END,
           due_at = excluded.due_at, claimed_at = NULL, failures = 0, last_error = NULL
         WHERE ?7 = 0 OR mastodon_links.linked_by = 'embed'`,
    )
    .bind(
      link.threadKey,
      link.statusUrl,
      link.host,
      link.statusId,
      link.linkedBy,
      link.now,
      onlyOverEmbed ? 1 : 0,
    ),
  db.prepare(`UPDATE threads SET likes = ${THREAD_LIKES_SQL} WHERE key = ?1`).bind(link.threadKey),
];

/** Unlinks: the toot's favourites leave the page's likes; imported replies stay (they are comments now). */
export const unlinkStatements = (db: D1Database, threadId: number): D1PreparedStatement[] => [
  db.prepare('DELETE FROM mastodon_links WHERE thread_id = ?1').bind(threadId),
  recountThreadLikes(db, threadId),
];

/**
 * The links the Cron Trigger fetches this run: due, not being fetched (a lease younger than `leaseSince`),
 * the least recently fetched first (never fetched before all others).
 */
export const dueLinks = async (
  db: D1Database,
  now: string,
  leaseSince: string,
  limit: number,
): Promise<MastodonLinkRow[]> => {
  const { results } = await db
    .prepare(
      `${LINK_SQL} WHERE l.due_at <= ?1 AND (l.claimed_at IS NULL OR l.claimed_at < ?2)
       ORDER BY l.fetched_at IS NOT NULL, l.fetched_at LIMIT ?3`,
    )
    .bind(now, leaseSince, limit)
    .all<MastodonLinkRow>();
  return results;
};

/**
 * Takes the thread's fetch lease unless someone took it after `since`: the one conditional write that
 * keeps two cron runs, or a burst of readers, from fetching the same toot at once.
 * @returns whether this caller got it.
 */
export const claimLink = async (
  db: D1Database,
  threadId: number,
  now: string,
  since: string,
): Promise<boolean> => {
  const result = await db
    .prepare(
      `UPDATE mastodon_links SET claimed_at = ?2
       WHERE thread_id = ?1 AND (claimed_at IS NULL OR claimed_at < ?3)`,
    )
    .bind(threadId, now, since)
    .run();
  return result.meta.changes > 0;
};

export interface FetchOutcome {
  threadId: number;
  /** The toot fetched: nothing is recorded if the thread was re-linked to another meanwhile. */
  statusUrl: string;
  now: string;
  dueAt: string;
}

/** A good fetch: the toot's counts, the schedule, and the page's likes recounted. */
export const fetchedStatements = (
  db: D1Database,
  outcome: FetchOutcome & { favourites: number; reblogs: number },
): D1PreparedStatement[] => [
  db
    .prepare(
      `UPDATE mastodon_links SET favourites = ?3, reblogs = ?4, fetched_at = ?5, ok_at = ?5, due_at = ?6,
         failures = 0, last_error = NULL
       WHERE thread_id = ?1 AND status_url = ?2`,
    )
    .bind(
      outcome.threadId,
      outcome.statusUrl,
      outcome.favourites,
      outcome.reblogs,
      outcome.now,
      outcome.dueAt,
    ),
  recountThreadLikes(db, outcome.threadId),
];

/** A failed fetch: recorded for the owner, and due again later (the caller's backoff). */
export const recordFailure = (db: D1Database, outcome: FetchOutcome & { error: string }): Promise<D1Result> =>
  db
    .prepare(
      `UPDATE mastodon_links SET fetched_at = ?3, due_at = ?4, failures = failures + 1, last_error = ?5
       WHERE thread_id = ?1 AND status_url = ?2`,
    )
    .bind(outcome.threadId, outcome.statusUrl, outcome.now, outcome.dueAt, outcome.error.slice(0, 300))
    .run();
