/**
 * Brings the stored session in line with the server and the host page, once per page, deployment and SSO
 * token: a magic link's session handed back in the fragment is taken first; the host's SSO token is exchanged for a session (issue 13, item 3) unless the stored one came from
 * it already; a stored SSO session goes when the host page no longer passes a token (its reader signed out
 * there); any other stored session is checked with `GET /me`, and a 401 forgets it.
 */
import { loadSession, saveSession } from '../storage.ts';
import { exchangeSso, getMe, logout } from './api.ts';

/** Enough of the token's signature to tell one token from another, and useless as a token. */
export const ssoTail = (token: string): string => token.slice(-16);

const syncs: Record<string, Promise<void>> = {};

/**
 * The magic link's way back: the worker's verify page sends the browser to the page the reader asked from
 * with `#causerie-session=ses_…` (there is no opener to post to). Taken once, and the fragment removed at
 * once, so the token neither stays in the address bar nor goes into a bookmark or a shared link.
 */
const fragmentSession = (): string | undefined => {
  const token = /(?:^#|&)causerie-session=(ses_[\w-]{43})(?:&|$)/.exec(location.hash)?.[1];
  if (token) history.replaceState(history.state, '', location.href.split('#')[0]);
  return token;
};

/** A session token from a popup or a magic link: who it is, then kept (a refused one is dropped). */
export const adoptSession = async (origin: string, token: string) => {
  const me = await getMe(origin, token);
  if (me.ok) saveSession(origin, { token, user: me.value });
  return me;
};

const sync = async (origin: string, sso: string | undefined): Promise<void> => {
  const handedBack = fragmentSession();
  if (handedBack) {
    await adoptSession(origin, handedBack);
    return;
  }
  const stored = loadSession(origin);
  if (sso && stored?.sso !== ssoTail(sso)) {
    const answer = await exchangeSso(origin, sso);
    // A refused token (expired, forged, wrong audience) leaves the reader signed out; never an error shown:
    // the host page's token is the host's business, and the reader may still sign in or post as a guest.
    if (!answer.ok) return;
    if (stored) logout(origin, stored.token); // replaced: revoke it, best effort
    const { session, user } = answer.value;
    saveSession(origin, {
      token: typeof session === 'string' ? session : session.token,
      user,
      sso: ssoTail(sso),
    });
    return;
  }
  if (!stored) return;
  if (stored.sso && !sso) {
    saveSession(origin, undefined);
    logout(origin, stored.token);
    return;
  }
  const me = await getMe(origin, stored.token);
  // Re-read: a sign-out may have happened meanwhile.
  if (me.ok && loadSession(origin)?.token === stored.token)
    saveSession(origin, { ...stored, user: me.value });
  else if (!me.ok && me.error.code === 'unauthorized') saveSession(origin, undefined);
};

export const syncSession = (origin: string, sso: string | undefined): Promise<void> =>
  (syncs[`${origin} ${sso ?? ''}`] ??= sync(origin, sso));
