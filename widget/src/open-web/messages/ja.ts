import type { OpenWebMessages } from '../messages.ts';

export const openWebMessages: OpenWebMessages = {
  _viaWebmention: 'Webmention 経由',
  _fromMastodon: 'Mastodon から',
  _replyOnMastodon: 'Mastodon で返信',
  _liked: 'がいいねしました',
  _reposted: 'がブーストしました',
};
