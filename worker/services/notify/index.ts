/**
 * Notifications after a comment is written: the owner's webhook and e-mail for every new or held comment,
 * and an e-mail to a commenter who asked to hear of replies. All of it runs in `waitUntil`, after the
 * response: a slow or failing receiver never delays a reader.
 */
import type { Context } from 'hono';
import { type AdminCommentRow, findAdminComment } from '../../db/admin-comments.ts';
import type { AppEnv, Settings } from '../../env.ts';
import { unsubscribeUrl } from '../../lib/unsubscribe-link.ts';
import { isConfirmed, requestConfirmation } from './address-confirmation.ts';
import { DEFAULT_RETRY, type DeliveryResult, deliver, type RetryPolicy } from './deliver.ts';
import { ownerEmail, replyEmail, sendEmail } from './email.ts';
import { type CommentEvent, webhookBody } from './payload.ts';
import { signWebhook } from './sign.ts';

export interface NotifyContext {
  db: D1Database;
  settings: Settings;
  /** The worker's origin, for the admin and unsubscribe links. */
  origin: string;
  fetcher: typeof fetch;
  retry: RetryPolicy;
}

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

/** Every notification one stored comment calls for; failures are logged, never thrown. */
export const notifyComment = async (ctx: NotifyContext, commentId: string, options: NotifyOptions) => {
  const { settings, db } = ctx;
  const row = await findAdminComment(db, commentId);
  // Gone (a honeypot decoy is never stored), or moderated away before this ran.
  if (!row || (row.status !== 'approved' && row.status !== 'pending')) return;
  const e = toEvent(row, ctx.origin, settings.anonymousName);
  const email = settings.email;
  const jobs: Array<Promise<DeliveryResult>> = [];
  if (options.owner) {
    jobs.push(sendWebhook(ctx, e));
    if (email?.ownerEmail) {
      const message = ownerEmail({ ...email, ownerEmail: email.ownerEmail }, e, row.author_email);
      jobs.push(deliver((signal) => sendEmail(ctx.fetcher, email, message, signal), ctx.retry));
    }
  }
  // Double opt-in: asking for replies with an unconfirmed address sends only the confirmation e-mail.
  if (email && row.notify === 1 && row.author_email && !(await isConfirmed(ctx, row.author_email))) {
    jobs.push(requestConfirmation(ctx, row.author_email, row.thread_url, new Date()));
  }
  if (email && row.status === 'approved' && row.parent_id) {
    const parent = await findAdminComment(db, row.parent_id);
    // Nobody is told of their own reply to themselves, nor at an address its owner has not confirmed.
    if (
      parent?.notify === 1 &&
      parent.author_email &&
      parent.author_email !== row.author_email &&
      (await isConfirmed(ctx, parent.author_email))
    ) {
      const link = await unsubscribeUrl(ctx.origin, settings.secretKey, parent.id);
      const message = replyEmail(email, e, parent.author_email, link);
      jobs.push(deliver((signal) => sendEmail(ctx.fetcher, email, message, signal), ctx.retry));
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
 * webhook and no e-mail API are configured.
 * @example scheduleNotify(c, result.body.comment.id, { owner: true })
 */
export const scheduleNotify = (c: Context<AppEnv>, commentId: string, options: NotifyOptions): void => {
  const settings = c.get('settings');
  if (!settings.webhook && !settings.email) return;
  const ctx: NotifyContext = {
    db: c.env.DB,
    settings,
    origin: new URL(c.req.url).origin,
    fetcher: (input, init) => fetch(input, init),
    retry: DEFAULT_RETRY,
  };
  c.executionCtx.waitUntil(
    notifyComment(ctx, commentId, options).catch((err) => console.error('notification failed:', err)),
  );
};
