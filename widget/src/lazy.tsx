/**
 * The app's on-demand part (causerie-extras.<lang>.js: editing, deleting, previewing, the server's error
 * messages), loaded on first use so that the readers who never need it do not download it. A classic
 * script like the app, not `import()`: module scripts need CORS headers, and the widget's files are served
 * to other sites' pages.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Extras } from './extras.ts';
import type { ApiError } from './http.ts';
import type { Translator } from './i18n/index.ts';

// Read at once: `currentScript` is the app's script only during its first run. Beside it, same query.
const src = (document.currentScript as HTMLScriptElement | null)?.src.replace('-app.', '-extras.');

let extras: Extras | undefined;
let loading: Promise<Extras> | undefined;

/** Called by the extras when they run (in tests, by importing extras.ts). */
export const _registerExtras = (loaded: Extras): void => {
  extras = loaded;
};

/** Loads the extras once; a failed load (flaky network) is tried again on the next use. */
export const loadExtras = (): Promise<Extras> =>
  (loading ??= new Promise((resolve, reject) => {
    if (extras) return resolve(extras);
    const script = document.createElement('script');
    script.src = src ?? '';
    script.onload = () => (extras ? resolve(extras) : reject());
    script.onerror = () => {
      loading = undefined;
      reject();
    };
    document.head.append(script);
  }));

/** What `render` makes of the extras once in: "Loading…" until then, the network error if they fail. */
export const Lazy = ({ t, render }: { t: Translator; render: (extras: Extras) => ComponentChildren }) => {
  const { m } = t;
  // undefined: loading; null: failed.
  const [loaded, setLoaded] = useState<Extras | null | undefined>(extras);
  useEffect(() => {
    if (!loaded) loadExtras().then(setLoaded, () => setLoaded(null));
  }, []);
  return loaded ? render(loaded) : loaded === null ? m.errors.network : m._loadingMore;
};

/** The message of an error: `network` at once, the server's codes with the extras. */
export const ErrorText = ({ t, error }: { t: Translator; error: ApiError }) => {
  const { code } = error;
  return code === 'network' ? (
    t.m.errors.network
  ) : (
    <Lazy t={t} render={(x) => x._extraMessages(t.lang).errors[code]} />
  );
};

/** The same as a string, for the aria-live region. */
export const errorText = ({ m, lang }: Translator, code: ApiError['code']): Promise<string> =>
  code === 'network'
    ? Promise.resolve(m.errors.network)
    : loadExtras().then(
        (x) => x._extraMessages(lang).errors[code],
        () => m.errors.network,
      );
