/**
 * Brings the stored session in line with the server and the host page, once per page, deployment and SSO
 * token: the host's SSO token is exchanged for a session (issue 13, item 3) unless the stored one came from
 * it already; a stored SSO session goes when the host page no longer passes a token (its reader signed out
 * there); any other stored session is checked with `GET /me`, and a 401 forgets it.
 */
import { loadSession, saveSession } from '../storage.ts';
import { exchangeSso, getMe, logout } from './api.ts';

/** Enough of the token's signature to tell one token from another, and useless as a token. */
export const ssoTail = (token: string): string => token.slice(-16);

const syncs: Record<string, Promise<void>> = {};

const sync = async (origin: string, sso: string | undefined): Promise<void> => {
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
