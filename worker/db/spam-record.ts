/** The spam pipeline's record as the comments table keeps it (migration 0010). */
export interface SpamRecord {
  /** The highest score of the checks, 0 … 1. */
  score: number;
  /** JSON: every check's answer in order, `[{ check, verdict, score, detail }]`. */
  reasons: string;
  /** The outcome, the owner's mode included: 'pass' (published), 'hold' (pending) or 'reject' (spam). */
  verdict: 'pass' | 'hold' | 'reject';
  /** JSON of the learning filter's features, or `null` with SPAM_FILTER=off. */
  tokens: string | null;
}
