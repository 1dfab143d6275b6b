/**
 * The comment form's challenge, in the extras (issue 14): GET /config once per API origin, and only when
 * it names one, causerie-challenge.js (challenge/turnstile.ts, which loads Cloudflare's script) renders
 * it into the form. Each form (the page's, each reply's) has its own, keyed by the parent it answers; the
 * post reads its token (state/post-comment.ts) and resets it after.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { PublicConfig } from '../../../worker/types/api.ts';
import type { Widget } from '../components/widget.ts';
import type { ChallengeHandle, MountChallenge } from './turnstile.ts';

// Read at once: `currentScript` is the extras' script only during their first run. Beside it.
const chunk = (document.currentScript as HTMLScriptElement | null)?.src.replace(
  /causerie-extras\.[\w-]+\.js/,
  'causerie-challenge.js',
);

const configs = new Map<string, Promise<PublicConfig['challenge'] | undefined>>();
const slots = new Map<string, Promise<ChallengeHandle | undefined>>();
let loading: Promise<MountChallenge> | undefined;

/** The site's challenge; none when /config cannot be read (the server still decides: 403 if it wanted one). */
const challengeOf = (origin: string) => {
  let config = configs.get(origin);
  if (!config) {
    config = fetch(`${origin}/api/v1/config`)
      .then((res) => res.json() as Promise<PublicConfig>)
      .then(
        (c) => c.challenge,
        () => undefined,
      );
    configs.set(origin, config);
  }
  return config;
};

const loadChunk = (): Promise<MountChallenge> =>
  (loading ??= new Promise((resolve, reject) => {
    const ready = () => (window.causerieChallenge ? resolve(window.causerieChallenge) : reject());
    if (window.causerieChallenge) return ready();
    const tag = document.createElement('script');
    tag.src = chunk ?? '';
    tag.onload = ready;
    tag.onerror = () => {
      loading = undefined;
      reject();
    };
    document.head.append(tag);
  }));

/** An empty box until a challenge renders into it; nothing more on a site without one. */
export const _Challenge = ({ widget, _formKey }: { widget: Widget; _formKey: string }) => {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const { _options, t } = widget;
    const handle = challengeOf(_options.origin)
      .then((c) =>
        c
          ? loadChunk().then((mount) =>
              mount(box.current as HTMLElement, {
                _siteKey: c.siteKey,
                _lang: t.lang,
                _theme: _options.theme,
              }),
            )
          : undefined,
      )
      .catch(() => undefined);
    slots.set(_formKey, handle);
    return () => {
      if (slots.get(_formKey) === handle) slots.delete(_formKey);
      handle.then((h) => h?._remove());
    };
  }, []);
  return <div ref={box} class="challenge" />;
};

/**
 * The form's token for a post, once its challenge is solved. `undefined` at once (no promise) for a form
 * without one, so its post leaves in the same tick as the click.
 */
export const _challengeToken = (formKey: string): Promise<string | undefined> | undefined =>
  slots.get(formKey)?.then((h) => h?._token());

/** After a post: the token is spent either way. */
export const _resetChallenge = (formKey: string): void => {
  slots.get(formKey)?.then((h) => h?._reset());
};
