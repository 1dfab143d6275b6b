/**
 * Reads the sign-in configuration (API.md "Configuration names", identity): which providers are on (both
 * the client id and its secret set), the host site's SSO, and the test-only endpoint overrides. Pure: it
 * takes the vars as strings, so env.ts can call it and tests can reason about it without a worker.
 */
import { CATALOG, type ProviderEndpoints, type ProviderId } from './provider-catalog.ts';

export interface ProviderConfig {
  id: ProviderId;
  /** The button's label (OIDC_NAME for `oidc`). */
  name: string;
  clientId: string;
  clientSecret: string;
  endpoints: ProviderEndpoints;
  /**
   * `<PROVIDER>_API_URL`, for tests only: the origin every fixed endpoint of the provider (its API's too)
   * moves to; for Google, the issuer. `null` in production.
   */
  testBase: string | null;
  /** An endpoint is plain http on a loopback host (tests, local development): allowed, but only there. */
  insecure: boolean;
}

export type SsoKey = { kind: 'secret'; secret: string } | { kind: 'jwks'; url: string };

export interface SsoConfig {
  key: SsoKey;
  /** SSO_AUDIENCE: when set, a token's `aud` must name it. */
  audience: string | null;
}

export interface SignInSettings {
  /** The providers whose client id and secret are set, in a fixed order (the widget's buttons). */
  providers: ProviderConfig[];
  sso: SsoConfig | null;
  /** Half-done configuration, one sentence each, for the owner (`wrangler tail`, causerie doctor). */
  problems: string[];
}

type FixedPrefix = 'GITHUB' | 'GOOGLE' | 'TWITTER' | 'FACEBOOK';

/** The vars and secrets read here (wrangler.toml `[vars]`, `wrangler secret put`). */
export type SignInVars = {
  [K in `${FixedPrefix}_${'CLIENT_ID' | 'CLIENT_SECRET' | 'API_URL'}`]?: string;
} & {
  OIDC_ISSUER?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
  OIDC_NAME?: string;
  SSO_SECRET?: string;
  SSO_JWKS_URL?: string;
  SSO_AUDIENCE?: string;
};

/** What HS256 needs to resist guessing (RFC 7518 §3.2: a key at least as long as the hash, 32 bytes). */
export const MIN_SSO_SECRET_LENGTH = 32;

const LOOPBACK = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * An endpoint the worker may call: https anywhere, plain http only on a loopback host (a test server).
 * `null` for anything else, so a typo'd `http://` issuer never sends a client secret in clear.
 */
export const endpointSafety = (value: string): 'secure' | 'loopback' | null => {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return 'secure';
    return url.protocol === 'http:' && LOOPBACK.test(url.hostname) ? 'loopback' : null;
  } catch {
    return null;
  }
};

const text = (value: string | undefined): string => value?.trim() ?? '';

const FIXED: Array<Exclude<ProviderId, 'oidc'>> = ['github', 'google', 'twitter', 'facebook'];

const readFixed = (
  id: Exclude<ProviderId, 'oidc'>,
  vars: SignInVars,
  problems: string[],
): ProviderConfig | null => {
  const prefix = id.toUpperCase() as FixedPrefix;
  const clientId = text(vars[`${prefix}_CLIENT_ID`]);
  const clientSecret = text(vars[`${prefix}_CLIENT_SECRET`]);
  if (!clientId && !clientSecret) return null;
  if (!clientId || !clientSecret) {
    problems.push(`${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET must both be set: ${id} sign-in is off`);
    return null;
  }
  const override = text(vars[`${prefix}_API_URL`]);
  const safety = override ? endpointSafety(override) : 'secure';
  if (!safety) {
    problems.push(`${prefix}_API_URL must be https (or http on a loopback host): ${id} sign-in is off`);
    return null;
  }
  const catalog = CATALOG[id];
  const testBase = override ? new URL(override).origin : null;
  const endpoints =
    catalog.kind === 'oidc' && testBase ? { ...catalog, issuer: override.replace(/\/+$/, '') } : catalog;
  return {
    id,
    name: catalog.name,
    clientId,
    clientSecret,
    endpoints,
    testBase,
    insecure: safety === 'loopback',
  };
};

const readOidc = (vars: SignInVars, problems: string[]): ProviderConfig | null => {
  const issuer = text(vars.OIDC_ISSUER).replace(/\/+$/, '');
  const clientId = text(vars.OIDC_CLIENT_ID);
  const clientSecret = text(vars.OIDC_CLIENT_SECRET);
  if (!issuer && !clientId && !clientSecret) return null;
  if (!issuer || !clientId || !clientSecret) {
    problems.push(
      'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must all be set: OpenID sign-in is off',
    );
    return null;
  }
  const safety = endpointSafety(issuer);
  if (!safety) {
    problems.push('OIDC_ISSUER must be an https URL (or http on a loopback host): OpenID sign-in is off');
    return null;
  }
  return {
    id: 'oidc',
    name: text(vars.OIDC_NAME) || new URL(issuer).hostname,
    clientId,
    clientSecret,
    endpoints: { kind: 'oidc', name: 'OpenID Connect', issuer, scope: 'openid email profile' },
    testBase: null,
    insecure: safety === 'loopback',
  };
};

const readSso = (vars: SignInVars, problems: string[]): SsoConfig | null => {
  const jwksUrl = text(vars.SSO_JWKS_URL);
  const secret = text(vars.SSO_SECRET);
  const audience = text(vars.SSO_AUDIENCE) || null;
  if (jwksUrl) {
    if (!endpointSafety(jwksUrl)) {
      problems.push('SSO_JWKS_URL must be https (or http on a loopback host): SSO is off');
      return null;
    }
    // One key source only: an HS256 secret beside a JWKS would reopen the algorithm confusion the JWKS
    // closes (a token "signed" with a value that may be public).
    if (secret) problems.push('SSO_SECRET is ignored while SSO_JWKS_URL is set');
    return { key: { kind: 'jwks', url: jwksUrl }, audience };
  }
  if (!secret) return null;
  if (secret.length < MIN_SSO_SECRET_LENGTH)
    problems.push(
      `SSO_SECRET is shorter than ${MIN_SSO_SECRET_LENGTH} characters: use openssl rand -base64 32`,
    );
  return { key: { kind: 'secret', secret }, audience };
};

export const readSignIn = (vars: SignInVars): SignInSettings => {
  const problems: string[] = [];
  const providers = [...FIXED.map((id) => readFixed(id, vars, problems)), readOidc(vars, problems)].filter(
    (p): p is ProviderConfig => p !== null,
  );
  return { providers, sso: readSso(vars, problems), problems };
};
