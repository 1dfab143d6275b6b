import type { OpenWebMessages } from '../messages.ts';

export const openWebMessages: OpenWebMessages = {
  _viaWebmention: 'via Webmention',
  _fromMastodon: 'van Mastodon',
  _replyOnMastodon: 'Reageer op Mastodon',
  _liked: 'vond dit leuk',
  _reposted: 'deelde dit',
};
