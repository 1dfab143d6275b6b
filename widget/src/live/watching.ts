/**
 * The watching both live parts share (issue 17): the app's (follow.ts, on its Preact state) and the one of
 * a server-rendered thread the app has not taken yet (watch-view.ts, on the server's DOM). Connected while
 * the thread is on screen and the page is visible, disconnected once it has been out of sight for a while;
 * likes and removals applied at once, new comments (replies included) counted behind the "N new comments —
 * show" button until the reader asks. A `hello` counting more comments than the thread knows means events
 * were missed while away (a restart of the server's object, a network change): the button says so too.
 * What each event does to the thread is the part's own (`Shown`).
 */
import type { Comment, LiveEvent } from '../../../worker/types/api.ts';
import { createPill } from './pill.ts';
import { liveUrl, openLiveSocket } from './socket.ts';

/** Out of sight (scrolled away, another tab) this long, the socket closes; back in sight, it reopens. */
export const LINGER_MS = 30_000;

/** Which thread: as GET /live names it (`url`, and `id` where the page gives one). */
export interface LiveThread {
  origin: string;
  url?: string | null;
  id?: string;
}

/** What a part does with the news, on its own view of the thread. */
export interface Shown {
  /** Whether the thread shows this comment now. */
  _shows: (id: string) => boolean;
  /** How many comments the thread counts now (a `hello` above it means missed events). */
  _count: () => number;
  /** A new like count, of one comment (`id`) or of the page (`null`). */
  _like: (id: string | null, likes: number) => void;
  /** A comment deleted or moderated away. */
  _remove: (id: string) => void;
  /** A comment the thread shows, changed (an edit, a pin). */
  _changed: (comment: Comment) => void;
  /** The reader asked: the comments that waited, in the order heard, and whether some were missed. */
  _show: (waiting: Comment[], missed: boolean) => void;
  /** Says the button's new text in the thread's aria-live region. */
  _announce: (text: string) => void;
  /** Stopped (by `_stop`, or because the thread left the page): the part lets go of what it holds. */
  _stopped: () => void;
}

export interface Watching {
  /** Counts again (the part drew a waiting comment itself: the reader's own, heard before its answer). */
  _update: () => void;
  /** Closes the socket, removes the button and every listener. */
  _stop: () => void;
}

/**
 * Watches `root` (observed on screen; its leaving the page stops everything), with the button after
 * `anchor` in the same root.
 * @example watchLive(section, section.parentElement, options, 'fr', shown)
 */
export const watchLive = (
  root: Element,
  anchor: Element,
  { origin, url, id }: LiveThread,
  lang: string,
  shown: Shown,
): Watching => {
  const waiting = new Map<string, Comment>();
  let missed = 0;
  let visible = false;
  let linger: ReturnType<typeof setTimeout> | undefined;

  let said = '';
  const update = () => {
    for (const commentId of waiting.keys()) if (shown._shows(commentId)) waiting.delete(commentId);
    // Said once per new count (the aria-live region), not on every like.
    const text = pill._set(missed + waiting.size);
    if (text && text !== said) shown._announce(text);
    said = text;
  };

  const show = () => {
    const list = [...waiting.values()];
    const behind = missed > 0;
    missed = 0;
    waiting.clear();
    said = pill._set(0);
    shown._show(list, behind);
  };

  const onEvent = (event: LiveEvent) => {
    if (!root.isConnected) return stop();
    if (event.type === 'hello') {
      const behind = event.commentCount - shown._count() - waiting.size;
      if (behind > 0) missed = behind;
    } else if (event.type === 'like') {
      shown._like('id' in event ? event.id : null, event.likes);
    } else if (event.type === 'remove') {
      waiting.delete(event.id);
      shown._remove(event.id);
    } else if (shown._shows(event.comment.id)) {
      shown._changed(event.comment);
    } else if (!event.comment.editedAt || waiting.has(event.comment.id)) {
      // New to this page (an edit of a comment it never loaded, on a later page, is not news).
      waiting.set(event.comment.id, event.comment);
    }
    update();
  };

  const socket = openLiveSocket(liveUrl(origin, url, id), onEvent);
  const pill = createPill(anchor, lang, show);

  const want = () => {
    if (!root.isConnected) return stop();
    clearTimeout(linger);
    if (visible && document.visibilityState === 'visible') socket._want(true);
    else linger = setTimeout(() => socket._want(false), LINGER_MS);
  };

  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) visible = entry.isIntersecting;
    want();
  });
  const stop = () => {
    clearTimeout(linger);
    socket._stop();
    observer.disconnect();
    document.removeEventListener('visibilitychange', want);
    pill._remove();
    shown._stopped();
  };
  observer.observe(root);
  document.addEventListener('visibilitychange', want);
  return { _update: () => waiting.size && update(), _stop: stop };
};
