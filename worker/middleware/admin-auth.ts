/**
 * The admin API's door: every /api/v1/admin route needs `Authorization: Bearer <ADMIN_TOKEN>`, compared in
 * constant time, or the session of an account MODERATORS names (issue 13, item 6), so the admin page signs
 * in like a reader instead of holding the token. Anything else is a 401 with `WWW-Authenticate: Bearer`
 * (errors.ts adds the header); a live session of an account that is not staff is a 403 `forbidden`.
 * `c.get('staff')` then says who acts (the audit's `actor`) and with which role; `ownerOnly()` keeps the
 * owner's own settings from moderators (docs/api.md "Moderators").
 */
import type { MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { bearerToken } from '../lib/bearer.ts';
import { accountRole } from '../services/identity/account.ts';
import { ADMIN_ACTOR } from '../services/moderation/moderate.ts';

export const adminAuth = (): MiddlewareHandler<AppEnv> =>
  async function adminAuth(c, next) {
    // readerSession (mounted on /api/*) has resolved a `ses_…` bearer already, or answered 401 for a dead one.
    const reader = c.get('reader');
    if (reader) {
      const role = reader.user.banned_at ? null : await accountRole(c.env.DB, c.get('settings'), reader);
      if (!role) throw new ApiError('forbidden', 'this account is not one of the moderators (MODERATORS)');
      c.set('staff', { actor: `user:${reader.user.id}`, name: reader.user.name, role });
    } else {
      const expected = c.get('settings').adminToken;
      const given = bearerToken(c.req.header('Authorization'));
      // An unset ADMIN_TOKEN disables the token rather than letting an empty one in. timingSafeEqual
      // compares SHA-256 digests, so the time taken says nothing about the first differing byte.
      if (!expected || !given || !(await timingSafeEqual(given, expected))) {
        throw new ApiError(
          'unauthorized',
          'send the admin token as Authorization: Bearer <ADMIN_TOKEN>, or a moderator’s session',
        );
      }
      c.set('staff', { actor: ADMIN_ACTOR, name: null, role: 'owner' });
    }
    await next();
    // Personal data (e-mails, IP hashes) must never sit in a shared cache.
    c.header('Cache-Control', 'no-store');
  };

/** 403 `forbidden` unless the one acting is an owner (the token, or an account named `=owner`). */
export const ownerOnly = (): MiddlewareHandler<AppEnv> =>
  async function ownerOnly(c, next) {
    if (c.get('staff').role !== 'owner') {
      throw new ApiError('forbidden', 'only an owner may do this; a moderator may not');
    }
    await next();
  };
