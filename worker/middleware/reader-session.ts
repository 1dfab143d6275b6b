/**
 * Who is speaking (issue 13): a request whose `Authorization: Bearer` carries a session token (`ses_…`)
 * is a signed-in reader, `c.get('reader')`; any other request is a guest (`null`). An edit token in the same
 * header (`<expiry>.<mac>`) is left to the routes that take one. A session token that is unknown, expired or
 * revoked is a 401, so the widget forgets it and the reader can sign in again — never silently a guest.
 * Only requests that carry a session token cost a D1 read.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { bearerToken } from '../lib/bearer.ts';
import { SESSION_PREFIX } from '../lib/opaque-token.ts';
import { resolveSession } from '../services/identity/sessions.ts';

export const readerSession = (): MiddlewareHandler<AppEnv> =>
  async function readerSession(c, next) {
    const token = bearerToken(c.req.header('Authorization'));
    if (token?.startsWith(SESSION_PREFIX)) {
      const reader = await resolveSession(c.env.DB, token);
      if (!reader)
        throw new ApiError('unauthorized', 'the session has expired or was revoked; sign in again');
      c.set('reader', reader);
    } else {
      c.set('reader', null);
    }
    await next();
  };
