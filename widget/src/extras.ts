/**
 * The entry of causerie-extras.<lang>.js, what only some readers use: posting, editing and deleting one's
 * own comment, the Markdown preview, scrolling to a linked comment, and the messages of the server's error
 * answers. lazy.tsx loads it on first use; it borrows the app's Preact (see vite.config.ts), so its
 * components run in the app's tree.
 */
import { deleteComment } from './api.ts';
import { EditForm } from './components/edit-form.tsx';
import { Preview } from './components/preview.tsx';
import { showLinked } from './components/show-linked.ts';
import type { Widget } from './components/widget.ts';
import type { ApiError } from './http.ts';
import { extraMessages } from './i18n/extra.ts';
import { registerExtras } from './lazy.tsx';
import { postComment } from './state/post-comment.ts';
import { replaceComment } from './state/replace-comment.ts';
import { updateEditToken } from './storage.ts';

/** Deletes one's own comment once the reader confirms: undefined if they do not, else the failure or null. */
const remove = async (widget: Widget, id: string, token: string): Promise<ApiError | null | undefined> => {
  const m = extraMessages(widget.t.lang);
  if (!confirm(m.confirmRemove)) return undefined;
  const result = await deleteComment(widget.options.origin, id, token);
  if (!result.ok) return result.error;
  updateEditToken(id, undefined); // of no further use
  widget.announce(m.removed);
  widget.change(replaceComment(id, null));
  return null;
};

const extras = { EditForm, Preview, remove, postComment, showLinked, extraMessages };
export type Extras = typeof extras;

registerExtras(extras);
