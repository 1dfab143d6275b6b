/**
 * The contract of the spam pipeline (issue 14): every check — the built-in rules, the private learning
 * filter, Akismet — takes the same candidate and answers the same verdict, so the pipeline can order,
 * enable and time-box them from configuration and record every answer on the comment (`spamReasons`).
 */

export type SpamVerdict = 'pass' | 'hold' | 'reject';

export interface SpamCheckResult {
  /** The check's name as configured and shown to the owner: `rules`, `filter`, `akismet`, … */
  check: string;
  verdict: SpamVerdict;
  /** 0 (clean) … 1 (certainly spam); a check without a notion of score answers 0 or 1. */
  score: number;
  /** Why, for the owner (never shown to readers): "2 links (limit 1)", "filter p=0.97", "check unavailable". */
  detail: string;
}

/** What a check may look at: the comment as it would be stored, and how it came. Never sent anywhere by
 *  the pipeline itself; only a check the owner enabled (Akismet) sends its part to a third party. */
export interface SpamCandidate {
  body: string;
  html: string;
  authorName: string | null;
  authorEmail: string | null;
  authorWebsite: string | null;
  pageUrl: string;
  /** The poster's IP and user agent, for Akismet only (they are never stored). */
  ip: string | null;
  userAgent: string | null;
  referrer: string | null;
  /** The reader is signed in (issue 13): checks may exempt them. */
  signedIn: boolean;
  /** An edit of an existing comment rather than a new one. */
  edit: boolean;
  /** The learning filter's features of the comment (lib/spam/features.ts), computed once by the caller
   *  (they are stored with the comment for training); absent when SPAM_FILTER=off. */
  features?: readonly string[];
}

export interface SpamCheck {
  name: string;
  run(candidate: SpamCandidate): Promise<SpamCheckResult>;
}
