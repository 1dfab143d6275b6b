/** The magic-link e-mail (issue 13, item 2), in the reader's language, text + HTML like every message. */
import { mailHtml } from '../../lib/mail-html.ts';
import { fill, type MailLang, mailMessages } from '../../lib/mail-i18n/index.ts';
import type { EmailMessage, Sender } from '../notify/email.ts';

export const signInEmail = (
  settings: Sender,
  to: string,
  site: string,
  link: string,
  lang: MailLang = 'en',
): EmailMessage => {
  const m = mailMessages(lang);
  const subject = fill(m.signInSubject, { site });
  const lead = fill(m.signInLead, { site });
  return {
    from: settings.from,
    to,
    subject,
    text: [lead, '', `${m.signInAction}${m.sep}${link}`, '', m.signInIgnore].join('\n'),
    html: mailHtml(
      lang,
      subject,
      [{ lead, link: { href: link, label: m.signInAction } }, { lead: m.signInIgnore }],
      { text: fill(m.footer, { site }) },
    ),
  };
};
