import type { OpenWebMessages } from '../messages.ts';

export const openWebMessages: OpenWebMessages = {
  _viaWebmention: 'via Webmention',
  _fromMastodon: 'von Mastodon',
  _replyOnMastodon: 'Auf Mastodon antworten',
  _liked: 'gefällt das',
  _reposted: 'hat das geteilt',
};
