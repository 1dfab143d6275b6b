/**
 * The comment form's full machinery, in the extras: the guest fields (or the sign-in box), the preview, the
 * saved draft, the challenge and the posting, with the server's messages. The app shows the form's top
 * (components/comment-form.tsx) until the reader turns to it; this takes its place then, with what they
 * had typed and the focus where it was.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { _Challenge } from '../challenge/challenge.tsx';
import { _extraMessages } from '../i18n/extra.ts';
import { useCommentForm } from '../state/use-comment-form.ts';
import type { Identity } from '../storage.ts';
import type { CommentFormProps } from './comment-form.tsx';
import { Field } from './field.tsx';
import css from './form.css?inline';
import { _Preview } from './preview.tsx';
import { _useUid } from './use-uid.ts';
import { withName } from './with-name.tsx';

/** 422 fields arrive as paths (`author.email`); the last segment names the control. */
const fieldOf = (path: string): string => path.slice(path.lastIndexOf('.') + 1);

export interface FullFormProps extends CommentFormProps {
  /**
   * What the reader did in the app's form before this loaded (the text itself is in the draft it saved):
   * whether it had the focus, whether they clicked Preview.
   */
  _seed?: { focus?: boolean; _preview?: boolean };
}

export const _FullForm = ({ widget, parent, _onPosted, onCancel, _seed }: FullFormProps) => {
  const { _options, t } = widget;
  const { m } = t;
  const more = _extraMessages(t.lang);
  const form = useCommentForm({
    _options,
    parentId: parent?.id ?? null,
    _onPosted: (comment) => {
      // Taken now: a reply form is gone once the thread shows its reply.
      const scope = formEl.current?.getRootNode() as Document | undefined;
      _onPosted(comment);
      widget._announce(comment.status === 'pending' ? more._postedPending : more._posted);
      // After the thread's next render (Preact renders in a microtask): the reader lands on what they wrote.
      setTimeout(() =>
        scope?.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(comment.id)}"]`)?.focus(),
      );
    },
  });
  const id = _useUid();
  const formEl = useRef<HTMLFormElement>(null);
  const honeypot = useRef<HTMLInputElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  // 0 while writing; each click on Preview counts up, so that it renders the text again (the app's form
  // passes on a click it could not answer).
  const [preview, setPreview] = useState(_seed?._preview ? 1 : 0);
  // The challenge (issue 14), if the site has one, once the reader is in the form: not for a form only seen.
  const [writing, setWriting] = useState(false);

  // A reply form opens where the reader clicked, and the app's form hands over its focus: to the text.
  useEffect(() => {
    if (parent || _seed?.focus) textarea.current?.focus();
  }, [parent]);

  // The fields the server refused (422), each with its message.
  const refused = new Set(form.error?.fields.map(({ field }) => fieldOf(field)));
  const fieldError = (name: keyof typeof more._fieldErrors) => refused.has(name) && more._fieldErrors[name];

  const identityField = (
    name: keyof Identity,
    mode: 'text' | 'email' | 'url',
    autocomplete: string,
    hint?: string,
  ) => (
    <Field id={`${id}-${name}`} _label={more[name]} _hint={hint} error={fieldError(name)}>
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
      {identityField('email', 'email', 'email', more._emailHint)}
      {identityField('website', 'url', 'url')}
    </div>
  );

  const headingId = `${id}-heading`;
  const Heading = parent ? 'h3' : 'h2';
  const { error } = form;
  return (
    <form
      ref={formEl}
      class="form"
      aria-labelledby={headingId}
      // Validation is the server's (one set of rules, messages in the widget's language, not the browser's).
      noValidate
      onFocusIn={() => setWriting(true)}
      onSubmit={(e) => {
        e.preventDefault();
        setPreview(0);
        form._submit(honeypot.current?.value ?? '');
      }}
    >
      {/* The rules only the full form uses, with it rather than in the app's stylesheet (its bytes are budgeted). */}
      <style>{css}</style>
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
          <_Preview key={preview} widget={widget} body={form.body} />
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
          {more._honeypot}
          <input ref={honeypot} name="website2" type="text" tabIndex={-1} autocomplete="off" />
        </label>
      </div>
      {writing && <_Challenge widget={widget} _formKey={parent?.id ?? ''} />}
      {error && (
        <p class="error" role="alert">
          {error.code === 'network' ? m.errors.network : more.errors[error.code]}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={form._busy} aria-busy={form._busy}>
          {more._submit}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {more._cancel}
          </button>
        )}
      </div>
    </form>
  );
};
