/**
 * The OAuth 2.0 / OpenID Connect metadata oauth4webapi works from, per provider: fixed endpoints for the
 * plain OAuth providers (lib/provider-catalog.ts), discovery from the issuer for OpenID Connect, kept per
 * isolate for an hour so a sign-in costs no extra request (and oauth4webapi's JWKS cache, which is keyed by
 * this object, lives as long). https://github.com/panva/oauth4webapi/blob/main/docs/functions/discoveryRequest.md
 */
import * as oauth from 'oauth4webapi';
import { moveTo } from '../../lib/provider-catalog.ts';
import type { ProviderConfig } from '../../lib/sign-in-config.ts';

const DISCOVERY_TTL_MS = 60 * 60 * 1000;

const discovered = new Map<string, { as: oauth.AuthorizationServer; until: number }>();

/**
 * oauth4webapi refuses plain http unless told: only a loopback test server gets that (lib/sign-in-config.ts
 * refuses http anywhere else).
 */
export const httpOptions = (provider: ProviderConfig): { [oauth.allowInsecureRequests]?: boolean } =>
  provider.insecure ? { [oauth.allowInsecureRequests]: true } : {};

export const authorizationServer = async (provider: ProviderConfig): Promise<oauth.AuthorizationServer> => {
  const endpoints = provider.endpoints;
  if (endpoints.kind === 'oauth2') {
    const authorize = moveTo(endpoints.authorize, provider.testBase);
    return {
      issuer: new URL(authorize).origin,
      authorization_endpoint: authorize,
      token_endpoint: moveTo(endpoints.token, provider.testBase),
    };
  }
  const cached = discovered.get(endpoints.issuer);
  if (cached && cached.until > Date.now()) return cached.as;
  const issuer = new URL(endpoints.issuer);
  const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...httpOptions(provider) });
  const as = await oauth.processDiscoveryResponse(issuer, response);
  discovered.set(endpoints.issuer, { as, until: Date.now() + DISCOVERY_TTL_MS });
  return as;
};

/**
 * How the client secret travels: the catalog says for the fixed providers; for OpenID Connect, HTTP Basic
 * (the spec's default) unless the provider lists only `client_secret_post`.
 */
export const clientAuth = (provider: ProviderConfig, as: oauth.AuthorizationServer): oauth.ClientAuth => {
  const endpoints = provider.endpoints;
  const methods = as.token_endpoint_auth_methods_supported;
  const post =
    endpoints.kind === 'oauth2'
      ? endpoints.clientAuth === 'post'
      : !!methods?.includes('client_secret_post') && !methods.includes('client_secret_basic');
  return post
    ? oauth.ClientSecretPost(provider.clientSecret)
    : oauth.ClientSecretBasic(provider.clientSecret);
};
