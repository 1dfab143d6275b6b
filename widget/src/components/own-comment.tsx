/**
 * One's own comment within its edit window, in the extras: its body with Edit and Delete beside the tools
 * every reader has, or the edit form in its place. Only a reader who posted it in the last minutes holds
 * its token (storage.ts), so every other reader's app carries none of this; comment-item.tsx shows the
 * plain comment until this is in.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Comment } from '../../../worker/types/api.ts';
import { deleteComment } from '../api.ts';
import type { ApiError } from '../http.ts';
import { _extraMessages } from '../i18n/extra.ts';
import { replaceComment } from '../state/replace-comment.ts';
import { type EditToken, updateEditToken } from '../storage.ts';
import { _EditForm } from './edit-form.tsx';
import type { Widget } from './widget.ts';

/** Deletes one's own comment once the reader confirms: undefined if they do not, else the failure or null. */
const remove = async (widget: Widget, id: string, token: string): Promise<ApiError | null | undefined> => {
  const m = _extraMessages(widget.t.lang);
  if (!confirm(m._confirmRemove)) return undefined;
  const result = await deleteComment(widget._options.origin, id, token);
  if (!result.ok) return result.error;
  updateEditToken(id, undefined); // of no further use
  widget._announce(m._removed);
  widget._change(replaceComment(id, null));
  return null;
};

export interface OwnCommentProps {
  widget: Widget;
  comment: Comment;
  _token: EditToken;
  /** The comment's body, as every reader sees it. */
  _body: ComponentChildren;
  /** The tools every reader has (like, reply). */
  _tools: ComponentChildren;
}

export const _OwnComment = ({ widget, comment, _token, _body, _tools }: OwnCommentProps) => {
  const { t } = widget;
  const { m } = t;
  const [editing, setEditing] = useState(false);
  // Of a delete: an edit's are the edit form's.
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  return editing ? (
    <_EditForm
      widget={widget}
      comment={comment}
      _token={_token.editToken}
      _source={_token.body ?? ''}
      _onClose={() => setEditing(false)}
    />
  ) : (
    <>
      {_body}
      <div class="tools">
        {_tools}
        <button type="button" class="link" onClick={() => setEditing(true)}>
          {m._edit}
        </button>
        <button
          type="button"
          class="link"
          disabled={busy}
          aria-busy={busy}
          onClick={async () => {
            if (busy) return; // a second click while the first is on its way
            setBusy(true);
            setError(null);
            const failure = await remove(widget, comment.id, _token.editToken);
            setBusy(false);
            setError(failure ?? null);
          }}
        >
          {m.remove}
        </button>
        {error && (
          <span class="error" role="alert">
            {error.code === 'network' ? m.errors.network : _extraMessages(t.lang).errors[error.code]}
          </span>
        )}
      </div>
    </>
  );
};
