/**
 * The owner's door: every /api/v1/admin route needs `Authorization: Bearer <ADMIN_TOKEN>`, compared in
 * constant time; anything else is a 401 with `WWW-Authenticate: Bearer` (errors.ts adds the header).
 */
import type { MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { bearerToken } from '../lib/bearer.ts';

export const adminAuth = (): MiddlewareHandler<AppEnv> =>
  async function adminAuth(c, next) {
    const expected = c.get('settings').adminToken;
    const given = bearerToken(c.req.header('Authorization'));
    // An unset ADMIN_TOKEN disables the admin API rather than letting an empty token in. timingSafeEqual
    // compares SHA-256 digests, so the time taken says nothing about the first differing byte.
    if (!expected || !given || !(await timingSafeEqual(given, expected))) {
      throw new ApiError('unauthorized', 'send the admin token as Authorization: Bearer <ADMIN_TOKEN>');
    }
    await next();
    // Personal data (e-mails, IP hashes) must never sit in a shared cache.
    c.header('Cache-Control', 'no-store');
  };
