import type { OpenWebMessages } from '../messages.ts';

export const openWebMessages: OpenWebMessages = {
  _viaWebmention: '通过 Webmention',
  _fromMastodon: '来自 Mastodon',
  _replyOnMastodon: '在 Mastodon 上回复',
  _liked: '赞了',
  _reposted: '转发了',
};
