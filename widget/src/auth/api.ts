/**
 * The sign-in calls (../shared/API.md, "Additions for the next capabilities"), shared by the reader's
 * sign-in part and the admin page. A session token travels as `Authorization: Bearer`, never a cookie.
 */
import type { SessionUser } from '../../../worker/types/api.ts';
import { bearer, request, send } from '../http.ts';
import type { Me } from './config.ts';

/** For answers whose body does not matter (a 202, a 204, or some JSON): never a parse failure. */
const ignoreBody = async () => null;

export const getMe = (origin: string, token: string) =>
  request<Me>(`${origin}/api/v1/me`, { headers: bearer(token) });

/** Revokes the session server-side. A write, so JSON like every other (the API's 415 CSRF guard). */
export const logout = (origin: string, token: string) =>
  request(`${origin}/api/v1/auth/logout`, send('POST', {}, token), ignoreBody);

/**
 * Asks for a magic link. `page`: the page the link brings the reader back to, with the session in the
 * fragment (sync-session.ts takes it); its origin goes as `origin`, which the worker checks.
 */
export const requestLink = (origin: string, email: string, page: Location) =>
  request(
    `${origin}/api/v1/auth/email`,
    send('POST', { email, origin: page.origin, url: page.href.split('#')[0] }),
    ignoreBody,
  );

/** `session`: the session token (a string; an object holding `token` is read too). */
export interface SsoAnswer {
  session: string | { token: string };
  user: SessionUser;
}

export const exchangeSso = (origin: string, token: string) =>
  request<SsoAnswer>(`${origin}/api/v1/auth/sso`, send('POST', { token }));
