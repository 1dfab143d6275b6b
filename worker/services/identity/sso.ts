/**
 * The host site's SSO (issue 13, item 3): the site signs a short JWT for its signed-in reader, the widget
 * trades it here for a session. Verified with jose: HS256 with SSO_SECRET, or RS256/ES256 with the keys at
 * SSO_JWKS_URL — never both, and the accepted algorithms are fixed by the configured key, so neither
 * `alg: none` nor an HS256 token "signed" with a public key gets through. `exp` and `sub` are required,
 * `aud` must be SSO_AUDIENCE when it is set. The site vouches for the address: `email` counts as verified.
 * https://github.com/panva/jose/blob/main/docs/jwt/verify/functions/jwtVerify.md
 */
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import { cleanProfile } from '../../lib/identity-profile.ts';
import type { SsoConfig } from '../../lib/sign-in-config.ts';
import { startSession } from './sessions.ts';

/** The token did not verify: the route answers 401. */
export class SsoTokenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SsoTokenError';
  }
}

/** One remote key set per URL and isolate: jose caches the keys and refetches on an unknown `kid`. */
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

const keySet = (url: string) => {
  let set = keySets.get(url);
  if (!set) {
    set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000 });
    keySets.set(url, set);
  }
  return set;
};

/** Clock skew allowed on `exp`/`nbf` between the site's clock and Cloudflare's. */
const CLOCK_TOLERANCE_SECONDS = 30;

export const verifySsoToken = async (config: SsoConfig, token: string): Promise<JWTPayload> => {
  const options = {
    requiredClaims: ['exp', 'sub'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    ...(config.audience ? { audience: config.audience } : {}),
  };
  try {
    const { payload } =
      config.key.kind === 'secret'
        ? await jwtVerify(token, new TextEncoder().encode(config.key.secret), {
            ...options,
            algorithms: ['HS256'],
          })
        : await jwtVerify(token, keySet(config.key.url), { ...options, algorithms: ['RS256', 'ES256'] });
    if (typeof payload.sub !== 'string' || payload.sub === '')
      throw new SsoTokenError('sub must be a string');
    return payload;
  } catch (err) {
    if (err instanceof SsoTokenError) throw err;
    // A key set that cannot be fetched is the site's fault, not the reader's, but either way no session.
    const reason = err instanceof errors.JOSEError ? err.code : 'ERR_MALFORMED';
    throw new SsoTokenError(`the SSO token was refused (${reason})`, { cause: err });
  }
};

export const signInWithSso = async (db: D1Database, config: SsoConfig, token: string, now = new Date()) => {
  const claims = await verifySsoToken(config, token);
  const profile = cleanProfile({
    provider: 'sso',
    subject: claims.sub as string,
    names: [claims.name, claims.preferred_username],
    verifiedEmail: claims.email,
    avatarUrl: claims.picture,
  });
  return startSession(db, profile, now);
};
