/**
 * The histogram behind "median time to moderate" (GET /admin/stats): how long a held comment waited for the
 * owner's decision, counted in buckets that the daily_stats columns of migration 0012 hold. A histogram,
 * because the exact median of a year of decisions would read one row per decision; the buckets are as fine
 * as a community manager reads them (minutes in the first hour, hours in the first day, days after).
 */

export interface ModerationBucket {
  /** The daily_stats column. */
  column: string;
  /** Seconds: this bucket holds waits from the previous bucket's bound up to (not including) this one. */
  below: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const MODERATION_BUCKETS: readonly ModerationBucket[] = [
  { column: 'decided_1m', below: MINUTE },
  { column: 'decided_5m', below: 5 * MINUTE },
  { column: 'decided_15m', below: 15 * MINUTE },
  { column: 'decided_30m', below: 30 * MINUTE },
  { column: 'decided_1h', below: HOUR },
  { column: 'decided_2h', below: 2 * HOUR },
  { column: 'decided_4h', below: 4 * HOUR },
  { column: 'decided_8h', below: 8 * HOUR },
  { column: 'decided_1d', below: DAY },
  { column: 'decided_2d', below: 2 * DAY },
  { column: 'decided_4d', below: 4 * DAY },
  { column: 'decided_7d', below: 7 * DAY },
  { column: 'decided_later', below: Number.POSITIVE_INFINITY },
];

/** The bucket of a wait of `seconds` (a negative wait, from clock skew, is the first). */
export const bucketOf = (seconds: number): ModerationBucket => {
  const found = MODERATION_BUCKETS.find((bucket) => seconds < bucket.below);
  return found ?? (MODERATION_BUCKETS.at(-1) as ModerationBucket);
};

/**
 * The median wait from the bucket counts (in MODERATION_BUCKETS order), interpolated linearly inside the
 * bucket that holds it; the open last bucket answers its lower bound. `null` when nothing was decided.
 * @example medianSeconds([0, 0, 2]) // 600: both decisions in [5 min, 15 min), the median in the middle
 */
export const medianSeconds = (counts: readonly number[]): number | null => {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const half = total / 2;
  let before = 0;
  for (const [index, bucket] of MODERATION_BUCKETS.entries()) {
    const n = counts[index] ?? 0;
    const lower = index === 0 ? 0 : (MODERATION_BUCKETS[index - 1]?.below ?? 0);
    if (n > 0 && before + n >= half) {
      if (!Number.isFinite(bucket.below)) return lower;
      return Math.round(lower + ((half - before) / n) * (bucket.below - lower));
    }
    before += n;
  }
  return null;
};
