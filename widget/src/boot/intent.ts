/**
 * The app on intent (issue 15): a thread shown as server HTML needs no script to be read, so the app
 * (causerie-app.<lang>.js) loads only when the reader turns to it, or at once when something needs it
 * (embed.ts; here: a draft, an own comment). What the reader does before it is there is not lost: the last click on a button (Like,
 * Reply, Preview, "load more"…) is made again on the same node once the app has hydrated it, and what they
 * type in the form is saved as its draft, which the app's form takes.
 */
import type { WidgetOptions } from '../options.ts';
import { draftKey, loadDraft, loadEditToken, saveDraft } from '../storage.ts';

/**
 * What counts as intent: a press (mouse, pen or touch: pointer events cover all three, before `click`) or
 * the focus coming in (keyboard readers; a key press inside the thread needs the focus there first).
 * `input` only saves the text. No `pointerover`: the press already comes a moment before the click, which
 * is replayed anyway, and a hover would download the app for every desktop reader whose pointer crosses
 * a button while the wheel scrolls the page. Listened on the shadow root, where every event from inside
 * arrives with its real target.
 */
const intents = ['pointerdown', 'focusin', 'click', 'input'];

export interface Intent {
  stop: () => void;
  /** Once the app has hydrated: the click made before it, on the same (adopted) node; once. */
  replay: () => void;
}

/** Calls `wake` on the first sign of intent, and records what the reader does until `stop`. */
export const awaitIntent = (root: ShadowRoot, { id, url }: WidgetOptions, wake: () => void): Intent => {
  const draft = draftKey(id ?? url, null);
  let clicked: HTMLElement | null | undefined;
  const listener = (event: Event) => {
    const target = event.target as HTMLTextAreaElement;
    // The form's text (its only field before the app): saved as typed, as the app's form does.
    if (event.type === 'input') saveDraft(draft, { ...loadDraft(draft), body: target.value });
    if (event.type === 'click') {
      clicked = target.closest('button');
      // A button does nothing before the app anyway; links are never stopped (they work without it).
      if (clicked) event.preventDefault();
    }
    wake();
  };
  for (const type of intents) root.addEventListener(type, listener);
  return {
    stop: () => {
      for (const type of intents) root.removeEventListener(type, listener);
    },
    replay: () => {
      if (clicked?.isConnected) clicked.click();
      clicked = null;
    },
  };
};

/** A draft of this thread's form is waiting to go on: the app comes at once, with it in the form. */
export const hasDraft = ({ id, url }: WidgetOptions): boolean => !!loadDraft(draftKey(id ?? url, null))?.body;

/** One of the shown comments is this reader's, still editable: its Edit and Delete come with the app. */
export const ownComment = (root: ParentNode): boolean =>
  [...root.querySelectorAll<HTMLElement>('[data-comment-id]')].some((el) =>
    loadEditToken(el.dataset.commentId ?? ''),
  );
