/**
 * The comment form as every reader first gets it: its heading, the Write/Preview switch and the text, the
 * same elements as the full form's top (components/full-form.tsx, in the extras), with the saved draft in
 * it. The rest (the guest fields or the sign-in box, preview, posting) arrives with the extras the moment
 * the reader turns to the form, and takes its place with what they typed and the focus: nothing above the
 * text moves, what appears comes below it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Comment } from '../../../worker/types/api.ts';
import { loadExtras, parts } from '../lazy.tsx';
import { draftKey, loadDraft, saveDraft } from '../storage.ts';
import type { FullFormProps } from './full-form.tsx';
import { _useUid } from './use-uid.ts';
import type { Widget } from './widget.ts';
import { withName } from './with-name.tsx';

export interface CommentFormProps {
  widget: Widget;
  parent?: Comment;
  _onPosted: (comment: Comment) => void;
  onCancel?: () => void;
}

export const CommentForm = (props: CommentFormProps) => {
  const { widget, parent } = props;
  const { _options, t } = widget;
  const { m } = t;
  // Already in (a second form, or the tests): the full form at once.
  const [x, setX] = useState(parts.extras);
  // What the reader did here, for the full form: filled in by a click on Preview and at the handover.
  const seed = useRef<NonNullable<FullFormProps['_seed']>>({});
  const text = useRef<HTMLTextAreaElement>(null);
  const uid = _useUid();
  // The thread's own form has a fixed id (one per shadow root, so unique): the server renders it, and the
  // app hydrates it, whatever ids the page's counter has given out by then.
  const id = parent ? uid : 'cf';
  const key = draftKey(_options.id ?? _options.url, parent?.id ?? null);
  const load = () =>
    x ||
    loadExtras().then(
      (loaded) => {
        const area = text.current;
        // The focus goes over (what they typed is in the draft).
        if (area) seed.current.focus = (area.getRootNode() as Document).activeElement === area;
        setX(loaded);
      },
      () => {}, // offline: the form stays as it is; the next focus tries again
    );

  useEffect(() => {
    const area = text.current;
    if (!area) return;
    // Hydrated from the server's HTML (issue 15): the text typed before the app came stays (the boot saved
    // it as the draft), an empty one gets the saved draft, and a focus already in it loads the rest.
    if (!area.value) area.value = loadDraft(key)?.body ?? '';
    if ((area.getRootNode() as Document).activeElement === area) load();
  }, []);

  // A reply form opens on a click (and takes the focus, which loads the rest); sign-in replaces the guest fields.
  useEffect(() => {
    if (parent) text.current?.focus();
    else if (widget._auth) load();
  }, [widget._auth]);

  if (x) return <x._FullForm {...props} _seed={seed.current} />;
  const headingId = `${id}-heading`;
  const Heading = parent ? 'h3' : 'h2';
  return (
    <form class="form" aria-labelledby={headingId} onFocusIn={load} onPointerDown={load}>
      <Heading id={headingId}>
        {parent ? withName(m._replyTo, parent.author?.name ?? m._deleted) : m._formHeading}
      </Heading>
      <div class="switch">
        <button type="button" aria-pressed="true">
          {m._write}
        </button>
        <button type="button" aria-pressed="false" onClick={() => (seed.current._preview = true)}>
          {m._preview}
        </button>
      </div>
      <div class="field">
        <label for={id}>{m.comment}</label>
        <textarea
          ref={text}
          id={id}
          aria-describedby={`${id}-hint`}
          name="body"
          rows={parent ? 4 : 6}
          defaultValue={loadDraft(key)?.body}
          // Saved as typed, as the full form does: a reload before the extras are in keeps it too.
          onInput={(e) => {
            const body = e.currentTarget.value;
            saveDraft(key, body ? { ...loadDraft(key), body } : undefined);
          }}
        />
        <small id={`${id}-hint`} class="hint">
          {m._commentHint}
        </small>
      </div>
    </form>
  );
};
