/**
 * The entry of causerie-watch.<lang>.js: the live watch of a server-rendered thread (live/watch-view.ts),
 * for the reader who only reads, before (or without) the app (issues 15 and 17). Standalone: no Preact,
 * nothing borrowed from the app, which is not on the page yet. It only registers itself, once per
 * language it carries; the boot calls it with the view of the container's shadow root.
 */
import { liveLangs } from './live/i18n/index.ts';
import { type Watch, watch } from './live/watch-view.ts';

declare global {
  interface Window {
    /** Filled by causerie-watch.<lang>.js when it runs, one entry per language it speaks. */
    causerieWatch?: Record<string, Watch>;
  }
}

window.causerieWatch ??= {};
for (const lang of liveLangs()) window.causerieWatch[lang] = watch;
