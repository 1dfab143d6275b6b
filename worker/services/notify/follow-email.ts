/**
 * The e-mail of a followed thread (issue 17, item 2): the comments written there since the last one, in
 * one message, text + HTML in the follower's language, with the one-click unsubscribe of RFC 8058 in its
 * headers and its footer, like the reply notifications (email.ts).
 */
import { summarizeHtml } from '../../lib/html-summary.ts';
import { type MailBlock, mailHtml } from '../../lib/mail-html.ts';
import { fill, type MailLang, mailMessages } from '../../lib/mail-i18n/index.ts';
import {
  type EmailMessage,
  PREVIEW_HTML_BYTES,
  previewText,
  type Sender,
  siteName,
  unsubscribeHeaders,
} from './email.ts';

export interface FollowedComment {
  id: string;
  author: string;
  body: string;
  html: string;
}

export interface FollowEmailInput {
  to: string;
  page: { url: string; title: string };
  comments: readonly [FollowedComment, ...FollowedComment[]];
  unsubscribeUrl: string;
  lang: MailLang;
  /** The worker's origin: the site's name when the page URL does not parse. */
  origin: string;
}

/** The comment's anchor on its page, as the feed and the reply e-mails link it. */
const anchor = (pageUrl: string, id: string): string => `${pageUrl}#comment-${id}`;

/** @example followEmail({ from: 'blog@example.com' }, { to, page, comments, unsubscribeUrl, lang: 'fr', origin }) */
export const followEmail = (settings: Sender, input: FollowEmailInput): EmailMessage => {
  const { comments, page, unsubscribeUrl, lang } = input;
  const m = mailMessages(lang);
  const pageName = page.title || page.url;
  const subject = fill(comments.length === 1 ? m.followSubjectOne : m.followSubject, {
    count: comments.length,
    page: pageName,
  });
  const lead = fill(m.followLead, { page: page.url });
  const footer = fill(m.footer, { site: siteName(page.url, input.origin) });
  const blocks: MailBlock[] = comments.map((comment) => ({
    lead: fill(m.followItem, { author: comment.author }),
    quoteHtml: summarizeHtml(comment.html, PREVIEW_HTML_BYTES),
    link: { href: anchor(page.url, comment.id), label: m.readIt },
  }));
  return {
    from: settings.from,
    to: input.to,
    subject,
    text: [
      lead,
      ...comments.flatMap((comment) => [
        '',
        fill(m.followItem, { author: comment.author }),
        '',
        previewText(comment.body),
        '',
        `${m.readIt}${m.sep}${anchor(page.url, comment.id)}`,
      ]),
      '',
      `${m.followUnsubscribe}${m.sep}${unsubscribeUrl}`,
      '',
      footer,
    ].join('\n'),
    html: mailHtml(lang, subject, [{ lead }, ...blocks], {
      text: footer,
      link: { href: unsubscribeUrl, label: m.followUnsubscribe },
    }),
    headers: unsubscribeHeaders(unsubscribeUrl),
  };
};
