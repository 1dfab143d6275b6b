import type { OpenWebMessages } from '../messages.ts';

export const openWebMessages: OpenWebMessages = {
  _viaWebmention: 'via Webmention',
  _fromMastodon: 'do Mastodon',
  _replyOnMastodon: 'Responder no Mastodon',
  _liked: 'curtiu',
  _reposted: 'compartilhou',
};
