/**
 * The sign-in calls (../shared/API.md, "Additions for the next capabilities"), shared by the reader's
 * sign-in part and the admin page. A session token travels as `Authorization: Bearer`, never a cookie.
 */
import type { OwnCommentPage, SessionUser } from '../../../worker/types/api.ts';
import { bearer, request, send } from '../http.ts';
import type { Me } from './config.ts';

/** For answers whose body does not matter (a 202, a 204, or some JSON): never a parse failure. */
const ignoreBody = async () => null;

export const getMe = (origin: string, token: string) =>
  request<Me>(`${origin}/api/v1/me`, { headers: bearer(token) });

/** The reader's own comments, newest first, 10 a page; `cursor`: the page before's `nextCursor`. */
export const getOwnComments = (origin: string, token: string, cursor: string | null) =>
  request<OwnCommentPage>(
    `${origin}/api/v1/me/comments?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    { headers: bearer(token) },
  );

/** Everything the account wrote (`AccountExport`), as the bytes of the file to save. */
export const exportAccount = (origin: string, token: string) =>
  request(`${origin}/api/v1/me/export`, { headers: bearer(token) }, (response) => response.blob());

/** Erases the account and its comments (GDPR art. 17); the token is dead afterwards. No body: no 415. */
export const eraseAccount = (origin: string, token: string) =>
  request(`${origin}/api/v1/me`, send('DELETE', undefined, token), ignoreBody);

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
