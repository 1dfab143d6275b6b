/** Where the boot script puts the thread (DESIGN.md, "Embed contract": `data-target` and its defaults). */

/** Marks the container the boot script created, so running the same script twice does not add a second. */
const createdMark = 'data-causerie-container';

/**
 * `data-target`, else the first `[data-causerie]` element, else a new `<div>` right after the script
 * (reused if this script already made one). Null when `data-target` matches nothing: guessing another
 * place could put comments where the host did not want them.
 */
export const findContainer = (script: HTMLScriptElement, doc: Document): Element | null => {
  const selector = script.dataset.target?.trim();
  if (selector) {
    try {
      return doc.querySelector(selector);
    } catch {
      return null; // an invalid selector is a host typo; fail quietly rather than throw on their page
    }
  }
  const marked = doc.querySelector('[data-causerie]');
  if (marked) return marked;
  const next = script.nextElementSibling;
  if (next?.hasAttribute(createdMark)) return next;
  const div = doc.createElement('div');
  div.setAttribute(createdMark, '');
  script.after(div);
  return div;
};
