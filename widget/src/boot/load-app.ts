/**
 * Loads the app once per page and language, however many threads and copies of embed.js ask. The app is
 * built once per language (causerie-app.<lang>.js holds one catalog, not all: ~1 KB gzip less to download).
 */
import type { MountHandle } from '../mount.tsx';
import type { WidgetOptions } from '../options.ts';

export interface AppModule {
  mount: (element: Element, options: WidgetOptions) => MountHandle;
  /** What the app lends to its on-demand part (app.ts, lazy.tsx). */
  lib?: object;
}

/** What causerie-counts.<lang>.js registers (src/counts.ts). */
export type CountsModule = (doc: Document, origin: string) => Promise<void>;

declare global {
  interface Window {
    /** Filled by causerie-app.<lang>.js when it runs, one entry per language it speaks. */
    causerieApps?: Record<string, AppModule>;
    /** Filled by causerie-counts.<lang>.js when it runs: fills the page's count links in that language. */
    causerieCounts?: Record<string, CountsModule>;
    /** The apps being loaded, shared by every copy of embed.js on the page. */
    causerieLoading?: Record<string, Promise<AppModule>>;
  }
}

/**
 * Adds `src` to the page once per `key` of `loading` (a flaky network: tried again on the next call), and
 * resolves with what the script registered, read by `ready`.
 */
export const loadScript = <T>(
  loading: Record<string, Promise<T>>,
  key: string,
  src: string,
  ready: () => T | undefined,
): Promise<T> =>
  (loading[key] ??= new Promise<T>((resolve, reject) => {
    const done = ready();
    if (done) return resolve(done);
    const script = document.createElement('script');
    script.src = src;
    // One error for both (its message is the file): loaded but registering nothing, or not loaded.
    script.onload = script.onerror = () => {
      const loaded = ready();
      if (loaded) return resolve(loaded);
      delete loading[key]; // a later mount may try again (flaky network)
      reject(new Error(src));
    };
    document.head.append(script);
  }));

/** `base`: the URL of embed.js, beside which the app files live. */
export const loadApp = (lang: string, base: string): Promise<AppModule> => {
  window.causerieLoading ??= {};
  return loadScript(
    window.causerieLoading,
    lang,
    new URL(`causerie-app.${lang}.js`, base).href,
    () => window.causerieApps?.[lang],
  );
};
