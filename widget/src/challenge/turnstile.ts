/**
 * The entry of causerie-challenge.js: Cloudflare Turnstile, explicitly rendered into a comment form
 * (https://developers.cloudflare.com/turnstile/get-started/client-side-rendering/). A chunk of its own,
 * without Preact and without language: only the forms of a site whose GET /config names a challenge load it
 * (challenge/challenge.tsx, in the extras), and it alone loads Cloudflare's `api.js?render=explicit` — the
 * one third-party request the widget can make (README "Privacy"). It registers `window.causerieChallenge`.
 */

/** The part of Turnstile's client API the form uses. */
export interface TurnstileApi {
  render(element: HTMLElement, params: Record<string, unknown>): string | undefined;
  reset(widgetId: string): void;
  remove(widgetId: string): void;
}

/** One form's challenge. */
export interface ChallengeHandle {
  /** The token once solved (at once if it is); `undefined` if none comes within WAIT_MS. */
  _token(): Promise<string | undefined>;
  /** A token verifies once: after each post, a new challenge. */
  _reset(): void;
  _remove(): void;
}

export interface ChallengeOptions {
  _siteKey: string;
  _lang: string;
  _theme: string;
}

export type MountChallenge = (box: HTMLElement, options: ChallengeOptions) => Promise<ChallengeHandle>;

declare global {
  interface Window {
    turnstile?: TurnstileApi;
    causerieChallenge?: MountChallenge;
  }
}

export const TURNSTILE_SCRIPT = 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit';
/** The worker checks the same action (worker/services/spam/turnstile.ts). */
const ACTION = 'comment';
/** How long a post waits for a challenge still being solved before it goes without a token (then 403). */
const WAIT_MS = 20_000;

let script: Promise<TurnstileApi> | undefined;

/** Cloudflare's script, once per page; a failed load is tried again by the next form. */
const loadTurnstile = (): Promise<TurnstileApi> =>
  (script ??= new Promise((resolve, reject) => {
    if (window.turnstile) return resolve(window.turnstile);
    const tag = document.createElement('script');
    tag.src = TURNSTILE_SCRIPT;
    tag.async = true;
    tag.onload = () => (window.turnstile ? resolve(window.turnstile) : reject());
    tag.onerror = () => {
      script = undefined;
      reject();
    };
    document.head.append(tag);
  }));

/** Renders a challenge into `box`; rejects when Cloudflare's script cannot be loaded. */
export const mountChallenge: MountChallenge = async (box, { _siteKey, _lang, _theme }) => {
  const api = await loadTurnstile();
  let token: string | undefined;
  const waiters: Array<(token: string) => void> = [];
  const settle = (next?: string) => {
    token = next;
    if (next) for (const waiter of waiters.splice(0)) waiter(next);
  };
  const id = api.render(box, {
    sitekey: _siteKey,
    action: ACTION,
    theme: _theme,
    language: _lang,
    // The token travels in the JSON body, not as a hidden form field.
    'response-field': false,
    callback: settle,
    'expired-callback': settle,
    'error-callback': settle,
  });
  return {
    _token: () =>
      token
        ? Promise.resolve(token)
        : new Promise((resolve) => {
            const timer = setTimeout(resolve, WAIT_MS);
            waiters.push((next) => {
              clearTimeout(timer);
              resolve(next);
            });
          }),
    _reset: () => {
      token = undefined;
      if (id) api.reset(id);
    },
    _remove: () => {
      if (id) api.remove(id);
    },
  };
};

window.causerieChallenge = mountChallenge;
