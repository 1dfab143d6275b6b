/**
 * The e-mails Causerie sends, each as multipart text + HTML in the reader's language (lib/mail-i18n/):
 * the owner's alert, the reply notification, the digest of a burst of replies, and the address
 * confirmation. How they travel (the Email Service binding or an HTTP API) is mailer.ts's business only.
 * No message carries a Reply-To: a reply to one of them goes to EMAIL_FROM, never to a reader.
 */
import type { EmailSettings } from '../../env.ts';
import { summarizeHtml } from '../../lib/html-summary.ts';
import { type MailBlock, mailHtml } from '../../lib/mail-html.ts';
import { fill, type MailLang, type MailMessages, mailMessages } from '../../lib/mail-i18n/index.ts';
import type { CommentEvent } from './payload.ts';

/** All a template needs of the settings: who it is from. */
export type Sender = Pick<EmailSettings, 'from'>;

/** `follow`: a followed thread's batch of new comments (follow-email.ts). */
export type MailKind = 'owner' | 'reply' | 'digest' | 'confirm' | 'signin' | 'follow';

export interface EmailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/** How much of a comment an e-mail quotes: a preview, the link leads to the rest. */
const PREVIEW_CHARS = 500;
export const PREVIEW_HTML_BYTES = 2_000;

export const previewText = (body: string): string => {
  const chars = [...body.trim()];
  return chars.length > PREVIEW_CHARS ? `${chars.slice(0, PREVIEW_CHARS).join('')}…` : chars.join('');
};

/** The comment's anchor on its page, as the feed links it. */
export const commentLink = (e: CommentEvent): string => `${e.thread.url}#comment-${e.comment.id}`;

/** The site's name in a message: the page's host (the worker's own when the stored URL does not parse). */
export const siteName = (pageUrl: string, fallbackOrigin: string): string => {
  try {
    return new URL(pageUrl).host;
  } catch {
    return new URL(fallbackOrigin).host;
  }
};

const pageName = (e: CommentEvent): string => e.thread.title || e.thread.url;

export const unsubscribeHeaders = (url: string): Record<string, string> => ({
  // RFC 8058: the one-click POST; the GET of the same link shows a page.
  'List-Unsubscribe': `<${url}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

/** A held comment's one-click links (payload.ts `actions`), labelled in the message's language. */
const actionLinks = (e: CommentEvent, m: MailMessages): Array<{ href: string; label: string }> =>
  e.actions
    ? [
        { href: e.actions.approve, label: m.actionApprove },
        { href: e.actions.spam, label: m.actionSpam },
        { href: e.actions.delete, label: m.actionDelete },
      ]
    : [];

/** To the owner: a new comment, or one held for moderation, with what only the owner may see (the e-mail). */
export const ownerEmail = (
  settings: Sender & { ownerEmail: string },
  e: CommentEvent,
  authorEmail: string | null,
  lang: MailLang = 'en',
): EmailMessage => {
  const m = mailMessages(lang);
  const held = e.event === 'comment.held';
  const page = pageName(e);
  const author = `${e.comment.author.name}${authorEmail ? ` <${authorEmail}>` : ''}`;
  const lead = fill(held ? m.ownerLeadHeld : m.ownerLeadNew, { author, page: e.thread.url });
  const subject = fill(held ? m.ownerSubjectHeld : m.ownerSubjectNew, { page });
  const footer = fill(m.footer, { site: siteName(e.thread.url, e.adminUrl) });
  return {
    from: settings.from,
    to: settings.ownerEmail,
    subject,
    text: [
      lead,
      '',
      previewText(e.comment.body),
      '',
      ...actionLinks(e, m).map((l) => `${l.label}${m.sep}${l.href}`),
      `${m.moderate}${m.sep}${e.adminUrl}`,
      '',
      footer,
    ].join('\n'),
    html: mailHtml(
      lang,
      subject,
      [
        {
          lead,
          quoteHtml: summarizeHtml(e.comment.html, PREVIEW_HTML_BYTES),
          links: actionLinks(e, m),
          link: { href: e.adminUrl, label: m.moderate },
        },
      ],
      { text: footer },
    ),
  };
};

/** To a commenter who ticked "notify me of replies", with a one-click way out (RFC 8058). */
export const replyEmail = (
  settings: Sender,
  e: CommentEvent,
  to: string,
  unsubscribeUrl: string,
  lang: MailLang = 'en',
): EmailMessage => {
  const m = mailMessages(lang);
  const subject = fill(m.replySubject, { page: pageName(e) });
  const lead = fill(m.replyLead, { author: e.comment.author.name, page: e.thread.url });
  const footer = fill(m.footer, { site: siteName(e.thread.url, e.adminUrl) });
  const link = commentLink(e);
  return {
    from: settings.from,
    to,
    subject,
    text: [
      lead,
      '',
      previewText(e.comment.body),
      '',
      `${m.readIt}${m.sep}${link}`,
      `${m.unsubscribe}${m.sep}${unsubscribeUrl}`,
      '',
      footer,
    ].join('\n'),
    html: mailHtml(
      lang,
      subject,
      [
        {
          lead,
          quoteHtml: summarizeHtml(e.comment.html, PREVIEW_HTML_BYTES),
          link: { href: link, label: m.readIt },
        },
      ],
      { text: footer, link: { href: unsubscribeUrl, label: m.unsubscribe } },
    ),
    headers: unsubscribeHeaders(unsubscribeUrl),
  };
};

/** One reply a digest lists (what `replyEmail` would have said, kept in the mail log until the digest). */
export interface DigestItem {
  author: string;
  pageUrl: string;
  pageTitle: string;
  link: string;
  preview: string;
  html: string;
  /** The one-click link of the comment this replies to. */
  unsubscribeUrl: string;
}

/**
 * The replies of a burst, in one message. Subscriptions are per comment, so each reply keeps its own
 * unsubscribe link in the body; the List-Unsubscribe header carries the last one's.
 */
export const digestEmail = (
  settings: Sender,
  to: string,
  site: string,
  items: readonly [DigestItem, ...DigestItem[]],
  lang: MailLang = 'en',
): EmailMessage => {
  const m = mailMessages(lang);
  const unsubscribeUrl = (items[items.length - 1] as DigestItem).unsubscribeUrl;
  const subject = fill(items.length === 1 ? m.digestSubjectOne : m.digestSubject, {
    count: items.length,
    site,
  });
  const footer = fill(m.footer, { site });
  const blocks: MailBlock[] = items.map((item) => ({
    lead: fill(m.replyLead, { author: item.author, page: item.pageTitle || item.pageUrl }),
    quoteHtml: item.html,
    link: { href: item.link, label: m.readIt },
    smallLink: { href: item.unsubscribeUrl, label: m.unsubscribe },
  }));
  return {
    from: settings.from,
    to,
    subject,
    text: [
      m.digestLead,
      ...items.flatMap((item) => [
        '',
        fill(m.replyLead, { author: item.author, page: item.pageTitle || item.pageUrl }),
        '',
        item.preview,
        '',
        `${m.readIt}${m.sep}${item.link}`,
        `${m.unsubscribe}${m.sep}${item.unsubscribeUrl}`,
      ]),
      '',
      footer,
    ].join('\n'),
    html: mailHtml(lang, subject, [{ lead: m.digestLead }, ...blocks], {
      text: footer,
      link: { href: unsubscribeUrl, label: m.unsubscribe },
    }),
    headers: unsubscribeHeaders(unsubscribeUrl),
  };
};

/** What a digest keeps of a reply it may have to list later. */
export const digestItem = (e: CommentEvent, unsubscribeUrl: string): DigestItem => ({
  unsubscribeUrl,
  author: e.comment.author.name,
  pageUrl: e.thread.url,
  pageTitle: e.thread.title,
  link: commentLink(e),
  preview: previewText(e.comment.body),
  html: summarizeHtml(e.comment.html, PREVIEW_HTML_BYTES),
});

/** The strings of a one-link message (confirm an address, sign in): keys of the mail catalog. */
export interface LinkEmailWords {
  subject: 'confirmSubject' | 'signInSubject';
  lead: 'confirmLead' | 'signInLead';
  action: 'confirmAction' | 'signInAction';
  ignore: 'confirmIgnore' | 'signInIgnore';
}

/**
 * A message whose point is one link (text + HTML like every message), `site` the host of the page, an
 * origin the owner allowed: the address confirmation here, the magic link (services/identity).
 */
export const linkEmail = (
  settings: Sender,
  message: { to: string; site: string; link: string; lang?: MailLang },
  words: LinkEmailWords,
): EmailMessage => {
  const { to, site, link, lang = 'en' } = message;
  const m = mailMessages(lang);
  const subject = fill(m[words.subject], { site });
  const lead = fill(m[words.lead], { site });
  const action = m[words.action];
  const ignore = m[words.ignore];
  return {
    from: settings.from,
    to,
    subject,
    text: [lead, '', `${action}${m.sep}${link}`, '', ignore].join('\n'),
    html: mailHtml(lang, subject, [{ lead, link: { href: link, label: action } }, { lead: ignore }], {
      text: fill(m.footer, { site }),
    }),
  };
};

/** The confirmation e-mail: `site` is the host of the page, an origin the owner allowed. */
export const confirmationEmail = (
  settings: Sender,
  to: string,
  site: string,
  link: string,
  lang: MailLang = 'en',
): EmailMessage =>
  linkEmail(
    settings,
    { to, site, link, lang },
    { subject: 'confirmSubject', lead: 'confirmLead', action: 'confirmAction', ignore: 'confirmIgnore' },
  );
