/**
 * Follows one mounted thread live (issue 17), on the app's state: the watching itself (when to connect,
 * the button, the `hello` rule) is watching.ts, shared with the watch of a server-rendered thread; here is
 * what each event does to the app's thread: likes and removals through its `_change`, new comments added by
 * its own `add` once the reader asks, and a reload of the thread from the API where events were missed.
 */
import type { Comment } from '../../../worker/types/api.ts';
import type { Widget } from '../components/widget.ts';
import type { ThreadState } from '../state/use-thread.ts';
import { withChanged, withLikes, without } from './apply.ts';
import { type Watching, watchLive } from './watching.ts';

/** What the app hands over: its thread's element, its shared props, and its own way of adding a comment. */
export interface Follower {
  _widget: Widget;
  _add: (comment: Comment) => void;
  _reload: () => void;
}

const followed = new WeakMap<Element, Follower>();

/** The state as it is now: the updater returns it unchanged, so nothing re-renders. */
const peek = (widget: Widget): ThreadState => {
  let now: ThreadState | undefined;
  widget._change((s) => (now = s));
  return now as ThreadState;
};

/**
 * Starts following `root` (the app's `<section>`); called again for the same element (the thread reloaded,
 * the sort changed), it only takes the app's newer functions. Stops by itself once `root` leaves the page.
 * @example follow(root, widget, add, retry)
 */
export const follow = (root: Element, widget: Widget, add: Follower['_add'], reload: () => void): void => {
  const known = followed.get(root);
  const follower: Follower = { _widget: widget, _add: add, _reload: reload };
  followed.set(root, follower);
  if (known) return;

  const shows = (commentId: string) => peek(follower._widget).comments.some((c) => c.id === commentId);
  const change = (next: (s: ThreadState) => ThreadState) => follower._widget._change(next);

  const watching: Watching = watchLive(root, root.parentElement ?? root, widget._options, widget.t.lang, {
    _shows: shows,
    _count: () => peek(follower._widget).thread?.commentCount ?? 0,
    _like: (id, likes) => change(withLikes(id, likes)),
    _remove: (id) => change(without(id)),
    _changed: (comment) => change(withChanged(comment)),
    _show: (waiting, missed) => {
      if (missed) follower._reload();
      else for (const comment of waiting) if (!shows(comment.id)) follower._add(comment);
      // Focus moves to the first new comment once it is drawn: the reader asked to see it.
      requestAnimationFrame(() =>
        root.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(waiting[0]?.id ?? '')}"]`)?.focus(),
      );
    },
    _announce: (text) => follower._widget._announce(text),
    _stopped: () => {
      drawn.disconnect();
      followed.delete(root);
    },
  });

  // The reader's own comment can be heard before their POST's answer shows it: once it is drawn, the
  // button stops counting it.
  const drawn = new MutationObserver(() => watching._update());
  drawn.observe(root, { childList: true, subtree: true });
};
