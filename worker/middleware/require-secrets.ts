/**
 * Refuses to serve any /api route while ADMIN_TOKEN or SECRET_KEY is unfit (services/deployment/secrets.ts): a 503
 * problem+json naming each setting, and a console.error line the owner sees in `wrangler tail`.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Settings } from '../env.ts';
import { ApiError } from '../errors.ts';
import {
  describeProblems,
  faultText,
  isLocalDev,
  type SecretProblem,
  secretProblems,
} from '../services/deployment/secrets.ts';

/**
 * What the settings' secrets lack, judged for a public hostname and for local development: settings
 * objects are kept per isolate (middleware/settings.ts), so this is answered once per deployment, and a
 * request whose secrets are fit even for a public hostname needs no URL parsed to know it may be served.
 * A deployment with short local secrets (`npm run dev`, the bench) still parses the URL, but no longer
 * judges the secrets anew each time.
 */
const judged = new WeakMap<Settings, { everywhere: SecretProblem[]; local: SecretProblem[] }>();
const judgedProblems = (settings: Settings) => {
  let problems = judged.get(settings);
  if (!problems) {
    problems = { everywhere: secretProblems(settings, false), local: secretProblems(settings, true) };
    judged.set(settings, problems);
  }
  return problems;
};

export const requireSecrets = (): MiddlewareHandler<AppEnv> =>
  async function requireSecrets(c, next) {
    const { everywhere, local } = judgedProblems(c.get('settings'));
    if (everywhere.length === 0) return next();
    const problems = isLocalDev(new URL(c.req.url), c.env) ? local : everywhere;
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
