/**
 * POST /api/v1/auth/sso `{ token }` → 200 `{ session, user }`: the host site's signed token for its reader
 * traded for a session (services/identity/sso.ts). 404 while SSO or sign-in is off; 401 for any token that
 * does not verify, whatever the reason (the reason goes to the owner's log, not to the caller).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import * as z from '../lib/zod.ts';
import { validate } from '../middleware/validate.ts';
import { checkSignInRate } from '../services/identity/sign-in-guards.ts';
import { SsoTokenError, signInWithSso } from '../services/identity/sso.ts';
import type { SsoSignIn } from '../types/api.ts';

/** A JWT with a few claims is a few hundred bytes; 8 KiB leaves room for a site's extra claims. */
const MAX_TOKEN_LENGTH = 8192;

const ssoBody = z.object({
  token: z.string().check(z.minLength(1, { error: 'is required' }), z.maxLength(MAX_TOKEN_LENGTH)),
});

export const authSso = new Hono<AppEnv>().post('/', validate('json', ssoBody), async (c) => {
  const settings = c.get('settings');
  const sso = settings.auth === 'off' ? null : settings.signIn.sso;
  if (!sso) throw new ApiError('not_found', 'SSO is not configured here');
  await checkSignInRate(c.env.DB, settings, c.req.header('CF-Connecting-IP'));
  try {
    const { token, user, expiresAt } = await signInWithSso(c.env.DB, sso, c.req.valid('json').token);
    const body: SsoSignIn = {
      session: { token, expiresAt },
      user: { id: user.id, name: user.name, email: user.email, provider: 'sso' },
    };
    return c.json(body, 200);
  } catch (err) {
    if (!(err instanceof SsoTokenError)) throw err;
    console.warn(`${err.message}:`, err.cause ?? '');
    throw new ApiError('unauthorized', 'the SSO token is invalid or expired');
  }
});
