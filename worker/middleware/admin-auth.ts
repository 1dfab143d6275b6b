/**
 * The owner's door: every /api/v1/admin route needs `Authorization: Bearer <ADMIN_TOKEN>`, compared in
 * constant time; anything else is a 401 with `WWW-Authenticate: Bearer` (errors.ts adds the header).
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';

const encoder = new TextEncoder();

/**
 * Compares digests rather than the strings, so the comparison takes the same time whatever the length or
 * the first differing byte of the guess (timingSafeEqual needs equal lengths).
 */
export const sameSecret = async (given: string, expected: string): Promise<boolean> => {
  const [a, b] = await Promise.all([
    crypto.subtle.digest('SHA-256', encoder.encode(given)),
    crypto.subtle.digest('SHA-256', encoder.encode(expected)),
  ]);
  return crypto.subtle.timingSafeEqual(a, b);
};

export const adminAuth = (): MiddlewareHandler<AppEnv> =>
  async function adminAuth(c, next) {
    const expected = c.get('settings').adminToken;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
    // An unset ADMIN_TOKEN disables the admin API rather than letting an empty token in.
    if (!expected || !match?.[1] || !(await sameSecret(match[1], expected))) {
      throw new ApiError('unauthorized', 'send the admin token as Authorization: Bearer <ADMIN_TOKEN>');
    }
    await next();
    // Personal data (e-mails, IP hashes) must never sit in a shared cache.
    c.header('Cache-Control', 'no-store');
  };
