/**
 * Double opt-in for reply e-mails (issue 11): reply notifications go only to confirmed addresses, and the
 * first `notify: true` with an unconfirmed one sends one confirmation e-mail (at most one a day).
 */
import { claimConfirmationRequest, isAddressConfirmed } from '../../db/confirmed-addresses.ts';
import type { Settings } from '../../env.ts';
import {
  addressHash,
  CONFIRM_LINK_SECONDS,
  CONFIRM_RESEND_SECONDS,
  confirmUrl,
} from '../../lib/confirm-link.ts';
import type { MailLang } from '../../lib/mail-i18n/index.ts';
import type { DeliveryResult, RetryPolicy } from './deliver.ts';
import { confirmationEmail, siteName } from './email.ts';
import { sendMail } from './mailer.ts';

export interface ConfirmationContext {
  db: D1Database;
  settings: Settings;
  origin: string;
  fetcher: typeof fetch;
  retry: RetryPolicy;
  binding?: SendEmail | undefined;
  lang?: MailLang;
}

export const isConfirmed = async (ctx: ConfirmationContext, email: string): Promise<boolean> =>
  isAddressConfirmed(ctx.db, await addressHash(ctx.settings.secretKey, email));

const NOT_SENT: DeliveryResult = { ok: true, attempts: 0, status: null };

/**
 * Sends the confirmation e-mail unless the address is confirmed or was asked within a day.
 * @example await requestConfirmation(ctx, 'zoe@example.com', row.thread_url, new Date())
 */
export const requestConfirmation = async (
  ctx: ConfirmationContext,
  email: string,
  pageUrl: string,
  now: Date,
): Promise<DeliveryResult> => {
  const mail = ctx.settings.email;
  if (!mail) return NOT_SENT;
  const hash = await addressHash(ctx.settings.secretKey, email);
  const since = new Date(now.getTime() - CONFIRM_RESEND_SECONDS * 1000).toISOString();
  if (!(await claimConfirmationRequest(ctx.db, hash, now.toISOString(), since))) return NOT_SENT;
  const expires = Math.floor(now.getTime() / 1000) + CONFIRM_LINK_SECONDS;
  const link = await confirmUrl(ctx.origin, ctx.settings.secretKey, hash, expires);
  const message = confirmationEmail(mail, email, siteName(pageUrl, ctx.origin), link, ctx.lang ?? 'en');
  const { db, binding, fetcher, retry } = ctx;
  return sendMail({ db, email: mail, binding, fetcher, retry }, message, 'confirm', now);
};
