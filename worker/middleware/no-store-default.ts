/**
 * With Workers Cache on, a response without `Cache-Control` is not "uncached": Cloudflare gives it a
 * heuristic freshness (a 200 for two hours, a 404 for three minutes). So every answer that does not say
 * otherwise (errors, admin pages, the unsubscribe and confirm pages, writes) says `no-store`; the public
 * GETs set their own (lib/edge-cache-headers.ts).
 * https://developers.cloudflare.com/workers/cache/configuration/#cache-control-semantics
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';

export const noStoreByDefault = (): MiddlewareHandler<AppEnv> =>
  async function noStoreByDefault(c, next) {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  };
