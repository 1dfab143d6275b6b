/**
 * A burst of replies to one person becomes one digest. The first reply notification to an address is
 * sent at once; later ones within DIGEST_WINDOW_MINUTES of the last reply or digest sent there are queued
 * in the mail log (status `queued`, what the digest needs in `payload`). The Cron Trigger (wrangler.toml
 * `[triggers]`, worker/index.ts `scheduled`) runs `flushDigests` every few minutes: each address whose
 * window has closed gets its queued replies in one message. Chosen over a Queue or a Durable Object alarm
 * because it needs nothing beyond D1 and a cron, which every plan has.
 */
import {
  dueQueued,
  insertMailLog,
  type MailLogRow,
  markDigested,
  repliedRecently,
} from '../../db/mail-log.ts';
import type { MailLang } from '../../lib/mail-i18n/index.ts';
import type { DeliveryResult } from './deliver.ts';
import { type DigestItem, digestEmail, type EmailMessage } from './email.ts';
import { type MailContext, sendMail } from './mailer.ts';

export const DIGEST_WINDOW_MINUTES = 15;

/** How many queued rows one cron run reads (the rest wait for the next run). */
const FLUSH_BATCH = 200;

interface QueuedPayload {
  item: DigestItem;
  lang: MailLang;
  site: string;
}

const windowStart = (now: Date): string =>
  new Date(now.getTime() - DIGEST_WINDOW_MINUTES * 60_000).toISOString();

const QUEUED: DeliveryResult = { ok: true, attempts: 0, status: null };

/**
 * Sends a reply notification, or queues it for the digest when one went to this address recently.
 * @example await sendOrQueueReply(ctx, replyEmail(…), { item, lang: 'fr', site: 'blog.example' })
 */
export const sendOrQueueReply = async (
  ctx: MailContext,
  message: EmailMessage,
  queued: QueuedPayload,
  now: Date = new Date(),
): Promise<DeliveryResult> => {
  const recipient = message.to.toLowerCase();
  if (!(await repliedRecently(ctx.db, recipient, windowStart(now))))
    return sendMail(ctx, message, 'reply', now);
  await insertMailLog(ctx.db, {
    createdAt: now.toISOString(),
    kind: 'reply',
    recipient,
    subject: message.subject,
    transport: ctx.email.transport,
    status: 'queued',
    attempts: 0,
    lastStatus: null,
    error: null,
    payload: JSON.stringify(queued),
  });
  return QUEUED;
};

const parse = (row: MailLogRow): QueuedPayload | null => {
  try {
    return JSON.parse(row.payload ?? '') as QueuedPayload;
  } catch {
    return null;
  }
};

/**
 * Sends one digest per address whose window has closed, then marks its queued rows `digested` (sent or
 * not: a failed digest is in the log as `failed`, like any message, and is not sent twice).
 * @returns how many digests were attempted.
 */
export const flushDigests = async (ctx: MailContext, now: Date = new Date()): Promise<number> => {
  const rows = await dueQueued(ctx.db, windowStart(now), FLUSH_BATCH);
  const byRecipient = new Map<string, MailLogRow[]>();
  for (const row of rows) byRecipient.set(row.recipient, [...(byRecipient.get(row.recipient) ?? []), row]);
  let sent = 0;
  for (const [recipient, queued] of byRecipient) {
    const payloads = queued.map(parse).filter((p): p is QueuedPayload => p !== null);
    const [first, ...rest] = payloads;
    if (first) {
      const items: [DigestItem, ...DigestItem[]] = [first.item, ...rest.map((p) => p.item)];
      await sendMail(ctx, digestEmail(ctx.email, recipient, first.site, items, first.lang), 'digest', now);
      sent++;
    }
    await markDigested(
      ctx.db,
      queued.map((row) => row.id),
    );
  }
  return sent;
};
