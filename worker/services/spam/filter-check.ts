/**
 * The check `filter`: the private learning filter (issue 14, item 4). Naive Bayes (lib/spam/naive-bayes.ts)
 * over the comment's features, with the counts this site's own moderation decisions trained (db/spam-model.ts):
 * nothing leaves the worker. It holds above SPAM_THRESHOLD and never rejects; until it has seen
 * MIN_DECISIONS of each class it only says how far it has come, and passes.
 */
import { readModel, type SpamModel } from '../../db/spam-model.ts';
import { type ClassTotals, scoreFeatures } from '../../lib/spam/naive-bayes.ts';
import type { SpamCheck } from './types.ts';

/**
 * Decisions of each class the filter needs before it scores: with fewer, a handful of words would decide.
 * 15 of each is where the labelled set (test/fixtures/spam/) measured a stable precision.
 */
export const MIN_DECISIONS = 15;

export const isLearning = (totals: ClassTotals): boolean =>
  totals.spam < MIN_DECISIONS || totals.ham < MIN_DECISIONS;

/** "learning, 12/30 decisions (ham 12/15, spam 0/15)": how far from scoring, for the owner. */
export const learningDetail = (totals: ClassTotals): string => {
  const ham = Math.min(totals.ham, MIN_DECISIONS);
  const spam = Math.min(totals.spam, MIN_DECISIONS);
  return `learning, ${ham + spam}/${2 * MIN_DECISIONS} decisions (ham ${ham}/${MIN_DECISIONS}, spam ${spam}/${MIN_DECISIONS})`;
};

/**
 * `model`: the counts of the candidate's features, when the caller read them already (a new comment reads
 * them with its other lookups, db/post-lookups.ts: one D1 round trip less); else the check reads them.
 */
export const filterCheck = (db: D1Database, threshold: number, model?: SpamModel | null): SpamCheck => ({
  name: 'filter',
  async run(candidate) {
    const features = candidate.features ?? [];
    const { counts, totals } = model ?? (await readModel(db, features));
    if (isLearning(totals))
      return { check: 'filter', verdict: 'pass', score: 0, detail: learningDetail(totals) };
    const { probability, evidence } = scoreFeatures(features, counts, totals);
    const held = probability >= threshold;
    const words = evidence.length ? `; ${evidence.map((e) => `"${e}"`).join(', ')}` : '';
    return {
      check: 'filter',
      verdict: held ? 'hold' : 'pass',
      score: probability,
      detail: `p(spam) ${probability.toFixed(2)} ${held ? '≥' : '<'} ${threshold}${words}`,
    };
  },
});
