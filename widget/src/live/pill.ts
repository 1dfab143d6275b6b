/**
 * The "N new comments — show" button: outside the app's Preact tree (in the shadow root, after it), in a
 * sticky box of no height at the bottom of the thread, so that it floats over the thread while the thread
 * is on screen and appearing moves no line of text under the reader's eyes.
 */
import { plural } from '../i18n/plural.ts';
import { newCommentsText } from './i18n/index.ts';

// Its own small sheet: the app's variables are set on `.causerie`, which this box is not inside.
const CSS = `.live{position:sticky;bottom:0;height:0;display:flex;justify-content:center;z-index:1}
.live button{transform:translateY(calc(-100% - .75em));font:600 .9em/1.4 var(--causerie-font,system-ui,sans-serif);
padding:.45em 1.1em;border:0;border-radius:2em;cursor:pointer;color:#fff;background:var(--causerie-accent,#2271b1);
box-shadow:0 2px 8px #0004}.live button:focus-visible{outline:2px solid var(--causerie-accent,#2271b1);outline-offset:2px}
.live[hidden]{display:none}`;

export interface Pill {
  /** Shows the button with this count, or hides it at 0; answers the text shown ('' when hidden). */
  _set: (count: number) => string;
  _remove: () => void;
}

/** Adds the button after `view` (the app's container) in the same root; `onShow` runs on a click. */
export const createPill = (view: Element, lang: string, onShow: () => void): Pill => {
  const style = document.createElement('style');
  style.textContent = CSS;
  const box = document.createElement('div');
  box.className = 'live';
  box.hidden = true;
  const button = document.createElement('button');
  button.type = 'button';
  button.onclick = onShow;
  box.append(button);
  view.after(style, box);
  return {
    _set: (count) => {
      box.hidden = count === 0;
      button.textContent = count ? plural(lang, newCommentsText(lang), count) : '';
      return button.textContent;
    },
    _remove: () => {
      style.remove();
      box.remove();
    },
  };
};
