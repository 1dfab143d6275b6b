/**
 * Refuses to serve any /api route while ADMIN_TOKEN or SECRET_KEY is unfit (services/deployment/secrets.ts): a 503
 * problem+json naming each setting, and a console.error line the owner sees in `wrangler tail`.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Settings } from '../env.ts';
import { ApiError } from '../errors.ts';
import { describeProblems, faultText, isLocalDev, secretProblems } from '../services/deployment/secrets.ts';

/**
 * Whether the settings' secrets are fit even for a public hostname: then no request needs its URL parsed
 * to know it may be served (a fixed cost of every request otherwise). Settings objects are kept per
 * isolate (middleware/settings.ts), so this is answered once per deployment.
 */
const fitEverywhere = new WeakMap<Settings, boolean>();
const isFitEverywhere = (settings: Settings): boolean => {
  let fit = fitEverywhere.get(settings);
  if (fit === undefined) {
    fit = secretProblems(settings, false).length === 0;
    fitEverywhere.set(settings, fit);
  }
  return fit;
};

export const requireSecrets = (): MiddlewareHandler<AppEnv> =>
  async function requireSecrets(c, next) {
    const settings = c.get('settings');
    if (isFitEverywhere(settings)) return next();
    const problems = secretProblems(settings, isLocalDev(new URL(c.req.url), c.env));
    if (problems.length > 0) {
      const detail = describeProblems(problems);
      console.error(`Causerie is not configured: ${detail}`);
      throw new ApiError('not_configured', detail, {
        errors: problems.map((p) => ({ field: p.name, message: faultText(p.fault) })),
        headers: { 'Retry-After': '300' },
      });
    }
    await next();
  };
