/**
 * The next replies of one root's tree (GET /threads/replies, by the root's `replies.more` cursor), part of
 * the extras: appended to the thread's flat list, where each comes after its parent (the API sends them in
 * creation order, each after its parent), so the tree builds them in place.
 */
import type { Comment } from '../../../worker/types/api.ts';
import { getReplies } from '../api.ts';
import type { Widget } from '../components/widget.ts';
import type { ApiError } from '../http.ts';
import { _extraMessages } from '../i18n/extra.ts';
import { merge, type ThreadState } from './use-thread.ts';

/** The thread with `incoming` appended and the root's cursor moved on (gone at the end of its tree). */
export const appendReplies =
  (rootId: string, incoming: Comment[], more: string | null) =>
  (s: ThreadState): ThreadState =>
    // A late answer for a root that is no longer listed (the reader changed the order) is dropped.
    s.comments.some((c) => c.id === rootId)
      ? {
          ...s,
          comments: merge(
            s.comments.map((c) => {
              if (c.id !== rootId) return c;
              const { replies, ...root } = c;
              return more ? { ...root, replies: { more } } : root;
            }),
            incoming,
          ),
        }
      : s;

/**
 * Fetches and shows the next replies of `root`; says how many arrived, and when the tree is complete (the
 * button goes), moves the focus to the first of them rather than letting it fall to the page.
 */
export const _moreReplies = async (
  widget: Widget,
  root: Comment,
  button: HTMLElement,
): Promise<ApiError | null> => {
  const { _options, t } = widget;
  const { origin, url, id } = _options;
  const result = await getReplies(origin, { url, id, root: root.id, cursor: root.replies?.more });
  if (!result.ok) return result.error;
  const { comments, nextCursor } = result.value;
  // Taken now: once the button is gone it is in no tree any more.
  const scope = button.getRootNode() as Document | ShadowRoot;
  widget._change(appendReplies(root.id, comments, nextCursor));
  widget._announce(t._plural(_extraMessages(t.lang)._repliesAdded, comments.length));
  const first = comments[0];
  if (!nextCursor && first) setTimeout(() => scope.getElementById(`comment-${first.id}`)?.focus());
  return null;
};
