/**
 * Fixed-window write counters in D1. D1 rather than the Workers rate-limiting binding: the limit is the
 * owner's RATE_LIMIT_WRITES (any count and period; the binding only knows 10 s or 60 s, fixed in
 * wrangler.toml), and D1 counts exactly, on one database, so tests can prove the 429.
 */
import type { RateLimit } from '../env.ts';

/**
 * Counts one write for each key; returns `null` when all are within the limit, else the seconds until the
 * current period ends (the `Retry-After`).
 */
export const countWrite = async (
  db: D1Database,
  keys: string[],
  limit: RateLimit,
  nowSeconds: number,
): Promise<number | null> => {
  const period = Math.floor(nowSeconds / limit.seconds);
  const statements = keys.flatMap((key) => [
    db.prepare('DELETE FROM rate_hits WHERE key = ?1 AND period < ?2').bind(key, period),
    db
      .prepare(
        `INSERT INTO rate_hits (key, period, hits) VALUES (?1, ?2, 1)
         ON CONFLICT (key, period) DO UPDATE SET hits = hits + 1 RETURNING hits`,
      )
      .bind(key, period),
  ]);
  const results = await db.batch<{ hits: number }>(statements);
  const over = results.some((result) => (result.results[0]?.hits ?? 0) > limit.count);
  return over ? Math.max(1, (period + 1) * limit.seconds - nowSeconds) : null;
};
