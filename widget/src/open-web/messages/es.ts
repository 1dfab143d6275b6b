import type { OpenWebMessages } from '../messages.ts';

export const openWebMessages: OpenWebMessages = {
  _viaWebmention: 'vía Webmention',
  _fromMastodon: 'desde Mastodon',
  _replyOnMastodon: 'Responder en Mastodon',
  _liked: 'le gustó',
  _reposted: 'lo compartió',
};
