/** Editing one's own comment in place: its Markdown in a textarea, Save and Cancel. */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../api.ts';
import { useWidget } from './context.ts';

export interface EditFormProps {
  source: string;
  busy: boolean;
  error: ApiError | null;
  onSave: (body: string) => void;
  onCancel: () => void;
}

export const EditForm = ({ source, busy, error, onSave, onCancel }: EditFormProps) => {
  const { t } = useWidget();
  const [body, setBody] = useState(source);
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textarea.current?.focus(), []);
  return (
    <form
      class="form"
      aria-label={t.m.editHeading}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave(body);
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
          {t.m.errors[error.code]}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
          {t.m.save}
        </button>
        <button type="button" onClick={onCancel}>
          {t.m.cancel}
        </button>
      </div>
    </form>
  );
};
