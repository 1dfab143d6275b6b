/** The comment form, used for new comments and, inline under a comment, for replies. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Comment } from '../../../worker/types/api.ts';
import type { Extras } from '../extras.ts';
import type { FieldName } from '../i18n/messages.ts';
import { ErrorText, Lazy, loadExtras } from '../lazy.tsx';
import { useCommentForm } from '../state/use-comment-form.ts';
import type { Identity } from '../storage.ts';
import { Field } from './field.tsx';
import { _useUid } from './use-uid.ts';
import type { Widget } from './widget.ts';
import { withName } from './with-name.tsx';

export interface CommentFormProps {
  widget: Widget;
  parent?: Comment;
  _onPosted: (comment: Comment) => void;
  onCancel?: () => void;
}

/** 422 fields arrive as paths (`author.email`); the last segment names the control. */
const fieldOf = (path: string): string => path.slice(path.lastIndexOf('.') + 1);

export const CommentForm = ({ widget, parent, _onPosted, onCancel }: CommentFormProps) => {
  const { _options, t } = widget;
  const { m } = t;
  const form = useCommentForm({ _options, parentId: parent?.id ?? null, _onPosted });
  const id = _useUid();
  const honeypot = useRef<HTMLInputElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  // 0 while writing; each click on Preview counts up, so that it renders the text again.
  const [preview, setPreview] = useState(0);
  // The extras once the reader starts writing: they bring the challenge, if the site has one (issue 14).
  const [x, setX] = useState<Extras>();

  // A reply form opens where the reader clicked; take them straight to the text.
  useEffect(() => {
    if (parent) textarea.current?.focus();
  }, [parent]);

  // The fields the server refused (422), each with its message from the extras.
  const refused = new Set(form.error?.fields.map(({ field }) => fieldOf(field)));
  const fieldError = (name: FieldName) =>
    refused.has(name) && <Lazy t={t} render={(x) => x._extraMessages(t.lang)._fieldErrors[name]} />;

  const identityField = (
    name: keyof Identity,
    mode: 'text' | 'email' | 'url',
    autocomplete: string,
    hint?: string,
  ) => (
    <Field id={`${id}-${name}`} _label={m[name]} _hint={hint} error={fieldError(name)}>
      {(ids) => (
        <input
          {...ids}
          name={name}
          // type="text" with inputMode: the right phone keyboard, without the browser's own validation.
          type="text"
          inputMode={mode}
          autocomplete={autocomplete}
          value={form._identity[name]}
          onInput={(e) => form._setField(name, e.currentTarget.value)}
        />
      )}
    </Field>
  );

  const guest = (
    <div class="identity">
      {identityField('name', 'text', 'name')}
      {identityField('email', 'email', 'email', m._emailHint)}
      {identityField('website', 'url', 'url')}
    </div>
  );

  const headingId = `${id}-heading`;
  const Heading = parent ? 'h3' : 'h2';
  return (
    <form
      class="form"
      aria-labelledby={headingId}
      // Validation is the server's (one set of rules, messages in the widget's language, not the browser's).
      noValidate
      onFocusIn={() => x || loadExtras().then(setX, () => {})}
      onSubmit={(e) => {
        e.preventDefault();
        setPreview(0);
        form._submit(honeypot.current?.value ?? '');
      }}
    >
      <Heading id={headingId}>
        {parent ? withName(m._replyTo, parent.author?.name ?? m._deleted) : m._formHeading}
      </Heading>
      {/* Two toggle buttons rather than ARIA tabs: simpler to use and to announce, and no panel bookkeeping. */}
      <div class="switch">
        <button
          type="button"
          aria-pressed={!preview}
          onClick={() => {
            setPreview(0);
            setTimeout(() => textarea.current?.focus());
          }}
        >
          {m._write}
        </button>
        <button type="button" aria-pressed={!!preview} onClick={() => setPreview(preview + 1)}>
          {m._preview}
        </button>
      </div>
      {preview ? (
        <div class="preview" aria-live="polite">
          <Lazy key={preview} t={t} render={(x) => <x._Preview widget={widget} body={form.body} />} />
        </div>
      ) : (
        <Field id={`${id}-body`} _label={m.comment} _hint={m._commentHint} error={fieldError('body')}>
          {(ids) => (
            <textarea
              ref={textarea}
              {...ids}
              name="body"
              rows={parent ? 4 : 6}
              value={form.body}
              onInput={(e) => form._setBody(e.currentTarget.value)}
            />
          )}
        </Field>
      )}
      {widget._auth ? <widget._auth widget={widget} _guest={guest} /> : guest}
      {/* Honeypot: off-screen, out of the tab order and hidden from assistive technology; only bots fill it. */}
      <div class="hp" aria-hidden="true">
        <label>
          {m._honeypot}
          <input ref={honeypot} name="website2" type="text" tabIndex={-1} autocomplete="off" />
        </label>
      </div>
      {x && <x._Challenge widget={widget} _formKey={parent?.id ?? ''} />}
      {form.error && (
        <p class="error" role="alert">
          <ErrorText t={t} error={form.error} />
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={form._busy} aria-busy={form._busy}>
          {m._submit}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {m._cancel}
          </button>
        )}
      </div>
    </form>
  );
};
