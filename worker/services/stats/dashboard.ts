/**
 * GET /admin/stats: the dashboard of a period of 7, 30 or 365 UTC days ending today, from one batch of
 * aggregate reads (db/admin-stats.ts) shaped into the contract's AdminStats.
 */
import { readStats } from '../../db/admin-stats.ts';
import { medianSeconds } from '../../lib/moderation-buckets.ts';
import type { AdminStats, StatsPeriod } from '../../types/api.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const loadDashboard = async (db: D1Database, period: StatsPeriod, now: Date): Promise<AdminStats> => {
  const to = isoDay(now.getTime());
  const from = isoDay(now.getTime() - (period - 1) * DAY_MS);
  const read = await readStats(db, from, to);
  const days = read.days.map((row) => ({
    date: row.date,
    published: row.published,
    held: row.held,
    spam: row.spam,
    pageLikes: row.page_likes,
    commentLikes: row.comment_likes,
  }));
  return {
    days,
    pending: read.pending,
    oldestPendingAt: read.oldestPendingAt,
    medianModerationSeconds: medianSeconds(read.buckets),
    decisions: read.buckets.reduce((sum, n) => sum + n, 0),
    topThreads: read.threads.map((row) => ({ ...row })),
    topAuthors: read.authors.map((row) => ({
      name: row.name ?? '',
      comments: row.comments,
      verified: row.verified === 1,
    })),
    likes: {
      page: days.reduce((sum, day) => sum + day.pageLikes, 0),
      comment: days.reduce((sum, day) => sum + day.commentLikes, 0),
    },
  };
};
