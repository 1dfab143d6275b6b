/**
 * The spam pipeline (issue 14, item 1): runs the configured checks in order, each within a time budget,
 * and combines their answers — the worst verdict wins (reject > hold > pass). A check that throws or runs
 * past its budget answers `hold` "check unavailable": a comment is never lost to a broken check, it waits
 * for the owner. The owner's moderation mode has the last word on a `pass` (services/posting).
 */
import type { SpamCandidate, SpamCheck, SpamCheckResult, SpamVerdict } from './types.ts';

export interface PipelineResult {
  verdict: SpamVerdict;
  /** The highest score any check gave (0 when none ran). */
  score: number;
  /** Every check's answer, in the order they ran: recorded on the comment, shown to the owner. */
  reasons: SpamCheckResult[];
}

const SEVERITY: Record<SpamVerdict, number> = { pass: 0, hold: 1, reject: 2 };

/** The worse of two verdicts. */
export const worse = (a: SpamVerdict, b: SpamVerdict): SpamVerdict => (SEVERITY[b] > SEVERITY[a] ? b : a);

export const UNAVAILABLE = 'check unavailable';

const unavailable = (check: string, why: string): SpamCheckResult => ({
  check,
  verdict: 'hold',
  score: 0,
  detail: `${UNAVAILABLE} (${why})`,
});

const clampScore = (score: number): number => (Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0);

/**
 * One check, time-boxed with a real timer: a check past its budget is answered for, and its own work is
 * left behind (a fetch it made ends with the request). Deployed, Workers' timers advance only while the
 * worker waits on I/O, not during CPU work (https://developers.cloudflare.com/workers/runtime-apis/web-standards/#timers):
 * the budget bounds a slow network check (Akismet), which is what can be slow; our own checks are bounded
 * by construction (MAX_FEATURES, one D1 query).
 */
const runOne = async (
  check: SpamCheck,
  candidate: SpamCandidate,
  timeoutMs: number,
): Promise<SpamCheckResult> => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout = new Promise<SpamCheckResult>((resolve) => {
    timer = setTimeout(() => resolve(unavailable(check.name, `no answer in ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const result = await Promise.race([check.run(candidate), timeout]);
    if (!(result.verdict in SEVERITY)) return unavailable(check.name, 'malformed answer');
    return { ...result, check: check.name, score: clampScore(result.score) };
  } catch (error) {
    // The owner reads the reason; the error's own text may hold anything, so only its name goes there.
    return unavailable(check.name, error instanceof Error ? error.name : 'error');
  } finally {
    if (timer !== null) clearTimeout(timer);
  }
};

/**
 * In order, one after the other: a later check (Akismet, a third party) is not asked once an earlier one
 * has rejected, so nothing leaves the worker about a comment that is already spam.
 * @example const { verdict, reasons } = await runPipeline(checks, candidate, { timeoutMs: 1500 });
 */
export const runPipeline = async (
  checks: readonly SpamCheck[],
  candidate: SpamCandidate,
  options: { timeoutMs: number },
): Promise<PipelineResult> => {
  const result: PipelineResult = { verdict: 'pass', score: 0, reasons: [] };
  for (const check of checks) {
    const answer = await runOne(check, candidate, options.timeoutMs);
    result.reasons.push(answer);
    result.verdict = worse(result.verdict, answer.verdict);
    result.score = Math.max(result.score, answer.score);
    if (result.verdict === 'reject') break;
  }
  return result;
};
