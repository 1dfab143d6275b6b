/** The owner's inline reply under a comment (posted with `author.moderator: true`). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useAdmin } from '../context.ts';

interface Props {
  id: string;
  name: string;
  onSubmit: (body: string, name?: string) => Promise<boolean>;
  onClose: () => void;
}

export const ReplyForm = ({ id, name, onSubmit, onClose }: Props) => {
  const { t } = useAdmin();
  const [body, setBody] = useState('');
  const [author, setAuthor] = useState('');
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  // The owner just asked for this form: start in it.
  useEffect(() => field.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    const ok = await onSubmit(body, author.trim() || undefined);
    setBusy(false);
    if (ok) onClose();
  };

  return (
    <form
      class="reply-form"
      aria-label={t.replyHeading(name)}
      onSubmit={submit}
      // Shortcuts sleep while the owner types (use-shortcuts.ts): Escape here is the form's own way out.
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <div class="field">
        <label for={`reply-body-${id}`}>{t.replyBody}</label>
        <textarea
          id={`reply-body-${id}`}
          rows={4}
          required
          ref={field}
          value={body}
          onInput={(e) => setBody(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={`reply-name-${id}`}>{t.replyName}</label>
        <input id={`reply-name-${id}`} value={author} onInput={(e) => setAuthor(e.currentTarget.value)} />
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {t.replySubmit}
        </button>
        <button type="button" onClick={onClose}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
};
