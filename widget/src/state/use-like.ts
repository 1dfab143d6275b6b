/**
 * A like button's behaviour, for a comment or for the page: the count from the server, the reader's own
 * state from localStorage (the API does not say what a reader liked), and an optimistic toggle.
 */

import { useState } from 'preact/hooks';
import type { Likes } from '../api.ts';
import type { ApiResult } from '../http.ts';
import { randomId } from '../random-id.ts';
import { isLiked, readerId, setLiked } from '../storage.ts';

/** `key`: the comment id, or `page:<thread>`; `send` calls the API with the reader id and the new state. */
export const useLike = (
  key: string,
  count: number,
  send: (reader: string, like: boolean) => Promise<ApiResult<Likes>>,
) => {
  const [state, setState] = useState(() => ({ liked: isLiked(key), likes: count, _busy: false }));
  const _toggle = async () => {
    if (state._busy) return;
    const like = !state.liked;
    // Optimistic: the heart answers at once; the server's answer (or the old state on failure) follows.
    setState({ liked: like, likes: Math.max(0, state.likes + (like ? 1 : -1)), _busy: true });
    // Remembered at once too: a reload before the server answers must not forget what the reader did.
    setLiked(key, like);
    const result = await send(readerId(randomId), like);
    const next = result.ok ? result.value : { liked: !like, likes: state.likes };
    setLiked(key, next.liked);
    setState({ ...next, _busy: false });
    return result;
  };
  return { ...state, _toggle };
};
