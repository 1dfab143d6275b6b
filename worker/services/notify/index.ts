/**
 * Notifications after a comment is written: the owner's webhook, Telegram message and e-mail for every new
 * or held comment (a held one's with its one-click moderation links), and an e-mail to a commenter who
 * asked to hear of replies. All of it runs in `waitUntil`, after the
 * response: a slow or failing receiver never delays a reader.
 */
import type { Context } from 'hono';
import { type AdminCommentRow, findAdminComment } from '../../db/admin-comments.ts';
import { type AppEnv, type Bindings, readSettings, type Settings } from '../../env.ts';
import { type MailLang, pickMailLang } from '../../lib/mail-i18n/index.ts';
import { moderationLinks } from '../../lib/moderation-link.ts';
import { unsubscribeUrl } from '../../lib/unsubscribe-link.ts';
import { isConfirmed, requestConfirmation } from './address-confirmation.ts';
import { DEFAULT_RETRY, type DeliveryResult, deliver, type RetryPolicy } from './deliver.ts';
import { flushDigests, sendOrQueueReply } from './digest.ts';
import { digestItem, ownerEmail, replyEmail, siteName } from './email.ts';
import { type MailContext, sendMail } from './mailer.ts';
import { type CommentEvent, webhookBody } from './payload.ts';
import { signWebhook } from './sign.ts';
import { sendTelegram } from './telegram.ts';

export interface NotifyContext {
  db: D1Database;
  settings: Settings;
  /** The worker's origin, for the admin and unsubscribe links. */
  origin: string;
  fetcher: typeof fetch;
  retry: RetryPolicy;
  /** The EMAIL binding (Email Service), when bound: mailer.ts uses it if the settings chose it. */
  binding?: SendEmail | undefined;
  /** The language of the e-mails: the writer's Accept-Language (lib/mail-i18n/), English by default. */
  lang?: MailLang;
}

/** What mailer.ts needs of a notification context that has e-mail settings. */
export const mailContext = (
  ctx: Pick<NotifyContext, 'db' | 'fetcher' | 'retry' | 'binding'>,
  email: NonNullable<Settings['email']>,
): MailContext => ({ db: ctx.db, email, binding: ctx.binding, fetcher: ctx.fetcher, retry: ctx.retry });

export interface NotifyOptions {
  /** Alert the owner (webhook, owner e-mail): on readers' comments, not on the owner's own replies. */
  owner: boolean;
}

export const toEvent = (row: AdminCommentRow, origin: string, anonymousName: string): CommentEvent => ({
  event: row.status === 'approved' ? 'comment.created' : 'comment.held',
  deliveryId: crypto.randomUUID(),
  comment: {
    id: row.id,
    parentId: row.parent_id,
    status: row.status === 'approved' ? 'approved' : 'pending',
    author: { name: row.author_name || anonymousName, website: row.author_website },
    body: row.body,
    html: row.html,
    createdAt: row.created_at,
  },
  thread: { key: row.thread_key, url: row.thread_url, title: row.thread_title },
  adminUrl: `${origin}/admin/`,
});

/** POSTs the event to WEBHOOK_URL, signed afresh on each attempt so the timestamp stays current. */
export const sendWebhook = (ctx: NotifyContext, e: CommentEvent): Promise<DeliveryResult> => {
  const webhook = ctx.settings.webhook;
  if (!webhook) return Promise.resolve({ ok: true, attempts: 0, status: null });
  const body = webhookBody(e, webhook.format);
  return deliver(async (signal) => {
    const timestamp = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'User-Agent': 'Causerie-Webhook/1',
      'X-Causerie-Event': e.event,
      'X-Causerie-Delivery': e.deliveryId,
      'X-Causerie-Timestamp': String(timestamp),
    };
    if (webhook.secret) headers['X-Causerie-Signature'] = await signWebhook(webhook.secret, timestamp, body);
    return ctx.fetcher(webhook.url, { method: 'POST', headers, body, signal });
  }, ctx.retry);
};

/**
 * A signed-in author's comment carries the account's address, which its provider, magic link or SSO
 * verified (issue 13); a guest's address is only what was typed.
 */
const isVerifiedAddress = (row: AdminCommentRow): boolean =>
  row.author_provider !== null && row.author_email !== null;

/** Every notification one stored comment calls for; failures are logged, never thrown. */
export const notifyComment = async (ctx: NotifyContext, commentId: string, options: NotifyOptions) => {
  const { settings, db } = ctx;
  const row = await findAdminComment(db, commentId);
  // Gone (a honeypot decoy is never stored), or moderated away before this ran.
  if (!row || (row.status !== 'approved' && row.status !== 'pending')) return;
  const e = toEvent(row, ctx.origin, settings.anonymousName);
  // A held comment's alerts carry one set of one-click links (issue 14): whichever channel the owner acts
  // from spends it for all of them.
  if (options.owner && row.status === 'pending') {
    e.actions = await moderationLinks(ctx.origin, settings.secretKey, row.id, Math.floor(Date.now() / 1000));
  }
  const email = settings.email;
  const lang = ctx.lang ?? 'en';
  const mail = email ? mailContext(ctx, email) : null;
  const jobs: Array<Promise<DeliveryResult>> = [];
  if (options.owner) {
    jobs.push(sendWebhook(ctx, e));
    if (settings.telegram) jobs.push(sendTelegram(settings.telegram, e, ctx.fetcher, ctx.retry));
    if (mail && email?.ownerEmail) {
      const message = ownerEmail({ ...email, ownerEmail: email.ownerEmail }, e, row.author_email, lang);
      jobs.push(sendMail(mail, message, 'owner'));
    }
  }
  // Double opt-in: asking for replies with an unconfirmed address sends only the confirmation e-mail. A
  // signed-in author's address is the account's, verified by its sign-in: no confirmation is needed.
  if (
    email &&
    row.notify === 1 &&
    row.author_email &&
    !isVerifiedAddress(row) &&
    !(await isConfirmed(ctx, row.author_email))
  ) {
    jobs.push(requestConfirmation(ctx, row.author_email, row.thread_url, new Date()));
  }
  if (mail && email && row.status === 'approved' && row.parent_id) {
    const parent = await findAdminComment(db, row.parent_id);
    // Nobody is told of their own reply to themselves, nor at an address its owner has not confirmed.
    if (
      parent?.notify === 1 &&
      parent.author_email &&
      parent.author_email !== row.author_email &&
      (isVerifiedAddress(parent) || (await isConfirmed(ctx, parent.author_email)))
    ) {
      const link = await unsubscribeUrl(ctx.origin, settings.secretKey, parent.id);
      const message = replyEmail(email, e, parent.author_email, link, lang);
      const site = siteName(e.thread.url, ctx.origin);
      jobs.push(sendOrQueueReply(mail, message, { item: digestItem(e, link), lang, site }));
    }
  }
  for (const result of await Promise.allSettled(jobs)) {
    if (result.status === 'rejected' || !result.value.ok) {
      console.error(`notification for comment ${commentId} failed:`, result);
    }
  }
};

/**
 * Schedules the notifications of a comment after the response. Does nothing (no read, no task) when no
 * webhook, no Telegram chat and no e-mail transport are configured. The e-mails speak the language of the request that wrote
 * the comment (its Accept-Language: the writer's browser, on this page).
 * @example scheduleNotify(c, result.body.comment.id, { owner: true })
 */
export const scheduleNotify = (c: Context<AppEnv>, commentId: string, options: NotifyOptions): void => {
  const settings = c.get('settings');
  if (!settings.webhook && !settings.email && !settings.telegram) return;
  const ctx: NotifyContext = {
    db: c.env.DB,
    settings,
    origin: new URL(c.req.url).origin,
    fetcher: (input, init) => fetch(input, init),
    retry: DEFAULT_RETRY,
    binding: c.env.EMAIL,
    lang: pickMailLang(c.req.header('Accept-Language')),
  };
  c.executionCtx.waitUntil(
    notifyComment(ctx, commentId, options).catch((err) => console.error('notification failed:', err)),
  );
};

/**
 * The cron's work: the digests that are due. Reads the settings from the bindings as the middleware does.
 * @returns how many digests were attempted.
 */
export const runDigests = async (env: Bindings, now: Date = new Date()): Promise<number> => {
  const email = readSettings(env).email;
  if (!email) return 0;
  const ctx = { db: env.DB, fetcher: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init) };
  return flushDigests(mailContext({ ...ctx, retry: DEFAULT_RETRY, binding: env.EMAIL }, email), now);
};
