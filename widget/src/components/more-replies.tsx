/**
 * "Show more replies" under a root whose page carried only the first replies of its tree (`replies.more`,
 * API.md "GET /threads"). The fetching is in the extras (state/more-replies.ts), loaded on the first click,
 * so what every reader downloads stays within its budget. A failure shows the server's message and the
 * button turns into "Retry"; the button is never disabled, so the keyboard focus stays on it.
 */
import { useState } from 'preact/hooks';
import type { Comment } from '../../../worker/types/api.ts';
import { type ApiError, offline } from '../http.ts';
import { ErrorText, loadExtras } from '../lazy.tsx';
import type { Widget } from './widget.ts';

export const MoreReplies = ({ widget, _root }: { widget: Widget; _root: Comment }) => {
  const { t } = widget;
  const { m } = t;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <p class="tools">
      <button
        type="button"
        class="link"
        aria-busy={busy}
        // The button goes with the tree's last replies: the extras move the focus on then.
        onClick={async (event) => {
          if (busy) return; // a second click while the first is on its way
          const button = event.currentTarget;
          setBusy(true);
          setError(null);
          // Extras that cannot load count as the network failing.
          setError(
            await loadExtras().then(
              (x) => x._moreReplies(widget, _root, button),
              () => offline,
            ),
          );
          setBusy(false);
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
