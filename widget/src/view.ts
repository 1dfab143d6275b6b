/**
 * The entry of causerie-view.js (issue 15): what a thread shown as server HTML does before the app, split
 * from embed.js to keep the boot within its 2 KB. embed.js asks for it when the thread nears the viewport,
 * in parallel with the thread's HTML (both one round trip), so it costs no round trip of its own; it has
 * no text and no Preact, so one file serves every language and stays cached across a site's pages.
 * It puts the HTML in the container, then loads the app at once for a reader who left a draft here or
 * wrote one of the comments (still editable), and otherwise waits for intent (boot/intent.ts) while the
 * live watch follows the thread (boot/watch.ts).
 */
import { awaitIntent, hasDraft, ownComment } from './boot/intent.ts';
import { showThreadHtml } from './boot/thread-html.ts';
import { watchThread } from './boot/watch.ts';
import type { WidgetOptions } from './options.ts';

/**
 * After the view is in: the app now (`wake`), or on intent. Pushes what to stop when the app mounts onto
 * `stops`, and returns what to replay once it has (the click made before it).
 */
const awaitApp = (
  element: Element,
  options: WidgetOptions,
  base: string,
  stops: (() => void)[],
  wake: () => void,
): (() => void) | undefined => {
  // `_show` has put the server's view in it.
  const root = element.shadowRoot as ShadowRoot;
  if (hasDraft(options) || ownComment(root)) {
    wake();
    return;
  }
  const intent = awaitIntent(root, options, wake);
  stops.push(intent.stop);
  watchThread(element, options, base, stops, wake);
  return intent.replay;
};

const view = { _show: showThreadHtml, _await: awaitApp };
export type ViewPart = typeof view;

declare global {
  interface Window {
    /** Filled by causerie-view.js when it runs. */
    causerieView?: ViewPart;
  }
}

window.causerieView = view;
