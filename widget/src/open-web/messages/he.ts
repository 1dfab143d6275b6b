import type { OpenWebMessages } from '../messages.ts';

export const openWebMessages: OpenWebMessages = {
  _viaWebmention: 'דרך Webmention',
  _fromMastodon: 'ממסטודון',
  _replyOnMastodon: 'להגיב במסטודון',
  _liked: 'אהב/ה את זה',
  _reposted: 'שיתף/ה את זה',
};
