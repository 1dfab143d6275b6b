/**
 * The sign-in providers Causerie knows by name (issue 13, item 1): where each one's authorization and token
 * endpoints are, what to ask for, and how the client authenticates. Any other OpenID Connect provider is
 * configured by its issuer (`oidc`, found by discovery). Endpoints can be moved to another origin for tests
 * (`<PROVIDER>_API_URL`, lib/sign-in-config.ts); the paths stay those of the real provider.
 */

export type ProviderId = 'github' | 'google' | 'twitter' | 'facebook' | 'oidc';

export const PROVIDER_IDS: readonly ProviderId[] = ['github', 'google', 'twitter', 'facebook', 'oidc'];

/** Facebook's Graph API is versioned in the path; a version stays callable for about two years. */
export const FACEBOOK_GRAPH_VERSION = 'v25.0';

/** A plain OAuth 2.0 provider: fixed endpoints, the profile read from its own API afterwards. */
export interface OAuthEndpoints {
  kind: 'oauth2';
  name: string;
  authorize: string;
  token: string;
  scope: string;
  /** How the client secret travels to the token endpoint (RFC 6749 §2.3.1). */
  clientAuth: 'post' | 'basic';
}

/** An OpenID Connect provider: endpoints and keys found by discovery from the issuer. */
export interface OidcEndpoints {
  kind: 'oidc';
  name: string;
  issuer: string;
  scope: string;
}

export type ProviderEndpoints = OAuthEndpoints | OidcEndpoints;

export const CATALOG: Record<Exclude<ProviderId, 'oidc'>, ProviderEndpoints> = {
  // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps (PKCE S256 too)
  github: {
    kind: 'oauth2',
    name: 'GitHub',
    authorize: 'https://github.com/login/oauth/authorize',
    token: 'https://github.com/login/oauth/access_token',
    scope: 'read:user user:email',
    clientAuth: 'post',
  },
  google: {
    kind: 'oidc',
    name: 'Google',
    issuer: 'https://accounts.google.com',
    scope: 'openid email profile',
  },
  // https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code (PKCE required; a
  // confidential client authenticates with HTTP Basic). users.read needs tweet.read beside it.
  twitter: {
    kind: 'oauth2',
    name: 'X',
    authorize: 'https://x.com/i/oauth2/authorize',
    token: 'https://api.x.com/2/oauth2/token',
    scope: 'users.read tweet.read',
    clientAuth: 'basic',
  },
  // https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow
  facebook: {
    kind: 'oauth2',
    name: 'Facebook',
    authorize: `https://www.facebook.com/${FACEBOOK_GRAPH_VERSION}/dialog/oauth`,
    token: `https://graph.facebook.com/${FACEBOOK_GRAPH_VERSION}/oauth/access_token`,
    scope: 'public_profile email',
    clientAuth: 'post',
  },
};

/**
 * The same URL on another origin (a test server): `moveTo('https://github.com/login', 'http://127.0.0.1:9')`
 * is `http://127.0.0.1:9/login`. `base` null leaves the URL as it is.
 */
export const moveTo = (url: string, base: string | null): string => {
  if (!base) return url;
  const moved = new URL(url);
  const target = new URL(base);
  moved.protocol = target.protocol;
  moved.host = target.host;
  return moved.href;
};
