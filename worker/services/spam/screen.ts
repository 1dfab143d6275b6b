/**
 * Screens a new or edited comment: its features computed once, the configured checks run (pipeline.ts),
 * and what goes on the comment's row (score, reasons, outcome, features). The posting services decide the
 * status from the outcome; the owner's moderation mode adds its own reason there.
 */
import type { SpamRecord } from '../../db/spam-record.ts';
import type { Settings } from '../../env.ts';
import { commentFeatures } from '../../lib/spam/features.ts';
import { type PipelineResult, runPipeline } from './pipeline.ts';
import type { SpamCandidate, SpamCheck, SpamCheckResult, SpamVerdict } from './types.ts';

export interface Screening extends PipelineResult {
  features: string[] | null;
}

/** `known`: the features as the caller computed them already (a new comment reads their counts early). */
export const screen = async (
  checks: readonly SpamCheck[],
  settings: Pick<Settings, 'spam'>,
  candidate: Omit<SpamCandidate, 'features'>,
  known?: string[] | null,
): Promise<Screening> => {
  const features = settings.spam.filter ? (known ?? commentFeatures(candidate)) : null;
  const result = await runPipeline(checks, features ? { ...candidate, features } : candidate, {
    timeoutMs: settings.spam.timeoutMs,
  });
  return { ...result, features };
};

/** The row's record once the owner's mode has had its say (`mode` is its reason, appended last). */
export const toRecord = (
  screening: Screening,
  mode: SpamCheckResult | null,
  verdict: SpamVerdict,
): SpamRecord => ({
  score: screening.score,
  reasons: JSON.stringify(mode ? [...screening.reasons, mode] : screening.reasons),
  verdict,
  tokens: screening.features ? JSON.stringify(screening.features) : null,
});
