/**
 * A like button's state, for a comment or for the page: the count from the server, the reader's own
 * state from localStorage (the API does not say what a reader liked). The toggle itself is in the extras
 * (state/toggle-like.ts), loaded on the first click, as posting is: most readers never like anything, and
 * what every reader downloads stays within its budget (measured: 134 B gzip less in the Japanese app).
 */

import { useMemo, useState } from 'preact/hooks';
import type { Widget } from '../components/widget.ts';
import { loadExtras } from '../lazy.tsx';
import { isLiked } from '../storage.ts';

export interface LikeState {
  liked: boolean;
  likes: number;
  _busy: boolean;
}

/**
 * What a like is sent to (api.ts, `likeUrl`), and the body's page when it is the page's: the extras send
 * it (api.ts, `sendLike`), so the app carries no request of its own for likes.
 */
export interface LikeTarget {
  _url: string;
  _body: object;
}

/** `key`: the comment id, or `page:<thread>`. */
export const useLike = (key: string, count: number, target: LikeTarget, widget: Widget) => {
  const [state, setState] = useState<LikeState>(() => ({ liked: isLiked(key), likes: count, _busy: false }));
  // A count that changes from outside (the live part, issue 17) replaces the shown one, in place: this
  // render shows it, and the next toggle starts from it. (useMemo as "on change": the app has it already.)
  useMemo(() => {
    state.likes = count;
  }, [count]);
  const _toggle = async () => {
    if (state._busy) return;
    // Busy at once: a second click waits for this one, even while the extras load.
    setState({ ...state, _busy: true });
    // Extras that cannot load count as the network failing.
    return loadExtras().then(
      (x) => x._toggleLike(key, state, setState, target, widget),
      () => {
        setState(state);
        widget._announce(widget.t.m.errors.network);
      },
    );
  };
  return { ...state, _toggle };
};
