/**
 * The owner's spam figures (issue 14, item 6): held vs published per day and per check over a window,
 * the learning filter's state, and its precision on the owner's later decisions — of the comments it
 * held, how many the owner then approved (a mistake) or marked spam (right).
 */
import { filterOutcomes, outcomesByDay, reasonsByDay } from '../../db/spam-figures.ts';
import { readTotals } from '../../db/spam-model.ts';
import type { SpamSettings } from '../../env.ts';
import type { SpamFigures } from '../../types/api.ts';
import { isLearning, MIN_DECISIONS } from './filter-check.ts';

const DAY_MS = 86_400_000;

/** The window's UTC dates, oldest first, today last. */
const windowDates = (now: Date, days: number): string[] =>
  Array.from({ length: days }, (_, i) =>
    new Date(now.getTime() - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10),
  );

export const spamFigures = async (
  db: D1Database,
  spam: SpamSettings,
  days: number,
  now = new Date(),
): Promise<SpamFigures> => {
  const dates = windowDates(now, days);
  const since = `${dates[0]}T00:00:00.000Z`;
  const [outcomes, reasons, filter, totals] = await Promise.all([
    outcomesByDay(db, since),
    reasonsByDay(db, since),
    filterOutcomes(db, since),
    readTotals(db),
  ]);
  const byDate = new Map<string, SpamFigures['days'][number]>(
    dates.map((date) => [date, { date, published: 0, held: 0, spam: 0, reasons: {} }]),
  );
  for (const row of outcomes) {
    const day = byDate.get(row.date);
    if (!day) continue;
    if (row.verdict === 'pass') day.published += row.n;
    else if (row.verdict === 'hold') day.held += row.n;
    else day.spam += row.n;
  }
  const perCheck = new Map<string, { check: string; held: number; rejected: number }>();
  for (const row of reasons) {
    const day = byDate.get(row.date);
    if (day) day.reasons[row.check_name] = (day.reasons[row.check_name] ?? 0) + row.n;
    const total = perCheck.get(row.check_name) ?? { check: row.check_name, held: 0, rejected: 0 };
    if (row.verdict === 'hold') total.held += row.n;
    else total.rejected += row.n;
    perCheck.set(row.check_name, total);
  }
  const held = { total: 0, approved: 0, spam: 0, pending: 0, deleted: 0 };
  let missed = 0;
  for (const row of filter) {
    if (row.verdict === 'hold') {
      held.total += row.n;
      held[row.status] += row.n;
    } else if (row.status === 'spam') missed += row.n;
  }
  const decided = held.spam + held.approved;
  return {
    days: [...byDate.values()],
    reasons: [...perCheck.values()].sort((a, b) => b.held + b.rejected - (a.held + a.rejected)),
    filter: {
      enabled: spam.filter,
      state: !spam.filter ? 'off' : isLearning(totals) ? 'learning' : 'active',
      decisions: totals,
      needed: MIN_DECISIONS,
      threshold: spam.threshold,
      held,
      precision: decided === 0 ? null : held.spam / decided,
      missed,
    },
  };
};
