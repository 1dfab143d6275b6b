/**
 * The status a screened comment gets (issue 14): a reject is stored as spam, a hold waits as pending, and
 * on a pass the owner's moderation mode has the last word — its answer recorded as one more reason.
 */
import { hasApprovedComment } from '../../db/comments.ts';
import { buildSpamChecks } from '../spam/registry.ts';
import { type Screening, toRecord } from '../spam/screen.ts';
import type { SpamCheck, SpamCheckResult } from '../spam/types.ts';
import type { PostContext } from './context.ts';

/** The owner's mode, the last word on a comment every check passed; its answer is one more reason. */
const moderationStatus = async (
  ctx: PostContext,
  email: string | null,
  readerHash: string | null,
): Promise<SpamCheckResult> => {
  const answer = (held: boolean, detail: string): SpamCheckResult => ({
    check: 'moderation',
    verdict: held ? 'hold' : 'pass',
    score: 0,
    detail,
  });
  switch (ctx.settings.moderation) {
    case 'none':
      return answer(false, 'mode none: published');
    case 'all':
      return answer(true, 'mode all: every comment waits for the owner');
    // Trusted: an approved comment with this e-mail AND this browser's reader id. The address alone is
    // anyone's to type (issue 11); a confirmed address (double opt-in) proves its owner once, not who posts.
    case 'first-time':
      return email !== null && readerHash !== null && (await hasApprovedComment(ctx.db, email, readerHash))
        ? answer(false, 'mode first-time: a known commenter')
        : answer(true, 'mode first-time: no approved comment from this commenter yet');
  }
};

/** The checks of this request: the context's own (tests, a caller that built them) or the configured ones. */
export const checksOf = (ctx: PostContext): readonly SpamCheck[] =>
  ctx.checks ?? buildSpamChecks({ db: ctx.db, settings: ctx.settings, env: {} });

/**
 * The status the pipeline gives: a reject is stored as spam (never shown; the reader is answered as for a
 * held comment, API.md "Spam"), a hold waits as pending, a pass goes to the owner's mode.
 */
export const decide = async (
  ctx: PostContext,
  screening: Screening,
  email: string | null,
  readerHash: string | null,
) => {
  if (screening.verdict === 'reject')
    return { status: 'spam' as const, record: toRecord(screening, null, 'reject') };
  if (screening.verdict === 'hold')
    return { status: 'pending' as const, record: toRecord(screening, null, 'hold') };
  const mode = await moderationStatus(ctx, email, readerHash);
  return {
    status: mode.verdict === 'hold' ? ('pending' as const) : ('approved' as const),
    record: toRecord(screening, mode, mode.verdict),
  };
};
