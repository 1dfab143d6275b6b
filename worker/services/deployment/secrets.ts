/**
 * The rule for ADMIN_TOKEN and SECRET_KEY (issue 11, item 8): outside local development a deployment must
 * not serve with a secret that is missing, shorter than 32 characters or one of the published examples —
 * the example admin token would give anyone the admin API, the example key would let anyone forge edit
 * tokens. Local development (a loopback hostname, or the worker tests' ALLOW_WEAK_SECRETS binding) accepts
 * short and example secrets, never missing ones: an empty SECRET_KEY would make every write fail.
 */

declare global {
  namespace Cloudflare {
    interface Env {
      /** Set only by the worker tests (vitest.config.ts), whose requests use a non-loopback hostname. */
      ALLOW_WEAK_SECRETS?: string;
    }
  }
}

/** 32 characters: what `openssl rand -base64 24` prints; `npm run dev` generates secrets of that length. */
export const MIN_SECRET_LENGTH = 32;

/** Values published in this repository's files and docs, past and present: never secret. */
const KNOWN_EXAMPLES: ReadonlySet<string> = new Set([
  'example-admin-token',
  'example-secret-key',
  'example-webhook-secret',
  'example-email-api-key',
  'change-me',
  'changeme',
  'secret',
]);

export type SecretName = 'ADMIN_TOKEN' | 'SECRET_KEY';
export type SecretFault = 'missing' | 'too_short' | 'example';

export interface SecretProblem {
  name: SecretName;
  fault: SecretFault;
}

const FAULT_TEXT: Record<SecretFault, string> = {
  missing: 'is not set',
  too_short: `is shorter than ${MIN_SECRET_LENGTH} characters`,
  example: 'is a published example value',
};

/** What is wrong with one secret, or `null` when it is fit for production. */
export const secretFault = (value: string | undefined): SecretFault | null => {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) return 'missing';
  if (KNOWN_EXAMPLES.has(trimmed.toLowerCase())) return 'example';
  if (trimmed.length < MIN_SECRET_LENGTH) return 'too_short';
  return null;
};

const LOOPBACK = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Local development: the request reached a loopback hostname (`npm run dev`, the end-to-end tests — a
 * deployed worker is only ever reached through a public hostname), or the worker tests said so.
 */
export const isLocalDev = (url: URL, env: Cloudflare.Env): boolean =>
  LOOPBACK.test(url.hostname) || env.ALLOW_WEAK_SECRETS === 'true';

/** The secrets that stop this request from being served, in a fixed order (ADMIN_TOKEN first). */
export const secretProblems = (
  secrets: { adminToken: string; secretKey: string },
  localDev: boolean,
): SecretProblem[] => {
  const found: SecretProblem[] = [];
  const check = (name: SecretName, value: string) => {
    const fault = secretFault(value);
    if (fault && (fault === 'missing' || !localDev)) found.push({ name, fault });
  };
  check('ADMIN_TOKEN', secrets.adminToken);
  check('SECRET_KEY', secrets.secretKey);
  return found;
};

/** One sentence per problem, and how to fix it, for the 503's `detail` and the `wrangler tail` line. */
export const describeProblems = (problems: SecretProblem[]): string =>
  `${problems.map((p) => `${p.name} ${FAULT_TEXT[p.fault]}`).join('; ')}. Set ${
    problems.length > 1 ? 'each' : 'it'
  } to a random value of at least ${MIN_SECRET_LENGTH} characters: npx wrangler secret put ${problems
    .map((p) => p.name)
    .join(' / ')} (e.g. the output of openssl rand -base64 32).`;

export const faultText = (fault: SecretFault): string => FAULT_TEXT[fault];
