/** Editing one's own comment in place, with the edit token kept when it was posted: Save and Cancel. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Comment } from '../../../worker/types/api.ts';
import { editComment } from '../api.ts';
import type { ApiError } from '../http.ts';
import { extraMessages } from '../i18n/extra.ts';
import { replaceComment } from '../state/replace-comment.ts';
import { updateEditToken } from '../storage.ts';
import { useUid } from './use-uid.ts';
import type { Widget } from './widget.ts';

export interface EditFormProps {
  widget: Widget;
  comment: Comment;
  token: string;
  /** The Markdown the reader typed (the API only returns HTML). */
  source: string;
  /** After Cancel, and after a successful save. */
  onClose: () => void;
}

export const EditForm = ({ widget, comment, token, source, onClose }: EditFormProps) => {
  const { t, options, announce, change } = widget;
  const m = extraMessages(t.lang);
  const [body, setBody] = useState(source);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const id = useUid();
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textarea.current?.focus(), []);
  return (
    <form
      class="form"
      aria-label={m.editHeading}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (busy) return;
        setBusy(true);
        setError(null);
        const result = await editComment(options.origin, comment.id, token, body);
        setBusy(false);
        if (!result.ok) return setError(result.error);
        updateEditToken(comment.id, body);
        onClose();
        announce(m.saved);
        change(replaceComment(comment.id, result.value.comment));
      }}
    >
      <label for={id}>{t.m.comment}</label>
      <textarea
        ref={textarea}
        id={id}
        rows={4}
        value={body}
        onInput={(e) => setBody(e.currentTarget.value)}
      />
      {error && (
        <p class="error" role="alert">
          {error.code === 'network' ? t.m.errors.network : m.errors[error.code]}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
          {m.save}
        </button>
        <button type="button" onClick={onClose}>
          {t.m.cancel}
        </button>
      </div>
    </form>
  );
};
