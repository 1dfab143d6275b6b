/**
 * The app's on-demand parts, each loaded on first use so that the readers who never need it do not
 * download it: causerie-extras.<lang>.js (editing, deleting, previewing, the server's error messages) and
 * causerie-auth.<lang>.js (signing in: only where `GET /config` offers it, issue 13). Classic scripts like
 * the app, not `import()`: module scripts need CORS headers, and the widget's files are served to other
 * sites' pages.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ConfigWithAuth } from './auth/config.ts';
import type { AuthPart } from './auth.tsx';
import type { Extras } from './extras.ts';
import type { FollowPart } from './follow.ts';
import { type ApiError, request } from './http.ts';
import type { Translator } from './i18n/index.ts';
import type { LivePart } from './live.ts';
import type { OpenWebPart, OpenWebProps } from './open-web.tsx';

// Read at once: `currentScript` is the app's script only during its first run. Beside it, same query.
// `globalThis.`: the worker imports this module to render threads (src/ssr/), and it has no document.
const src = (globalThis.document?.currentScript as HTMLScriptElement | null | undefined)?.src;

interface Parts {
  extras?: Extras;
  auth?: AuthPart;
  live?: LivePart;
  follow?: FollowPart;
  openweb?: OpenWebPart;
}
/** The parts loaded so far: a component that finds its part already in renders it at once. */
export const parts: Parts = {};
const loading: { [K in keyof Parts]?: Promise<NonNullable<Parts[K]>> } = {};

/** Called by each part when it runs (in tests, by importing extras.ts or auth.tsx). */
export const _register = <K extends keyof Parts>(name: K, loaded: Parts[K]): void => {
  parts[name] = loaded;
};

/** Loads a part once; a failed load (flaky network) is tried again on the next use. */
const load = <K extends keyof Parts>(name: K): Promise<NonNullable<Parts[K]>> =>
  (loading[name] ??= new Promise((resolve, reject) => {
    if (parts[name]) return resolve(parts[name]);
    const script = document.createElement('script');
    script.src = src?.replace('-app.', `-${name}.`) ?? '';
    script.onload = () => (parts[name] ? resolve(parts[name]) : reject());
    script.onerror = () => {
      delete loading[name];
      reject();
    };
    document.head.append(script);
  }) as never);

export const loadExtras = (): Promise<Extras> => load('extras');

/** The feed link and "Follow this thread" (issue 17): causerie-follow.<lang>.js, once a thread shows. */
export const loadFollow = (): Promise<FollowPart> => load('follow');

/** The sign-in box bound to the deployment's `auth` settings: what the form shows instead of guest fields. */
export type Auth = ReturnType<AuthPart['_signIn']>;

const auths: Record<string, Promise<Auth | null>> = {};
// GET /config, once per page and deployment: sign-in and live updates both ask it.
const configs: Record<string, ReturnType<typeof request<ConfigWithAuth>>> = {};
const config = (origin: string) =>
  (configs[origin] ??= request<ConfigWithAuth>(`${origin}/api/v1/config`, {}));

/** The live part (issue 17) where `GET /config` says `live: true`; never rejects (no live, no error). */
export const loadLive = (origin: string): Promise<LivePart | undefined> =>
  config(origin)
    .then((result) => (result.ok && result.value.live ? load('live') : undefined))
    .catch(() => undefined);

/**
 * Whether this deployment offers sign-in (`GET /config`, once per page and deployment), and then the
 * sign-in part; null when it does not, or when either cannot be loaded: the form stays a guest's.
 */
export const loadAuth = (origin: string): Promise<Auth | null> =>
  (auths[origin] ??= config(origin).then((result) => {
    const config = result.ok && result.value.auth;
    return config && (config.providers[0] || config.sso)
      ? load('auth').then(
          (part) => part._signIn(config),
          () => null,
        )
      : null;
  }));

/**
 * What `render` makes of the extras once in: until then `_else` if given (also if they cannot load), else
 * "Loading…", then the network error if they fail.
 */
export const Lazy = ({
  t,
  render,
  _else,
}: {
  t: Translator;
  render: (extras: Extras) => ComponentChildren;
  _else?: ComponentChildren;
}) => {
  const { m } = t;
  // undefined: loading; null: failed.
  const [loaded, setLoaded] = useState<Extras | null | undefined>(parts.extras);
  useEffect(() => {
    if (!loaded) loadExtras().then(setLoaded, () => setLoaded(null));
  }, []);
  return loaded ? render(loaded) : (_else ?? (loaded === null ? m.errors.network : m._loadingMore));
};

/**
 * How a comment from the open web shows (issue 18: causerie-openweb.<lang>.js, loaded by the first such
 * comment a page renders), once loaded; nothing meanwhile, nor if it cannot load: the comment is there all
 * the same, unmarked. No render callback, the props go as they are: 52–57 B gzip in the app, not ~100.
 */
export const OpenWeb = (props: OpenWebProps) => {
  const [part, setPart] = useState(parts.openweb);
  useEffect(() => {
    if (!part) load('openweb').then(setPart, () => {});
  }, []);
  return part && <part._View {...props} />;
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
