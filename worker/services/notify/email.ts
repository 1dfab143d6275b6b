/**
 * E-mail through an HTTP e-mail API (Workers cannot speak SMTP): POST EMAIL_API_URL with
 * `Authorization: Bearer <EMAIL_API_KEY>` and the JSON `{ from, to, subject, text, headers }`, where
 * `headers` carries RFC 8058's List-Unsubscribe pair on reply notifications. Most providers take this
 * shape directly or through a small relay (Resend and Postmark-style APIs: from/to/subject/text).
 */
import type { EmailSettings } from '../../env.ts';
import type { CommentEvent } from './payload.ts';

export interface EmailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

/** To the owner: a new comment, or one held for moderation, with what only the owner may see (the e-mail). */
export const ownerEmail = (
  settings: EmailSettings & { ownerEmail: string },
  e: CommentEvent,
  authorEmail: string | null,
): EmailMessage => {
  const held = e.event === 'comment.held';
  const page = e.thread.title || e.thread.url;
  return {
    from: settings.from,
    to: settings.ownerEmail,
    subject: `${held ? 'Held for moderation' : 'New comment'}: ${page}`,
    text: [
      `${e.comment.author.name}${authorEmail ? ` <${authorEmail}>` : ''} ${held ? 'wrote (held for moderation)' : 'wrote'} on ${e.thread.url}:`,
      '',
      e.comment.body,
      '',
      `Moderate: ${e.adminUrl}`,
    ].join('\n'),
  };
};

/** To a commenter who ticked "notify me of replies", with a one-click way out (RFC 8058). */
export const replyEmail = (
  settings: EmailSettings,
  e: CommentEvent,
  to: string,
  unsubscribeUrl: string,
): EmailMessage => ({
  from: settings.from,
  to,
  subject: `New reply to your comment: ${e.thread.title || e.thread.url}`,
  text: [
    `${e.comment.author.name} replied to your comment on ${e.thread.url}:`,
    '',
    e.comment.body,
    '',
    `Read it: ${e.thread.url}`,
    `Stop e-mails about replies to this comment: ${unsubscribeUrl}`,
  ].join('\n'),
  headers: {
    'List-Unsubscribe': `<${unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
});

/** The POST to the provider (built afresh for each attempt by `deliver`). */
export const sendEmail = (
  fetcher: typeof fetch,
  settings: EmailSettings,
  message: EmailMessage,
  signal: AbortSignal,
): Promise<Response> =>
  fetcher(settings.apiUrl, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(settings.apiKey ? { Authorization: `Bearer ${settings.apiKey}` } : {}),
    },
    body: JSON.stringify(message),
    signal,
  });

/** The confirmation e-mail: `site` is the host of the page, an origin the owner allowed. */
export const confirmationEmail = (
  settings: EmailSettings,
  to: string,
  site: string,
  link: string,
): EmailMessage => ({
  from: settings.from,
  to,
  subject: `Confirm e-mails about replies on ${site}`,
  text: [
    `Someone asked, with this address, to be e-mailed about replies to comments on ${site}.`,
    '',
    `If it was you, confirm here: ${link}`,
    '',
    'If it was not you, ignore this e-mail: nothing else will be sent to this address unless it is confirmed.',
  ].join('\n'),
});
