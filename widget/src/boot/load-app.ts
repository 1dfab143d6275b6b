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

declare global {
  interface Window {
    /** Filled by causerie-app.<lang>.js when it runs, one entry per language it speaks. */
    causerieApps?: Record<string, AppModule>;
    /** The apps being loaded, shared by every copy of embed.js on the page. */
    causerieLoading?: Record<string, Promise<AppModule>>;
  }
}

/** `base`: the URL of embed.js, beside which the app files live. */
export const loadApp = (lang: string, base: string): Promise<AppModule> => {
  window.causerieLoading ??= {};
  const loading = window.causerieLoading;
  loading[lang] ??= new Promise<AppModule>((resolve, reject) => {
    const ready = () => window.causerieApps?.[lang];
    const app = ready();
    if (app) return resolve(app);
    const script = document.createElement('script');
    script.src = new URL(`causerie-app.${lang}.js`, base).href;
    script.onload = () => {
      const loaded = ready();
      if (loaded) resolve(loaded);
      else reject(new Error(script.src));
    };
    script.onerror = () => {
      delete loading[lang]; // a later mount may try again (flaky network)
      reject(new Error(`cannot load ${script.src}`));
    };
    document.head.append(script);
  });
  return loading[lang];
};
