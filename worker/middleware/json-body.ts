/**
 * Writes must be JSON of bounded size: 415 otherwise (which also blocks cross-site HTML form posts, which
 * cannot send application/json without a CORS preflight), 413 past the limit.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export const DEFAULT_BODY_LIMIT = 64 * 1024;

export const requireJson = (): MiddlewareHandler<AppEnv> =>
  async function requireJson(c, next) {
    if (BODY_METHODS.has(c.req.method)) {
      const type = c.req.header('Content-Type') ?? '';
      if (!/^application\/json\s*(;|$)/i.test(type)) {
        throw new ApiError('unsupported_media_type', 'send the body as application/json');
      }
    }
    await next();
  };

export const limitBody = (maxSize = DEFAULT_BODY_LIMIT): MiddlewareHandler<AppEnv> =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError('payload_too_large', `the body must be at most ${maxSize} bytes`);
    },
  });
