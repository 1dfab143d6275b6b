/**
 * Reads the deployment's settings once per request and puts them on the context: the wrangler vars, with
 * the owner's runtime overrides from KV in their place (services/settings/runtime-store.ts). A KV that
 * fails leaves the vars: settings never fail a request.
 */
import type { MiddlewareHandler } from 'hono';
import { type AppEnv, readSettings } from '../env.ts';
import { overridesAsVars } from '../lib/runtime-settings.ts';
import { readOverrides } from '../services/settings/runtime-store.ts';

export const settings = (): MiddlewareHandler<AppEnv> =>
  async function settings(c, next) {
    const overrides = await readOverrides(c.env.KV);
    c.set('settings', readSettings({ ...c.env, ...overridesAsVars(overrides) }));
    await next();
  };
