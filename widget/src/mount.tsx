/**
 * Puts a thread inside an element's open Shadow DOM, with its styles, so the host page's CSS cannot reach
 * in and ours cannot leak out. Idempotent: mounting again on the same element re-renders in place.
 */
import { render } from 'preact';
import { reserveMark } from './boot/reserve.ts';
import { App } from './components/app.tsx';
import type { WidgetOptions } from './options.ts';
import { saveHeight } from './storage.ts';
// `?inline`: the CSS ships inside causerie-app.js as a string, one request fewer, injected into the shadow root.
import css from './styles.css?inline';

export interface MountHandle {
  unmount: () => void;
}

/**
 * The live mount, kept on the element itself rather than in a module-level map, so that even two copies
 * of the widget on one page see each other's mounts.
 */
type Host = Element & { causerie?: { handle: MountHandle; view: HTMLElement } };

export const mount = (element: Element, options: WidgetOptions): MountHandle => {
  const host = element as Host;
  let mounted = host.causerie;
  if (!mounted) {
    // An open root survives unmount (it cannot be detached), so a remount reuses it.
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = css;
    const view = document.createElement('div');
    // The boot script's reserved room stays (see boot/reserve.ts).
    root.replaceChildren(...root.querySelectorAll(`style[${reserveMark}]`), style, view);
    const handle: MountHandle = {
      unmount: () => {
        if (host.causerie?.handle !== handle) return; // already unmounted: harmless
        render(null, view); // runs effect cleanups: in-flight requests are aborted
        root.replaceChildren();
        delete host.causerie;
      },
    };
    mounted = { handle, view };
    host.causerie = mounted;
  }
  const thread = options.id ?? options.url;
  // Keyed by thread: a new page in a single-page app starts from a clean state, not the old thread's.
  render(
    <App key={thread} _options={options} _onReady={(view) => saveHeight(thread, view.offsetHeight)} />,
    mounted.view,
  );
  return mounted.handle;
};
