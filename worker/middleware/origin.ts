/**
 * Which pages may use the reader API: CORS for the allowed origins (and the worker's own), and the write
 * check that refuses a request whose `Origin` header is not one of them (API.md: 403 origin_not_allowed).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { isAllowedOrigin } from '../lib/origins.ts';

// An absent Origin header is never an allowed origin: answered before parsing the request's URL.
const allowed = (c: Context<AppEnv>, origin: string): boolean =>
  origin !== '' && isAllowedOrigin(origin, new URL(c.req.url).origin, c.get('settings'));

export const readerCors = (): MiddlewareHandler<AppEnv> =>
  cors({
    origin: (origin, c) => (allowed(c, origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization', 'X-D1-Bookmark'],
    // X-D1-Bookmark: the widget reads it from a write's answer and sends it with its next read (d1-session.ts).
    exposeHeaders: ['Retry-After', 'X-D1-Bookmark'],
    maxAge: 86_400,
  });

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Browsers always send `Origin` on cross-origin writes, so a foreign one is refused here; a request
 * without it (a script, curl) is still judged by the page URL it writes to.
 */
export const writeOrigin = (): MiddlewareHandler<AppEnv> =>
  async function writeOrigin(c, next) {
    const origin = c.req.header('Origin');
    if (!SAFE_METHODS.has(c.req.method) && origin !== undefined && !allowed(c, origin)) {
      throw new ApiError('origin_not_allowed', `origin ${origin} is not allowed to write here`);
    }
    await next();
  };
