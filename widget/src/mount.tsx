/**
 * Puts a thread inside an element's open Shadow DOM, with its styles, so the host page's CSS cannot reach
 * in and ours cannot leak out. Idempotent: mounting again on the same element re-renders in place. A
 * thread the server rendered into the element (GET /threads/html) is adopted, not replaced: its nodes stay,
 * Preact's `hydrate` only adds behaviour, and its JSON island is the first page (no second download).
 */
import { hydrate, render } from 'preact';
import type { SortOrder } from '../../worker/types/api.ts';
import { reserveMark } from './boot/reserve.ts';
import { adoptTemplate } from './boot/shadow.ts';
import { App } from './components/app.tsx';
import type { WidgetOptions } from './options.ts';
import type { GivenPage } from './state/use-thread.ts';
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
  let adopted: GivenPage | undefined;
  if (!mounted) {
    // An open root survives unmount (it cannot be detached), so a remount reuses it; a declarative one is
    // there from the start, and the server's HTML inserted as text (by the host, or by the boot: HTML first)
    // is moved into it.
    const root = adoptTemplate(element);
    // The server's view (GET /threads/html) and its first page, the light DOM's JSON island.
    const server = root.querySelector<HTMLElement>('[data-causerie-ssr]');
    const island = element.querySelector<HTMLScriptElement>('script[data-causerie-page]');
    try {
      if (server && island)
        adopted = { _page: JSON.parse(island.text), _sort: island.dataset.sort as SortOrder };
    } catch {
      // a damaged island: render from the API as if there were no server HTML
    }
    const style = document.createElement('style');
    style.textContent = css;
    const view = (adopted && server) || document.createElement('div');
    // The server's view stays in place, with its own styles: the form's room and the feed link's slot
    // inside it give way by CSS once the form is there (worker/services/render/thread-html.ts).
    if (adopted) view.before(style);
    // The boot script's reserved room stays (see boot/reserve.ts).
    else root.replaceChildren(...root.querySelectorAll(`style[${reserveMark}]`), style, view);
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
  (adopted ? hydrate : render)(
    <App
      key={thread}
      _options={options}
      _page={adopted}
      _onReady={(view) => saveHeight(thread, view.offsetHeight)}
    />,
    mounted.view,
  );
  return mounted.handle;
};
