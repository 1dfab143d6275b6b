import type { OpenWebMessages } from '../messages.ts';

export const openWebMessages: OpenWebMessages = {
  _viaWebmention: 'tramite Webmention',
  _fromMastodon: 'da Mastodon',
  _replyOnMastodon: 'Rispondi su Mastodon',
  _liked: 'ha apprezzato',
  _reposted: 'ha condiviso',
};
