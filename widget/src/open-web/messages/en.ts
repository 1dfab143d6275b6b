import type { OpenWebMessages } from '../messages.ts';

export const openWebMessages: OpenWebMessages = {
  _viaWebmention: 'via Webmention',
  _fromMastodon: 'from Mastodon',
  _replyOnMastodon: 'Reply on Mastodon',
  _liked: 'liked this',
  _reposted: 'reposted this',
};
