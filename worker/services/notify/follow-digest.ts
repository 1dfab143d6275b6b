/**
 * The second job of the Cron Trigger (worker/index.ts `scheduled`): each follow whose window
 * (FOLLOW_DIGEST_MINUTES) has closed and whose thread has approved comments of others past its cursor gets
 * them in one e-mail, then its cursor moves past them. Nothing was written when those comments were
 * posted: the comments table, read by seq, is the queue. A message that fails or is capped is in the mail
 * log like any other (mailer.ts) and is not sent again: the cursor moves all the same, as the reply
 * digests do.
 */
import {
  commentsAfter,
  type DueFollowRow,
  deleteStaleFollows,
  dueFollows,
  markFollowSent,
} from '../../db/thread-follows.ts';
import { type Bindings, readSettings, type Settings } from '../../env.ts';
import { CONFIRM_LINK_SECONDS } from '../../lib/confirm-link.ts';
import { MAIL_LANGS, type MailLang } from '../../lib/mail-i18n/index.ts';
import { unfollowUrl } from '../../lib/unfollow-link.ts';
import { DEFAULT_RETRY } from './deliver.ts';
import { type FollowedComment, followEmail } from './follow-email.ts';
import { type MailContext, sendMail } from './mailer.ts';

/** How many follows one cron run mails (the rest wait for the next run, five minutes later). */
export const FOLLOWS_PER_RUN = 100;
/** How many comments one e-mail lists; the rest come in the next one. */
export const COMMENTS_PER_EMAIL = 20;

const langOf = (lang: string): MailLang => MAIL_LANGS.find((l) => l === lang) ?? 'en';

const mailOne = async (
  ctx: MailContext,
  settings: Pick<Settings, 'secretKey' | 'anonymousName'>,
  follow: DueFollowRow,
  now: Date,
): Promise<boolean> => {
  const rows = await commentsAfter(ctx.db, follow, COMMENTS_PER_EMAIL);
  const comments = rows.map(
    (row): FollowedComment => ({
      id: row.id,
      author: row.author_name || settings.anonymousName,
      body: row.body,
      html: row.html,
    }),
  );
  const [first, ...rest] = comments;
  const last = rows[rows.length - 1];
  if (!first || !last) return false;
  const message = followEmail(ctx.email, {
    to: follow.email,
    page: { url: follow.thread_url, title: follow.thread_title },
    comments: [first, ...rest],
    unsubscribeUrl: await unfollowUrl(follow.origin, settings.secretKey, follow.id),
    lang: langOf(follow.lang),
    origin: follow.origin,
  });
  await sendMail(ctx, message, 'follow', now);
  await markFollowSent(ctx.db, follow.id, last.seq, now.toISOString());
  return true;
};

/**
 * Mails every due follow (at most FOLLOWS_PER_RUN), and forgets guests' follows whose confirmation link
 * expired unanswered.
 * @returns how many e-mails were attempted.
 */
export const flushFollows = async (
  ctx: MailContext,
  settings: Pick<Settings, 'secretKey' | 'anonymousName' | 'followDigestMinutes'>,
  now: Date = new Date(),
): Promise<number> => {
  const windowStart = new Date(now.getTime() - settings.followDigestMinutes * 60_000).toISOString();
  const due = await dueFollows(ctx.db, windowStart, FOLLOWS_PER_RUN);
  let sent = 0;
  for (const follow of due) {
    try {
      if (await mailOne(ctx, settings, follow, now)) sent++;
    } catch (err) {
      // One follow's failure (a storage error) does not stop the others.
      console.error(`follow ${follow.id} failed:`, err);
    }
  }
  await deleteStaleFollows(ctx.db, new Date(now.getTime() - CONFIRM_LINK_SECONDS * 1000).toISOString());
  return sent;
};

/**
 * The cron's entry: reads the settings from the bindings as runDigests does; nothing without e-mail.
 * @example ctx.waitUntil(runFollowDigests(env))
 */
export const runFollowDigests = async (env: Bindings, now: Date = new Date()): Promise<number> => {
  const settings = readSettings(env);
  const email = settings.email;
  if (!email) return 0;
  const ctx: MailContext = {
    db: env.DB,
    email,
    binding: env.EMAIL,
    fetcher: (input, init) => fetch(input, init),
    retry: DEFAULT_RETRY,
  };
  return flushFollows(ctx, settings, now);
};
