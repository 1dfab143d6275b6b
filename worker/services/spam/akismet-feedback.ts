/**
 * The feedback loop WordPress owners know (issue 14, item 3): when a moderator decides, Akismet hears it.
 * A comment moved to spam from approved or held is `submit-spam`; one moved to approved from held or spam
 * is `submit-ham`. Sent after the decision's D1 batch has committed, in `waitUntil`, best effort: a failure
 * is logged and never fails the moderation. Akismet wants the poster's IP and user agent, which only the
 * sealed spam context holds (services/spam/integrations.ts, 30 days): without it nothing is sent.
 */
import type { Context } from 'hono';
import { findAdminComment } from '../../db/admin-comments.ts';
import { findSpamContext } from '../../db/spam-context.ts';
import type { AppEnv, Settings } from '../../env.ts';
import type { StatusDecision } from '../moderation/moderate.ts';
import { type AkismetDeps, submitFeedback } from './akismet.ts';
import { openSpamContext } from './integrations.ts';

export type FeedbackKind = 'spam' | 'ham';

/** What a decision tells Akismet, if anything. */
export const feedbackKind = (decision: Pick<StatusDecision, 'from' | 'to'>): FeedbackKind | null => {
  if (decision.to === 'spam' && (decision.from === 'approved' || decision.from === 'pending')) return 'spam';
  if (decision.to === 'approved' && (decision.from === 'pending' || decision.from === 'spam')) return 'ham';
  return null;
};

export type FeedbackOutcome = 'sent' | 'skipped' | 'no-context' | 'failed';

/**
 * Sends the feedback of one decision; never throws.
 * @example await sendFeedback(db, settings, { commentId, from: 'pending', to: 'spam' }, { fetcher: fetch })
 */
export const sendFeedback = async (
  db: D1Database,
  settings: Settings,
  decision: StatusDecision,
  deps: AkismetDeps,
  now: Date = new Date(),
): Promise<FeedbackOutcome> => {
  const kind = feedbackKind(decision);
  if (!settings.akismet || !kind) return 'skipped';
  try {
    const row = await findAdminComment(db, decision.commentId);
    const stored = row ? await findSpamContext(db, row.id, now.toISOString()) : null;
    const context = stored ? await openSpamContext(settings.secretKey, stored.sealed) : null;
    if (!row || !context?.ip) return 'no-context';
    await submitFeedback(
      settings.akismet,
      kind,
      {
        blog: new URL(row.thread_url).origin,
        permalink: row.thread_url,
        ip: context.ip,
        userAgent: context.userAgent,
        referrer: context.referrer,
        authorName: row.author_name,
        authorEmail: row.author_email,
        authorWebsite: row.author_website,
        content: row.body,
        date: row.created_at,
      },
      deps,
    );
    return 'sent';
  } catch (err) {
    console.error(`akismet submit-${kind} for comment ${decision.commentId} failed:`, err);
    return 'failed';
  }
};

/** Schedules the feedback of the decisions after the response (the D1 write has committed by then). */
export const scheduleAkismetFeedback = (c: Context<AppEnv>, decisions: readonly StatusDecision[]): void => {
  const settings = c.get('settings');
  const due = decisions.filter((d) => feedbackKind(d) !== null);
  if (!settings.akismet || due.length === 0) return;
  const db = c.env.DB;
  const deps: AkismetDeps = { fetcher: (input, init) => fetch(input, init) };
  c.executionCtx.waitUntil(
    (async () => {
      for (const decision of due) await sendFeedback(db, settings, decision, deps);
    })(),
  );
};
