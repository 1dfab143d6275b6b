/**
 * "Show more replies" under a root whose page carried only the first replies of its tree (`replies.more`,
 * API.md "GET /threads"). The fetching is in the extras (state/more-replies.ts), loaded on the first click,
 * so what every reader downloads stays within its budget. A failure shows the server's message and the
 * button turns into "Retry"; the button is never disabled, so the keyboard focus stays on it.
 */

import type { Comment } from '../../../worker/types/api.ts';
import { ErrorText } from '../lazy.tsx';
import { useAction } from './use-action.ts';
import type { Widget } from './widget.ts';

export const MoreReplies = ({ widget, _root }: { widget: Widget; _root: Comment }) => {
  const { t } = widget;
  const { m } = t;
  const [busy, error, run] = useAction();
  return (
    <p class="tools">
      <button
        type="button"
        class="link"
        aria-busy={busy}
        // The button goes with the tree's last replies: the extras move the focus on then.
        onClick={(event) => {
          const button = event.currentTarget;
          run((x) => x._moreReplies(widget, _root, button));
        }}
      >
        {busy ? m._loadingMore : error ? m._retry : m._moreReplies}
      </button>
      {error && (
        <span class="error" role="alert">
          <ErrorText t={t} error={error} />
        </span>
      )}
    </p>
  );
};
