/**
 * The one module that sends e-mail. It picks the transport the settings chose (env.ts `readEmail`):
 * - `binding`: Cloudflare Email Service's `send_email` binding, `env.EMAIL.send({ from, to, subject,
 *   text, html, headers })` (https://developers.cloudflare.com/email-service/api/send-emails/workers-api/;
 *   the types are workers-types' `SendEmail` / `EmailMessageBuilder`). It resolves with a message id or
 *   throws; `wrangler dev` simulates it (https://developers.cloudflare.com/email-service/local-development/sending/).
 * - `http`: POST EMAIL_API_URL with `Authorization: Bearer <EMAIL_API_KEY>` and the JSON
 *   `{ from, to, subject, text, html, headers }` (Resend- and Postmark-style APIs, or a small relay).
 * Then it retries with backoff (deliver.ts), applies the per-recipient daily cap, and records every
 * outcome in the mail log (db/mail-log.ts), which the owner reads at GET /api/v1/admin/mail.
 */
import { countSentSince, insertMailLog, type MailStatus } from '../../db/mail-log.ts';
import type { EmailSettings } from '../../env.ts';
import { type DeliveryResult, deliver, type RetryPolicy } from './deliver.ts';
import type { EmailMessage, MailKind } from './email.ts';

export interface MailContext {
  db: D1Database;
  email: EmailSettings;
  /** The EMAIL binding, when the worker has one. */
  binding?: SendEmail | undefined;
  fetcher: typeof fetch;
  retry: RetryPolicy;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Rejects when the attempt's timeout fires: the binding takes no AbortSignal of its own. */
const timeout = (signal: AbortSignal): Promise<never> =>
  new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));

/** The binding's answer as the Response `deliver` understands: success, or a thrown error to retry. */
const viaBinding = async (
  binding: SendEmail | undefined,
  message: EmailMessage,
  signal: AbortSignal,
): Promise<Response> => {
  if (!binding) throw new Error('EMAIL_TRANSPORT=binding but no send_email binding named EMAIL');
  const { from, to, subject, text, html, headers } = message;
  await Promise.race([
    binding.send({ from, to, subject, text, html, ...(headers ? { headers } : {}) }),
    timeout(signal),
  ]);
  return new Response(null, { status: 202 });
};

const viaHttp = (ctx: MailContext, message: EmailMessage, signal: AbortSignal): Promise<Response> =>
  ctx.fetcher(ctx.email.apiUrl, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(ctx.email.apiKey ? { Authorization: `Bearer ${ctx.email.apiKey}` } : {}),
    },
    body: JSON.stringify(message),
    signal,
  });

const record = (
  ctx: MailContext,
  kind: MailKind,
  message: EmailMessage,
  status: MailStatus,
  result: { attempts: number; status: number | null; error?: string | null },
  now: Date,
) =>
  insertMailLog(ctx.db, {
    createdAt: now.toISOString(),
    kind,
    recipient: message.to.toLowerCase(),
    subject: message.subject,
    transport: ctx.email.transport,
    status,
    attempts: result.attempts,
    lastStatus: result.status,
    error: result.error ?? null,
  });

/**
 * Sends one message (or logs it as capped), retrying a failure, and records the outcome.
 * @example await sendMail(ctx, replyEmail(settings.email, e, to, link, 'fr'), 'reply')
 */
export const sendMail = async (
  ctx: MailContext,
  message: EmailMessage,
  kind: MailKind,
  now: Date = new Date(),
): Promise<DeliveryResult> => {
  const recipient = message.to.toLowerCase();
  const since = new Date(now.getTime() - DAY_MS).toISOString();
  if ((await countSentSince(ctx.db, recipient, since)) >= ctx.email.dailyCapPerRecipient) {
    await record(ctx, kind, message, 'capped', { attempts: 0, status: null }, now);
    return { ok: false, attempts: 0, status: null };
  }
  let lastError: string | null = null;
  const result = await deliver(async (signal) => {
    try {
      return ctx.email.transport === 'binding'
        ? await viaBinding(ctx.binding, message, signal)
        : await viaHttp(ctx, message, signal);
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
      throw err;
    }
  }, ctx.retry);
  const error = result.ok ? null : (lastError ?? (result.status ? `HTTP ${result.status}` : null));
  await record(ctx, kind, message, result.ok ? 'sent' : 'failed', { ...result, error }, now);
  return result;
};
