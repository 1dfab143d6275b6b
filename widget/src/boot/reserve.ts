/**
 * Holds the thread's place before the app arrives, so nothing on the host page moves when it does (layout
 * shift: web.dev/articles/cls). The room is the height this thread last had on this device, else the
 * height of an empty thread (the count heading and the form). The style stays for the life of the mount:
 * as a `min-height` it never crops, and removing it could only make the page jump up.
 */
import { loadHeight } from '../storage.ts';

/** Marks the reserving `<style>`, which the app keeps when it takes over the shadow root. */
export const reserveMark = 'data-reserve';

/**
 * `:host` rules are `!important` because for the shadow host the page's own rules win otherwise, even a
 * hostile `* { all: unset }` or `div { display: none !important }` (css-cascade-5, "shadow context": the
 * inner context's important declarations win over the outer's). The `all: initial` cuts inheritance from
 * the page; custom properties are not part of `all`, so `--causerie-*` still come through. The default
 * heights fit the empty thread: form fields in one row on wide containers, stacked below 40em.
 */
export const reserveCss = (height: number): string =>
  `:host{all:initial!important;display:block!important;min-height:max(${height}px,var(--causerie-reserve,37em))!important}@media(max-width:40em){:host{--causerie-reserve:51em}}`;

/** Attaches the (open) shadow root and reserves the room; returns the root. */
export const reserve = (element: Element, thread: string): ShadowRoot => {
  // Called only where the container holds no server HTML (embed.ts): a thread the server rendered holds its
  // own room. Whatever else is in an existing root (someone else's markup) gives way.
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.setAttribute(reserveMark, '');
  style.textContent = reserveCss(loadHeight(thread));
  root.replaceChildren(style);
  return root;
};
