/**
 * Naive Bayes over the presence of features (a Bernoulli model scored on the features a comment has, as
 * spam filters since Graham's "A Plan for Spam" do): P(spam | features) from how many trained spam and ham
 * comments had each feature. Written here rather than taken from npm: the packages there (`bayes`,
 * `classificator`) keep the whole model as one JSON value to load per request, where this model lives in
 * D1 one row per token and a comment reads only the rows of its own features.
 */

/** How many trained comments of each class had a feature. */
export interface TokenCounts {
  spam: number;
  ham: number;
}

export interface ClassTotals {
  spam: number;
  ham: number;
}

export interface FilterScore {
  /** P(spam), 0 … 1. */
  probability: number;
  /** The features that pushed most towards spam, strongest first (what the owner reads as the reason). */
  evidence: string[];
}

/** Laplace smoothing: a feature never seen in one class is rare there, not impossible. */
const ALPHA = 1;

/**
 * The probability is computed on log-odds and clamped, so 200 agreeing features neither overflow nor read
 * as a certainty the owner could not argue with.
 */
const MAX_LOG_ODDS = 12;

/**
 * @example scoreFeatures(['casino', 'bonus'], new Map([['casino', { spam: 9, ham: 0 }]]), { spam: 10, ham: 10 })
 *   // { probability: ~0.9, evidence: ['casino'] }
 */
export const scoreFeatures = (
  features: readonly string[],
  counts: ReadonlyMap<string, TokenCounts>,
  totals: ClassTotals,
): FilterScore => {
  // Equal priors: how much spam the owner happened to mark says nothing about the next comment, and a
  // spam-heavy history would otherwise push ordinary comments over the threshold.
  let logOdds = 0;
  const pushes: Array<[string, number]> = [];
  for (const feature of features) {
    const count = counts.get(feature);
    // A feature no decision ever had says nothing either way.
    if (!count || count.spam + count.ham === 0) continue;
    const pSpam = (count.spam + ALPHA) / (totals.spam + 2 * ALPHA);
    const pHam = (count.ham + ALPHA) / (totals.ham + 2 * ALPHA);
    const weight = Math.log(pSpam / pHam);
    logOdds += weight;
    if (weight > 0) pushes.push([feature, weight]);
  }
  const clamped = Math.max(-MAX_LOG_ODDS, Math.min(MAX_LOG_ODDS, logOdds));
  return {
    probability: 1 / (1 + Math.exp(-clamped)),
    evidence: pushes
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([feature]) => feature),
  };
};
