/**
 * The entry of embed.js, the boot script (budget 2 KB gzip): reads its own `<script>` tag, reserves the
 * thread's room, has the page's comment counts filled (by causerie-counts.<lang>.js, loaded only on a page
 * that has count links), and loads the app (causerie-app.js) only when the thread comes near the viewport,
 * asking for the thread's first page at the same time (boot/prefetch.ts). Exposes `window.Causerie.mount`
 * for single-page apps (DESIGN.md, "Embed contract").
 * Defensive and idempotent: it never throws on the host page, and running it twice mounts nothing twice.
 */
import { findContainer } from './boot/find-container.ts';
import { type CountsModule, loadApp, loadScript } from './boot/load-app.ts';
import { prefetch, serverRendered } from './boot/prefetch.ts';
import { reserve } from './boot/reserve.ts';
import { whenNear } from './boot/when-near.ts';
import type { MountHandle } from './mount.tsx';
import { type MountInput, resolveOptions, scriptInput, scriptOrigin, type WidgetOptions } from './options.ts';

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
  stop: () => void;
}
type Host = Element & { causerieBoot?: Boot };

const bootMount = (element: Element, options: WidgetOptions, base: string, eager: boolean): MountHandle => {
  const host = element as Host;
  const current = host.causerieBoot;
  // Server HTML (GET /threads/html) holds the first page and its own room: nothing to fetch or reserve.
  const rendered = serverRendered(element);
  const start = () => {
    // The first page in parallel with the app, while the app is still to come: once it is on the page, it
    // asks at once itself, with the bookmark of any write it made. (Called only while mounted.) No
    // `<link rel=preload>` for the app: its script is added right here, where a hint would be, so a hint
    // would start nothing sooner, and one added earlier would download the app for readers who never
    // scroll to the thread (and the app is a classic script: `modulepreload` does not apply).
    const boot = host.causerieBoot as Boot;
    if (!rendered && !window.causerieApps?.[options.lang]) boot.options._first = prefetch(boot.options);
    return loadApp(options.lang, base).then(
      (app) => {
        const boot = host.causerieBoot;
        if (boot) boot.app = app.mount(element, boot.options); // re-renders in place when already mounted
      },
      (error) => console.error('Causerie:', error),
    );
  };
  if (current) {
    // Mounting again: same element, maybe another thread (a single-page app's next page).
    current.options = options;
    if (current.app) start();
    return current.handle;
  }
  if (!rendered) reserve(element, options.id ?? options.url);
  const boot: Boot = {
    options,
    handle: {
      unmount: () => {
        if (host.causerieBoot !== boot) return; // already unmounted: harmless
        delete host.causerieBoot;
        boot.stop();
        boot.app?.unmount();
        element.shadowRoot?.replaceChildren();
      },
    },
    stop: () => {},
  };
  host.causerieBoot = boot;
  if (eager) start();
  else boot.stop = whenNear(element, start);
  return boot.handle;
};

// Must be read synchronously: `currentScript` is null once this first run of the script is over. The
// fallback covers a copy of the script executed some other way (it is then null from the start).
const script = (document.currentScript ??
  document.querySelector('script[src$="/embed.js"]')) as HTMLScriptElement | null;

/** The count scripts being loaded by this copy of embed.js (another copy fills the counts again). */
const counting: Record<string, Promise<CountsModule>> = {};

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
