/** The magic-link e-mail (issue 13, item 2), in the reader's language: a one-link message like the
 *  address confirmation (services/notify/email.ts `linkEmail`). */
import type { MailLang } from '../../lib/mail-i18n/index.ts';
import { type EmailMessage, linkEmail, type Sender } from '../notify/email.ts';

export const signInEmail = (
  settings: Sender,
  to: string,
  site: string,
  link: string,
  lang: MailLang = 'en',
): EmailMessage =>
  linkEmail(
    settings,
    { to, site, link, lang },
    { subject: 'signInSubject', lead: 'signInLead', action: 'signInAction', ignore: 'signInIgnore' },
  );
