/**
 * The entry of embed.js, the boot script (budget 2 KB gzip): reads its own `<script>` tag, reserves the
 * thread's room, has the page's comment counts filled (by causerie-counts.<lang>.js, loaded only on a page
 * that has count links), and when the thread nears the viewport puts it there as server HTML
 * (boot/thread-html.ts). The app (causerie-app.<lang>.js) comes only on the reader's intent, or at once
 * when something needs it (boot/intent.ts); until then, where the deployment is live, a small part without
 * Preact follows the thread (boot/watch.ts). Exposes `window.Causerie.mount` for single-page apps
 * (DESIGN.md, "Embed contract").
 * Defensive and idempotent: it never throws on the host page, and running it twice mounts nothing twice.
 */
import { findContainer } from './boot/find-container.ts';
import { type CountsModule, loadApp, loadScript } from './boot/load-app.ts';
import { reserve } from './boot/reserve.ts';
import { fetchThreadHtml, serverRendered } from './boot/thread-html.ts';
import { isNear, whenNear } from './boot/when-near.ts';
import type { MountHandle } from './mount.tsx';
import { type MountInput, resolveOptions, scriptInput, scriptOrigin, type WidgetOptions } from './options.ts';
import type { ViewPart } from './view.ts';

declare global {
  interface Window {
    Causerie?: { mount: (element: Element, options?: MountInput) => MountHandle };
  }
}

/** One element's mount, kept on the element so that every copy of embed.js sees it. */
interface Boot {
  options: WidgetOptions;
  handle: MountHandle;
  /** Set once the app has mounted. */
  app?: MountHandle;
  /** Loads and mounts the app: once, and again on a remount (which re-renders it in place). */
  _wake: () => void;
  /** What runs until the app is there (the watch for nearness, for intent, the live part): emptied then. */
  _stops: (() => void)[];
}
type Host = Element & { causerieBoot?: Boot };

const bootMount = (element: Element, options: WidgetOptions, base: string, eager: boolean): MountHandle => {
  const host = element as Host;
  const current = host.causerieBoot;
  if (current) {
    // Mounting again: same element, maybe another thread (a single-page app's next page): the app, now.
    current.options = options;
    current._wake();
    return current.handle;
  }
  // Settled once the server HTML is in the container (or could not be): the app waits for it, to adopt it.
  let shown: Promise<unknown> = Promise.resolve();
  let replay = () => {};
  let woken = 0;
  const stopAll = () => {
    for (const stop of boot._stops.splice(0)) stop();
  };
  const boot: Boot = {
    options,
    handle: {
      unmount: () => {
        if (host.causerieBoot !== boot) return; // already unmounted: harmless
        delete host.causerieBoot;
        stopAll();
        boot.app?.unmount();
        element.shadowRoot?.replaceChildren();
      },
    },
    _wake: () => {
      if (!woken++ || boot.app)
        Promise.all([loadApp(options.lang, base), shown.catch(() => {})]).then(
          ([app]) => {
            if (host.causerieBoot !== boot) return; // unmounted meanwhile
            stopAll();
            // Mounted again before the app came (a single-page app's next page): the server's view may be
            // another thread's, so the app renders from the API instead of adopting it.
            if (boot.options !== options) element.querySelector('script[data-causerie-page]')?.remove();
            boot.app = app.mount(element, boot.options);
            replay();
          },
          (error) => console.error('Causerie:', error),
        );
    },
    _stops: [],
  };
  host.causerieBoot = boot;
  const html = !serverRendered(element);
  if (html) reserve(element, options.id ?? options.url);
  const near = () => {
    // The thread's HTML and the view's part, both at once (one round trip); then the app comes on intent.
    shown = Promise.all([
      html && fetchThreadHtml(options),
      loadScript(viewing, '', new URL('causerie-view.js', base).href, () => window.causerieView),
    ]).then<unknown>(
      ([response, view]) =>
        host.causerieBoot === boot &&
        view._show(element, response).then(() => {
          if (!woken) replay = view._await(element, options, base, boot._stops, boot._wake) ?? replay;
        }),
    );
    // The app at once where it is needed whatever the reader does: `loading: 'eager'`, an SSO token to
    // exchange, the address pointing at a comment (the app scrolls to it). In parallel with the HTML: the
    // app mounts once it is in, and adopts it.
    if (eager || options.sso || location.hash.startsWith('#comment-')) boot._wake();
    // Not shown (offline, an old worker): the app with its own request, its retry and its messages.
    shown.catch(boot._wake);
  };
  // After reserve(): the room it keeps is the box isNear measures.
  if (eager || isNear(element)) near();
  else boot._stops.push(whenNear(element, near));
  return boot.handle;
};

// Must be read synchronously: `currentScript` is null once this first run of the script is over. The
// fallback covers a copy of the script executed some other way (it is then null from the start).
const script = (document.currentScript ??
  document.querySelector('script[src$="/embed.js"]')) as HTMLScriptElement | null;

/** The count scripts being loaded by this copy of embed.js (another copy fills the counts again). */
const counting: Record<string, Promise<CountsModule>> = {};
/** causerie-view.js, once (one file for every language). */
const viewing: Record<string, Promise<ViewPart>> = {};

if (script) {
  const origin = scriptOrigin(script, document);
  // A second copy of the script keeps the first one's API: same behaviour, one global.
  window.Causerie ??= {
    mount: (element, input = {}) =>
      bootMount(element, resolveOptions(input, document, origin), script.src, input.loading === 'eager'),
  };
  const api = window.Causerie;

  const boot = () => {
    try {
      const input = scriptInput(script);
      const container = findContainer(script, document);
      if (container) api.mount(container, input);
      // An async script can run before the parser reaches its `data-target`: try once more when it has.
      else if (document.readyState === 'loading')
        return document.addEventListener('DOMContentLoaded', boot, { once: true });
      // The same language as the thread's; the forms and the filling come on demand (src/counts.ts).
      if (document.querySelector('[data-causerie-count]')) {
        const { lang } = resolveOptions(input, document, origin);
        loadScript(
          counting,
          lang,
          new URL(`causerie-counts.${lang}.js`, script.src).href,
          () => window.causerieCounts?.[lang],
        ).then(
          (fill) => fill(document, origin),
          (error) => console.error('Causerie:', error),
        );
      }
    } catch (error) {
      console.error('Causerie:', error); // a broken widget must not break the host page
    }
  };
  boot();
}
