import type { OpenWebMessages } from '../messages.ts';

export const openWebMessages: OpenWebMessages = {
  _viaWebmention: 'via Webmention',
  _fromMastodon: 'depuis Mastodon',
  _replyOnMastodon: 'Répondre sur Mastodon',
  _liked: 'a aimé',
  _reposted: 'a partagé',
};
