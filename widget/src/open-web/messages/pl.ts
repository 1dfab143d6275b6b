import type { OpenWebMessages } from '../messages.ts';

export const openWebMessages: OpenWebMessages = {
  _viaWebmention: 'przez Webmention',
  _fromMastodon: 'z Mastodona',
  _replyOnMastodon: 'Odpowiedz na Mastodonie',
  _liked: 'polubił(a)',
  _reposted: 'udostępnił(a)',
};
