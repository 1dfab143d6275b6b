import type { OpenWebMessages } from '../messages.ts';

export const openWebMessages: OpenWebMessages = {
  _viaWebmention: 'عبر Webmention',
  _fromMastodon: 'من ماستودون',
  _replyOnMastodon: 'الرد على ماستودون',
  _liked: 'أعجبه هذا',
  _reposted: 'أعاد نشره',
};
