/**
 * The entry of causerie-extras.<lang>.js, what only some readers use: liking; the comment form's full
 * machinery (guest fields, draft, the Markdown preview, the Turnstile challenge when the site has one,
 * posting: components/full-form.tsx); editing and deleting one's own comment; the rest of a wide reply
 * tree, scrolling to a linked comment, and the messages of the server's error answers. lazy.tsx loads it on first use; it borrows the app's Preact (see vite.config.ts), so its
 * components run in the app's tree.
 */
import { deleteComment } from './api.ts';
import { _EditForm } from './components/edit-form.tsx';
import { _FullForm } from './components/full-form.tsx';
import { _showLinked } from './components/show-linked.ts';
import type { Widget } from './components/widget.ts';
import type { ApiError } from './http.ts';
import { _extraMessages } from './i18n/extra.ts';
import { _register } from './lazy.tsx';
import { _moreReplies } from './state/more-replies.ts';
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
  _FullForm,
  _EditForm,
  remove,
  _showLinked,
  _extraMessages,
  _moreReplies,
  _toggleLike,
};
export type Extras = typeof extras;

_register('extras', extras);
