/**
 * Follows one mounted thread live (issue 17): connected while the thread is on screen and the page is
 * visible, disconnected once it has been out of sight for a while, and every event applied the way that
 * moves nothing under the reader's eyes: likes and removals at once, new comments (replies included) counted
 * behind the "N new comments — show" button until the reader asks. A `hello` counting more comments than
 * the page knows means events were missed while away (a restart of the server's object, a network change):
 * the button then reloads the thread from the API.
 */
import type { Comment, LiveEvent, Thread } from '../../../worker/types/api.ts';
import type { Widget } from '../components/widget.ts';
import type { ThreadState } from '../state/use-thread.ts';
import { withChanged, withLikes, without } from './apply.ts';
import { createPill } from './pill.ts';
import { liveUrl, openLiveSocket } from './socket.ts';

/** Out of sight (scrolled away, another tab) this long, the socket closes; back in sight, it reopens. */
export const LINGER_MS = 30_000;

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

  const { origin, url, id } = widget._options;
  const waiting = new Map<string, Comment>();
  let missed = 0;
  let visible = false;
  let linger: ReturnType<typeof setTimeout> | undefined;

  const shows = (commentId: string) => peek(follower._widget).comments.some((c) => c.id === commentId);

  let said = '';
  const update = () => {
    for (const commentId of waiting.keys()) if (shows(commentId)) waiting.delete(commentId);
    // Said once per new count (the aria-live region), not on every like.
    const text = pill._set(missed + waiting.size);
    if (text && text !== said) follower._widget._announce(text);
    said = text;
  };

  const show = () => {
    const first = [...waiting.values()][0];
    if (missed) {
      missed = 0;
      waiting.clear();
      follower._reload();
    } else {
      for (const comment of waiting.values()) if (!shows(comment.id)) follower._add(comment);
      waiting.clear();
    }
    said = pill._set(0);
    // Focus moves to the first new comment once it is drawn: the reader asked to see it.
    requestAnimationFrame(() =>
      root.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(first?.id ?? '')}"]`)?.focus(),
    );
  };

  const onEvent = (event: LiveEvent) => {
    if (!root.isConnected) return stop();
    const change = follower._widget._change;
    if (event.type === 'hello') {
      const thread: Thread | null = peek(follower._widget).thread;
      const behind = event.commentCount - (thread?.commentCount ?? 0) - waiting.size;
      if (behind > 0) missed = behind;
    } else if (event.type === 'like') {
      change(withLikes('id' in event ? event.id : null, event.likes));
    } else if (event.type === 'remove') {
      waiting.delete(event.id);
      change(without(event.id));
    } else if (shows(event.comment.id)) {
      change(withChanged(event.comment));
    } else if (!event.comment.editedAt || waiting.has(event.comment.id)) {
      // New to this page (an edit of a comment it never loaded, on a later page, is not news).
      waiting.set(event.comment.id, event.comment);
    }
    update();
  };

  const socket = openLiveSocket(liveUrl(origin, url, id), onEvent);
  const pill = createPill(root.parentElement ?? root, widget.t.lang, show);

  const want = () => {
    if (!root.isConnected) return stop();
    clearTimeout(linger);
    if (visible && document.visibilityState === 'visible') socket._want(true);
    else linger = setTimeout(() => socket._want(false), LINGER_MS);
  };

  // The reader's own comment can be heard before their POST's answer shows it: once it is drawn, the
  // button stops counting it.
  const drawn = new MutationObserver(() => waiting.size && update());
  drawn.observe(root, { childList: true, subtree: true });

  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) visible = entry.isIntersecting;
    want();
  });
  const stop = () => {
    clearTimeout(linger);
    socket._stop();
    observer.disconnect();
    drawn.disconnect();
    document.removeEventListener('visibilitychange', want);
    pill._remove();
    followed.delete(root);
  };
  observer.observe(root);
  document.addEventListener('visibilitychange', want);
};
