/** Editing one's own comment in place, with the edit token kept when it was posted: Save and Cancel. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Comment } from '../../../worker/types/api.ts';
import { editComment } from '../api.ts';
import type { ApiError } from '../http.ts';
import { _extraMessages } from '../i18n/extra.ts';
import { replaceComment } from '../state/replace-comment.ts';
import { updateEditToken } from '../storage.ts';
import css from './form.css?inline';
import { _useUid } from './use-uid.ts';
import type { Widget } from './widget.ts';

export interface EditFormProps {
  widget: Widget;
  comment: Comment;
  _token: string;
  /** The Markdown the reader typed (the API only returns HTML). */
  _source: string;
  /** After Cancel, and after a successful save. */
  _onClose: () => void;
}

export const _EditForm = ({ widget, comment, _token, _source, _onClose }: EditFormProps) => {
  const { t, _options, _announce, _change } = widget;
  const m = _extraMessages(t.lang);
  const [body, setBody] = useState(_source);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const id = _useUid();
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textarea.current?.focus(), []);
  return (
    <form
      class="form"
      aria-label={m._editHeading}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (busy) return;
        setBusy(true);
        setError(null);
        const result = await editComment(_options.origin, comment.id, _token, body);
        setBusy(false);
        if (!result.ok) return setError(result.error);
        updateEditToken(comment.id, body);
        _onClose();
        _announce(m._saved);
        _change(replaceComment(comment.id, result.value.comment));
      }}
    >
      <style>{css}</style>
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
          {m._save}
        </button>
        <button type="button" onClick={_onClose}>
          {m._cancel}
        </button>
      </div>
    </form>
  );
};
