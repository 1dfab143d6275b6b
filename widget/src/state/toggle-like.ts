/**
 * Likes or unlikes, in the extras (see use-like.ts): optimistic, the heart answers at once and the
 * server's answer (or the old state on failure, said in the live region) follows.
 */
import { sendLike } from '../api.ts';
import type { Widget } from '../components/widget.ts';
import { _extraMessages } from '../i18n/extra.ts';
import { randomId } from '../random-id.ts';
import { readerId, setLiked } from '../storage.ts';
import type { LikeState, LikeTarget } from './use-like.ts';

export const _toggleLike = async (
  key: string,
  state: LikeState,
  setState: (next: LikeState) => void,
  { _url, _body }: LikeTarget,
  { t, _announce }: Widget,
) => {
  const like = !state.liked;
  setState({ liked: like, likes: Math.max(0, state.likes + (like ? 1 : -1)), _busy: true });
  // Remembered at once too: a reload before the server answers must not forget what the reader did.
  setLiked(key, like);
  const result = await sendLike(_url, _body, readerId(randomId), like);
  const next = result.ok ? result.value : { liked: !like, likes: state.likes };
  setLiked(key, next.liked);
  setState({ ...next, _busy: false });
  if (!result.ok) {
    const { code } = result.error;
    _announce(code === 'network' ? t.m.errors.network : _extraMessages(t.lang).errors[code]);
  }
};
