/**
 * The entry of causerie-extras.<lang>.js, what only some readers use: liking; posting, editing and
 * deleting one's own comment; the Markdown preview, the rest of a wide reply tree, scrolling to a linked
 * comment, the Turnstile challenge of the form (when the site has one), and the messages of the server's
 * error answers. lazy.tsx loads it on first use; it borrows the app's Preact (see vite.config.ts), so its
 * components run in the app's tree.
 */
import { deleteComment } from './api.ts';
import { _Challenge } from './challenge/challenge.tsx';
import { _EditForm } from './components/edit-form.tsx';
import { _Preview } from './components/preview.tsx';
import { _showLinked } from './components/show-linked.ts';
import type { Widget } from './components/widget.ts';
import type { ApiError } from './http.ts';
import { _extraMessages } from './i18n/extra.ts';
import { _register } from './lazy.tsx';
import { _linkMastodon } from './mastodon-link.ts';
import { _moreReplies } from './state/more-replies.ts';
import { _postComment } from './state/post-comment.ts';
import { replaceComment } from './state/replace-comment.ts';
import { _toggleLike } from './state/toggle-like.ts';
import { updateEditToken } from './storage.ts';

/** Deletes one's own comment once the reader confirms: undefined if they do not, else the failure or null. */
const remove = async (widget: Widget, id: string, token: string): Promise<ApiError | null | undefined> => {
  const m = _extraMessages(widget.t.lang);
  if (!confirm(m._confirmRemove)) return undefined;
  const result = await deleteComment(widget._options.origin, id, token);
  if (!result.ok) return result.error;
  updateEditToken(id, undefined); // of no further use
  widget._announce(m._removed);
  widget._change(replaceComment(id, null));
  return null;
};

const extras = {
  _EditForm,
  _Preview,
  remove,
  _postComment,
  _showLinked,
  _extraMessages,
  _moreReplies,
  _Challenge,
  _toggleLike,
  _linkMastodon,
};
export type Extras = typeof extras;

_register('extras', extras);
