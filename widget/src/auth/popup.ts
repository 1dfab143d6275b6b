/**
 * The sign-in popup (issue 13, item 4): a window on the worker's origin runs the provider's flow and ends
 * by posting `{ type: 'causerie:session', token }` (or `{ type: 'causerie:error', code }`) to its opener.
 * The worker posts only to the origin it was given, an allowed one; here a message counts only when it
 * comes from the worker's origin *and* from the very window we opened, so no other page or frame can hand
 * the widget a session. Shared by the reader's sign-in part and the admin page.
 * https://html.spec.whatwg.org/multipage/web-messaging.html#authors (check `origin`, and `source`)
 */

/** What the popup said: a session token, or why there is none (`popup_blocked`: it never opened). */
export type PopupResult = { token: string } | { code: string };

/** One attempt at a time per page: opening another popup stops listening for the previous one. */
let stop: (() => void) | undefined;

export const openSignIn = (origin: string, provider: string, win: Window = window): Promise<PopupResult> => {
  stop?.();
  const start = `${origin}/api/v1/auth/${encodeURIComponent(provider)}/start?origin=${encodeURIComponent(win.location.origin)}`;
  // Named, so a second click reuses the window instead of stacking popups; `popup` asks for a small one.
  const popup = win.open(start, 'causerie-sign-in', 'popup,width=520,height=640');
  if (!popup) return Promise.resolve({ code: 'popup_blocked' });
  return new Promise((resolve) => {
    const onMessage = ({ origin: from, source, data }: MessageEvent) => {
      if (from !== origin || source !== popup) return;
      const message = data as { type?: unknown; token?: unknown; code?: unknown } | null;
      if (message?.type === 'causerie:session' && typeof message.token === 'string') {
        stop?.();
        resolve({ token: message.token });
      } else if (message?.type === 'causerie:error') {
        stop?.();
        resolve({ code: typeof message.code === 'string' ? message.code : 'internal' });
      }
    };
    win.addEventListener('message', onMessage);
    // No polling of `popup.closed`: a provider's Cross-Origin-Opener-Policy can make it read true while the
    // flow goes on. A reader who closes the popup just clicks again.
    stop = () => {
      win.removeEventListener('message', onMessage);
      stop = undefined;
    };
  });
};
