/**
 * Fixed-window write counters in D1. D1 rather than the Workers rate-limiting binding: the limit is the
 * owner's RATE_LIMIT_WRITES (any count and period; the binding only knows 10 s or 60 s, fixed in
 * wrangler.toml), and D1 counts exactly, on one database, so tests can prove the 429.
 */
import type { RateLimit } from '../env.ts';

/**
 * A condition the count must meet to be counted at all, as SQL on numbered parameters from `?3` (`?1` and
 * `?2` are the counter's key and period) — so the counters can ride in a batch with the lookups that
 * decide whether the write is refused before it counts (db/post-lookups.ts).
 */
export interface CountGuard {
  sql: string;
  params: (string | number | null)[];
}

/**
 * For each key: the expired periods dropped, then this period's counter moved (RETURNING its hits, or no
 * row when `guard` says the write does not count). Two statements a key, for one db.batch.
 */
export const countWriteStatements = (
  db: D1Database,
  keys: readonly string[],
  limit: RateLimit,
  nowSeconds: number,
  guard?: CountGuard,
): D1PreparedStatement[] => {
  const period = Math.floor(nowSeconds / limit.seconds);
  // SQLite's upsert after INSERT … SELECT needs a WHERE on the SELECT (https://sqlite.org/lang_upsert.html,
  // "parsing ambiguity"): `WHERE 1` when there is no guard.
  const insert = `INSERT INTO rate_hits (key, period, hits) SELECT ?1, ?2, 1 WHERE ${guard?.sql ?? '1'}
    ON CONFLICT (key, period) DO UPDATE SET hits = hits + 1 RETURNING hits`;
  return keys.flatMap((key) => [
    db.prepare('DELETE FROM rate_hits WHERE key = ?1 AND period < ?2').bind(key, period),
    db.prepare(insert).bind(key, period, ...(guard?.params ?? [])),
  ]);
};

/**
 * What the results of `countWriteStatements` say: `null` when every key is within the limit, else the
 * seconds until the current period ends (the `Retry-After`).
 */
export const retryAfterOf = (
  results: readonly D1Result<unknown>[],
  limit: RateLimit,
  nowSeconds: number,
): number | null => {
  const period = Math.floor(nowSeconds / limit.seconds);
  const over = results.some(
    (result) => ((result.results[0] as { hits?: number } | undefined)?.hits ?? 0) > limit.count,
  );
  return over ? Math.max(1, (period + 1) * limit.seconds - nowSeconds) : null;
};

/**
 * Counts one write for each key; returns `null` when all are within the limit, else the seconds until the
 * current period ends (the `Retry-After`).
 */
export const countWrite = async (
  db: D1Database,
  keys: string[],
  limit: RateLimit,
  nowSeconds: number,
): Promise<number | null> =>
  retryAfterOf(await db.batch(countWriteStatements(db, keys, limit, nowSeconds)), limit, nowSeconds);
