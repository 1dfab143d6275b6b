/** The comment form, used for new comments and, inline under a comment, for replies. */
import { useEffect, useId, useRef } from 'preact/hooks';
import type { Comment } from '../../../worker/types/api.ts';
import type { FieldName } from '../i18n/messages.ts';
import { useCommentForm } from '../state/use-comment-form.ts';
import { usePreview } from '../state/use-preview.ts';
import type { Identity } from '../storage.ts';
import { useWidget } from './context.ts';
import { Field } from './field.tsx';

export interface CommentFormProps {
  parent?: Comment;
  onPosted: (comment: Comment) => void;
  onCancel?: () => void;
}

/** 422 fields arrive as paths (`author.email`); the last segment names the control. */
const fieldOf = (path: string): string => path.slice(path.lastIndexOf('.') + 1);

export const CommentForm = ({ parent, onPosted, onCancel }: CommentFormProps) => {
  const { api, options, t } = useWidget();
  const { m } = t;
  const form = useCommentForm({ api, options, parentId: parent?.id ?? null, onPosted });
  const id = useId();
  const honeypot = useRef<HTMLInputElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const preview = usePreview(api);

  // A reply form opens where the reader clicked; take them straight to the text.
  useEffect(() => {
    if (parent) textarea.current?.focus();
  }, [parent]);

  const fieldErrors: Partial<Record<FieldName, string>> = {};
  for (const { field } of form.error?.fields ?? []) {
    const name = fieldOf(field);
    if (name in m.fieldErrors) fieldErrors[name as FieldName] = m.fieldErrors[name as FieldName];
  }

  const identityField = (
    name: keyof Identity,
    mode: 'text' | 'email' | 'url',
    autocomplete: string,
    hint?: string,
  ) => (
    <Field id={`${id}-${name}`} label={m[name]} hint={hint} error={fieldErrors[name]}>
      {(ids) => (
        <input
          id={ids.id}
          name={name}
          // type="text" with inputMode: the right phone keyboard, without the browser's own validation.
          type="text"
          inputMode={mode}
          autocomplete={autocomplete}
          value={form.identity[name]}
          onInput={(e) => form.setField(name, e.currentTarget.value)}
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid || undefined}
        />
      )}
    </Field>
  );

  const headingId = `${id}-heading`;
  const Heading = parent ? 'h3' : 'h2';
  return (
    <form
      class="form"
      aria-labelledby={headingId}
      // Validation is the server's (one set of rules, messages in the widget's language, not the browser's).
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        preview.write();
        form.submit(honeypot.current?.value ?? '');
      }}
    >
      <Heading id={headingId}>
        {parent ? t.fill(m.replyTo, { name: parent.author?.name ?? m.deleted }) : m.formHeading}
      </Heading>
      {/* Two toggle buttons rather than ARIA tabs: simpler to use and to announce, and no panel bookkeeping. */}
      <div class="switch">
        <button
          type="button"
          aria-pressed={!preview.on}
          onClick={() => {
            preview.write();
            setTimeout(() => textarea.current?.focus());
          }}
        >
          {m.write}
        </button>
        <button
          type="button"
          aria-pressed={preview.on}
          aria-busy={preview.busy}
          onClick={() => preview.preview(form.body)}
        >
          {m.preview}
        </button>
      </div>
      {preview.on ? (
        <div class="preview" aria-live="polite">
          {preview.error ? (
            <p class="error">{m.errors[preview.error.code]}</p>
          ) : preview.busy ? (
            <p class="muted">{m.loadingMore}</p>
          ) : preview.html ? (
            // The server's rendering, safe by the same contract as a comment's HTML.
            <div class="body" dangerouslySetInnerHTML={{ __html: preview.html }} />
          ) : (
            <p class="muted">{m.previewEmpty}</p>
          )}
        </div>
      ) : (
        <Field id={`${id}-body`} label={m.comment} hint={m.commentHint} error={fieldErrors.body}>
          {(ids) => (
            <textarea
              ref={textarea}
              id={ids.id}
              name="body"
              rows={parent ? 4 : 6}
              value={form.body}
              onInput={(e) => form.setBody(e.currentTarget.value)}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid || undefined}
            />
          )}
        </Field>
      )}
      <div class="identity">
        {identityField('name', 'text', 'name')}
        {identityField('email', 'email', 'email', m.emailHint)}
        {identityField('website', 'url', 'url')}
      </div>
      {/* Honeypot: off-screen, out of the tab order and hidden from assistive technology; only bots fill it. */}
      <div class="hp" aria-hidden="true">
        <label>
          {m.honeypot}
          <input ref={honeypot} name="website2" type="text" tabIndex={-1} autocomplete="off" />
        </label>
      </div>
      {form.error && (
        <p class="error" role="alert">
          {m.errors[form.error.code]}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={form.busy} aria-busy={form.busy}>
          {m.submit}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {m.cancel}
          </button>
        )}
      </div>
    </form>
  );
};
