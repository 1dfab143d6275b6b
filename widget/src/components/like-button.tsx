/** A heart with its count: `aria-pressed` says whether this reader likes it. */
import { type LikeTarget, useLike } from '../state/use-like.ts';
import type { Widget } from './widget.ts';

export interface LikeButtonProps {
  /** The comment id, or `page:<thread>`. */
  _likeKey: string;
  _count: number;
  /** What the button does; visible, or only for screen readers (`hidden`) beside a bare count. */
  _label: string;
  hidden?: boolean;
  /** The count as words beside the button ("12 people like this page"), instead of a bare number in it. */
  text?: (likes: number) => string;
  _target: LikeTarget;
  /** Whose live region says why a like failed. */
  widget: Widget;
}

export const LikeButton = ({ _likeKey, _count, _label, hidden, text, _target, widget }: LikeButtonProps) => {
  const like = useLike(_likeKey, _count, _target, widget);
  // The accessible name contains the visible text (WCAG 2.5.3 "label in name"); no aria-label.
  return (
    <span class="likes">
      <button
        type="button"
        class="like"
        aria-pressed={like.liked}
        aria-busy={like._busy}
        onClick={like._toggle}
      >
        {/* aria-hidden: a screen reader would read "white heart suit" */}
        <span aria-hidden="true">{like.liked ? '♥' : '♡'}</span>{' '}
        <span class={hidden ? 'sr-only' : undefined}>{_label}</span>
        {!text && ` ${like.likes}`}
      </button>
      {text && like.likes > 0 && <span class="muted">{text(like.likes)}</span>}
    </span>
  );
};
