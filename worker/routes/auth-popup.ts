/**
 * The sign-in popup on the worker's origin (API.md: `GET /auth/:provider/start?origin=O` → the provider →
 * `GET /auth/:provider/callback`). Start refuses an origin that may not embed the widget (403) and an
 * unknown or disabled provider (404) as problem+json; the callback always answers the small page of
 * lib/popup-page.ts, which posts `causerie:session` or `causerie:error` to the opener at that origin.
 */
import { type Context, Hono } from 'hono';
import { type AppEnv, canonicalOrigin } from '../env.ts';
import { ApiError } from '../errors.ts';
import { randomSecret } from '../lib/opaque-token.ts';
import { isAllowedOrigin } from '../lib/origins.ts';
import { type PopupPage, popupCsp, popupHtml } from '../lib/popup-page.ts';
import type { ProviderConfig } from '../lib/sign-in-config.ts';
import * as z from '../lib/zod.ts';
import { validate } from '../middleware/validate.ts';
import { beginSignIn, callbackUrl, finishSignIn, SignInError } from '../services/identity/popup-sign-in.ts';
import { checkSignInRate } from '../services/identity/sign-in-guards.ts';
import type { SignInFailure } from '../types/api.ts';

const STATUS: Record<SignInFailure, PopupPage['status']> = {
  cancelled: 403,
  invalid_state: 400,
  expired: 400,
  provider_error: 400,
  invalid_token: 401,
};

/** The provider, when AUTH lets readers sign in and its client id and secret are set; else a 404. */
const enabledProvider = (c: Context<AppEnv>): ProviderConfig => {
  const settings = c.get('settings');
  const id = c.req.param('provider');
  const provider = settings.auth === 'off' ? undefined : settings.signIn.providers.find((p) => p.id === id);
  if (!provider) throw new ApiError('not_found', `no sign-in provider ${id} here`);
  return provider;
};

const popupResponse = (page: PopupPage): Response => {
  const nonce = randomSecret();
  return new Response(popupHtml(page, nonce), {
    status: page.status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': popupCsp(nonce),
      // The callback URL carries the code: no cache keeps the page, no Referer carries the URL away.
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
};

const failurePage = (err: SignInError): Response => {
  // For the owner (`wrangler tail`): what the provider or the token did; the reader sees only the code.
  console.warn(`sign-in failed (${err.code}): ${err.message}`, err.cause ?? '');
  return popupResponse({
    status: STATUS[err.code],
    targetOrigin: err.origin,
    message: { type: 'causerie:error', code: err.code },
  });
};

const startQuery = z.object({ origin: z.string().check(z.maxLength(2000)) });

export const authPopup = new Hono<AppEnv>()
  .get('/:provider/start', validate('query', startQuery), async (c) => {
    const provider = enabledProvider(c);
    const workerOrigin = new URL(c.req.url).origin;
    const origin = canonicalOrigin(c.req.valid('query').origin);
    if (!origin || !isAllowedOrigin(origin, workerOrigin, c.get('settings')))
      throw new ApiError('origin_not_allowed', 'the opener’s origin may not embed comments here');
    await checkSignInRate(c.env.DB, c.get('settings'), c.req.header('CF-Connecting-IP'));
    try {
      const authorizeUrl = await beginSignIn(c.env.DB, provider, {
        origin,
        redirectUri: callbackUrl(workerOrigin, provider),
      });
      return c.redirect(authorizeUrl, 302);
    } catch (err) {
      if (err instanceof SignInError) return failurePage(err);
      throw err;
    }
  })
  .get('/:provider/callback', async (c) => {
    const provider = enabledProvider(c);
    const currentUrl = new URL(c.req.url);
    try {
      const { origin, token } = await finishSignIn(c.env.DB, provider, {
        currentUrl,
        redirectUri: callbackUrl(currentUrl.origin, provider),
      });
      return popupResponse({
        status: 200,
        targetOrigin: origin,
        message: { type: 'causerie:session', token },
      });
    } catch (err) {
      if (err instanceof SignInError) return failurePage(err);
      throw err;
    }
  });
