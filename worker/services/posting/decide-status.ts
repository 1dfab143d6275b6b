/**
 * The status a screened comment gets (issue 14): a reject is stored as spam, a hold waits as pending, and
 * on a pass the owner's moderation mode has the last word — its answer recorded as one more reason.
 */
import { hasApprovedAccountComment } from '../../db/accounts.ts';
import { hasApprovedComment } from '../../db/comments.ts';
import type { SpamModel } from '../../db/spam-model.ts';
import { fetcherOf } from '../spam/integrations.ts';
import { worse } from '../spam/pipeline.ts';
import { buildSpamChecks } from '../spam/registry.ts';
import { type Screening, toRecord } from '../spam/screen.ts';
import type { SpamCheck, SpamCheckResult } from '../spam/types.ts';
import type { PostContext } from './context.ts';

/**
 * The owner's mode, the last word on a comment every check passed; its answer is one more reason.
 * `trusted`: first-time's answer when the caller looked it up already (db/post-lookups.ts).
 */
const moderationStatus = async (
  ctx: PostContext,
  email: string | null,
  readerHash: string | null,
  trusted: boolean | null,
): Promise<SpamCheckResult> => {
  const answer = (held: boolean, detail: string): SpamCheckResult => ({
    check: 'moderation',
    verdict: held ? 'hold' : 'pass',
    score: 0,
    detail,
  });
  const userId = ctx.reader?.user.id;
  switch (ctx.settings.moderation) {
    case 'none':
      return answer(false, 'mode none: published');
    case 'all':
      return answer(true, 'mode all: every comment waits for the owner');
    // Trusted: an approved comment with this e-mail AND this browser's reader id. The address alone is
    // anyone's to type (issue 11); a confirmed address (double opt-in) proves its owner once, not who posts.
    // A signed-in account is trusted once one of its comments was approved: its identity is verified.
    case 'first-time':
      if (userId)
        return (trusted ?? (await hasApprovedAccountComment(ctx.db, userId)))
          ? answer(false, 'mode first-time: a known account')
          : answer(true, 'mode first-time: no approved comment from this account yet');
      return email !== null &&
        readerHash !== null &&
        (trusted ?? (await hasApprovedComment(ctx.db, email, readerHash)))
        ? answer(false, 'mode first-time: a known commenter')
        : answer(true, 'mode first-time: no approved comment from this commenter yet');
  }
};

/** The checks of this request: the context's own (tests, a caller that built them) or the configured ones. */
export const checksOf = (ctx: PostContext, model?: SpamModel | null): readonly SpamCheck[] =>
  ctx.checks ?? buildSpamChecks({ db: ctx.db, settings: ctx.settings, fetcher: fetcherOf(ctx), model });

/** Turnstile's "challenge unavailable" hold (services/spam/integrations.ts) joins the pipeline's record. */
export const withGate = (screening: Screening, gate: SpamCheckResult | null): Screening =>
  gate
    ? { ...screening, verdict: worse(screening.verdict, gate.verdict), reasons: [gate, ...screening.reasons] }
    : screening;

/**
 * The status the pipeline gives: a reject is stored as spam (never shown; the reader is answered as for a
 * held comment, API.md "Spam"), a hold waits as pending, a pass goes to the owner's mode.
 */
export const decide = async (
  ctx: PostContext,
  screening: Screening,
  email: string | null,
  readerHash: string | null,
  trusted: boolean | null = null,
) => {
  if (screening.verdict === 'reject')
    return { status: 'spam' as const, record: toRecord(screening, null, 'reject') };
  if (screening.verdict === 'hold')
    return { status: 'pending' as const, record: toRecord(screening, null, 'hold') };
  const mode = await moderationStatus(ctx, email, readerHash, trusted);
  return {
    status: mode.verdict === 'hold' ? ('pending' as const) : ('approved' as const),
    record: toRecord(screening, mode, mode.verdict),
  };
};
