/** Reads the deployment's settings once per request and puts them on the context. */
import type { MiddlewareHandler } from 'hono';
import { type AppEnv, readSettings } from '../env.ts';

export const settings = (): MiddlewareHandler<AppEnv> =>
  async function settings(c, next) {
    c.set('settings', readSettings(c.env));
    await next();
  };
