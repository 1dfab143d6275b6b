/**
 * The entry of causerie-extras.<lang>.js, what only some readers use: liking; the comment form's full
 * machinery (guest fields, draft, the Markdown preview, the Turnstile challenge when the site has one,
 * posting: components/full-form.tsx); editing and deleting one's own comment; the rest of a wide reply
 * tree, scrolling to a linked comment, and the messages of the server's error answers. lazy.tsx loads it
 * on first use; it borrows the app's Preact (see vite.config.ts), so its components run in the app's tree.
 */
import { _FullForm } from './components/full-form.tsx';
import { _OwnComment } from './components/own-comment.tsx';
import { _showLinked } from './components/show-linked.ts';
import { _extraMessages } from './i18n/extra.ts';
import { _register } from './lazy.tsx';
import { _linkMastodon } from './mastodon-link.ts';
import { _moreReplies } from './state/more-replies.ts';
import { _toggleLike } from './state/toggle-like.ts';

const extras = {
  _FullForm,
  _OwnComment,
  _showLinked,
  _extraMessages,
  _moreReplies,
  _toggleLike,
  _linkMastodon,
};
export type Extras = typeof extras;

_register('extras', extras);
