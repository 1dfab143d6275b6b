/**
 * Live updates before the app (issue 15, with issue 17's live threads): where the deployment is live, the
 * server marks the thread's JSON island `data-live`, and the boot loads causerie-watch.<lang>.js, a small
 * part without Preact that follows the server-rendered view. When the reader asks to see new comments it
 * calls `wake`: the app comes and shows the thread fresh. When the app mounts, the boot stops the watch
 * first (embed.ts), and the app's own live part takes over.
 */
// What causerie-watch.<lang>.js registers, declared on `window` by its entry (src/watch.ts).
import type { Watch } from '../live/watch-view.ts';
import type { WidgetOptions } from '../options.ts';
import { loadScript } from './load-app.ts';

/** The watch parts being loaded by this copy of embed.js. */
const watching: Record<string, Promise<Watch>> = {};

/** Starts the watch where the island says live; pushes its stop onto `stops` (a missing part: no watch). */
export const watchThread = (
  element: Element,
  { origin, url, id, lang }: WidgetOptions,
  base: string,
  stops: (() => void)[],
  wake: () => void,
): void => {
  const island = element.querySelector<HTMLElement>('script[data-causerie-page][data-live]');
  const view = element.shadowRoot?.querySelector('[data-causerie-ssr]');
  if (island && view)
    loadScript(
      watching,
      lang,
      new URL(`causerie-watch.${lang}.js`, base).href,
      () => window.causerieWatch?.[lang],
    ).then(
      (watch) => {
        // `stops` is emptied when the app mounts: a part that arrives after it starts nothing.
        if (stops.length)
          stops.push(
            watch(view, { origin, url, id, lang }, () => {
              // The island's page is out of date: with its order unknown, the app adopts the view and
              // reloads the page at once (state/use-thread.ts loads when the given order is not the reader's).
              island.dataset.sort = '';
              wake();
            }),
          );
      },
      () => {}, // not deployed (or offline): the thread stays as it was rendered
    );
};
