/**
 * The dashboard's reads (GET /admin/stats): five aggregate queries in ONE db.batch (one D1 round trip).
 * Each reads daily_stats rows of the period (at most one per day and thread, migration 0012) or a bounded
 * index range of comments, never one row per comment of the period.
 */
import { MODERATION_BUCKETS } from '../lib/moderation-buckets.ts';

export interface StatsDayRow {
  date: string;
  published: number;
  held: number;
  spam: number;
  page_likes: number;
  comment_likes: number;
}

export interface StatsThreadRow {
  key: string;
  url: string;
  title: string;
  published: number;
  held: number;
  spam: number;
  likes: number;
}

export interface StatsAuthorRow {
  name: string | null;
  comments: number;
  verified: number;
}

export interface StatsRead {
  days: StatsDayRow[];
  /** Decisions per bucket, in MODERATION_BUCKETS order. */
  buckets: number[];
  pending: number;
  oldestPendingAt: string | null;
  threads: StatsThreadRow[];
  authors: StatsAuthorRow[];
}

/** The commenters are counted among this many latest published comments (an index range, bounded). */
export const AUTHOR_SAMPLE = 1000;
const TOP = 10;

/** `from` and `to`: the period's first and last UTC day, `YYYY-MM-DD`, both included. */
export const readStats = async (db: D1Database, from: string, to: string): Promise<StatsRead> => {
  const sum = (column: string) => `coalesce(sum(s.${column}), 0) AS ${column}`;
  const [days, buckets, pending, threads, authors] = await db.batch<Record<string, unknown>>([
    // Every day of the period from a recursive CTE, so a day without a row is a row of zeros.
    db
      .prepare(
        `WITH RECURSIVE d(day) AS (SELECT ?1 UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < ?2)
         SELECT d.day AS date, ${['published', 'held', 'spam', 'page_likes', 'comment_likes'].map(sum).join(', ')}
         FROM d LEFT JOIN daily_stats s ON s.day = d.day GROUP BY d.day ORDER BY d.day`,
      )
      .bind(from, to),
    db
      .prepare(
        `SELECT ${MODERATION_BUCKETS.map((b) => sum(b.column)).join(', ')}
         FROM daily_stats s WHERE s.day BETWEEN ?1 AND ?2`,
      )
      .bind(from, to),
    // The queue now: an index range of comments_by_status (status, seq), as long as the queue.
    db.prepare(
      `SELECT (SELECT count(*) FROM comments WHERE status = 'pending') AS pending,
         (SELECT created_at FROM comments WHERE status = 'pending' ORDER BY seq LIMIT 1) AS oldest`,
    ),
    db
      .prepare(
        `SELECT t.key, t.url, t.title, s.published, s.held, s.spam, s.likes
         FROM (SELECT thread_id, sum(published) AS published, sum(held) AS held, sum(spam) AS spam,
                 sum(page_likes + comment_likes) AS likes
               FROM daily_stats WHERE day BETWEEN ?1 AND ?2 GROUP BY thread_id) s
         JOIN threads t ON t.id = s.thread_id
         WHERE s.published + s.held + s.likes > 0
         ORDER BY s.published DESC, s.held DESC, s.likes DESC, t.id LIMIT ${TOP}`,
      )
      .bind(from, to),
    // Commenters by account, else e-mail, else name; the owner's own replies are not commenters'.
    db
      .prepare(
        `SELECT max(author_name) AS name, count(*) AS comments, max(user_id IS NOT NULL) AS verified
         FROM (SELECT author_name, author_email, user_id, moderator, created_at FROM comments
               WHERE status = 'approved' ORDER BY seq DESC LIMIT ${AUTHOR_SAMPLE})
         WHERE created_at >= ?1 AND moderator = 0
           AND coalesce(user_id, lower(author_email), author_name) IS NOT NULL
         GROUP BY coalesce(user_id, lower(author_email), author_name)
         ORDER BY comments DESC, name LIMIT ${TOP}`,
      )
      .bind(`${from}T00:00:00.000Z`),
  ]);
  const bucketRow = (buckets?.results[0] ?? {}) as Record<string, number>;
  const queue = (pending?.results[0] ?? {}) as { pending?: number; oldest?: string | null };
  return {
    days: (days?.results ?? []) as unknown as StatsDayRow[],
    buckets: MODERATION_BUCKETS.map((b) => bucketRow[b.column] ?? 0),
    pending: queue.pending ?? 0,
    oldestPendingAt: queue.oldest ?? null,
    threads: (threads?.results ?? []) as unknown as StatsThreadRow[],
    authors: (authors?.results ?? []) as unknown as StatsAuthorRow[],
  };
};
