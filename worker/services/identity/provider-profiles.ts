/**
 * Who signed in, as each provider tells it after the code exchange: OpenID Connect providers (Google, any
 * issuer) from the verified ID token's claims, completed from the UserInfo endpoint when the token lacks a
 * name or an address; GitHub, X and Facebook from their own APIs. Only an address the provider marks as
 * verified is kept (GitHub's `verified` primary address, OpenID's `email_verified: true`); X gives none and
 * Facebook's API does not say whether its address was confirmed, so neither gives one.
 */
import * as oauth from 'oauth4webapi';
import { type CleanProfile, cleanProfile } from '../../lib/identity-profile.ts';
import { FACEBOOK_GRAPH_VERSION, moveTo } from '../../lib/provider-catalog.ts';
import type { ProviderConfig } from '../../lib/sign-in-config.ts';
import { httpOptions } from './authorization-servers.ts';

/** The provider's API failed or answered something unusable: the popup says `provider_error`. */
export class ProviderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProviderError';
  }
}

const USER_AGENT = 'Causerie';

type Json = Record<string, unknown>;

const getJson = async (url: string, accessToken: string): Promise<unknown> => {
  // GitHub's REST API refuses requests without a User-Agent.
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json', 'User-Agent': USER_AGENT },
  });
  if (!response.ok) throw new ProviderError(`${new URL(url).pathname} answered ${response.status}`);
  return response.json();
};

const object = (value: unknown): Json => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ProviderError('the profile is not a JSON object');
  return value as Json;
};

const subjectOf = (value: unknown): string => {
  if ((typeof value === 'string' && value !== '') || typeof value === 'number') return String(value);
  throw new ProviderError('the profile has no id');
};

const github = async (provider: ProviderConfig, token: string): Promise<CleanProfile> => {
  const user = object(await getJson(moveTo('https://api.github.com/user', provider.testBase), token));
  const emails = await getJson(moveTo('https://api.github.com/user/emails', provider.testBase), token);
  const primary = Array.isArray(emails)
    ? (emails as Json[]).find((e) => e?.primary === true && e.verified === true)
    : undefined;
  return cleanProfile({
    provider: 'github',
    subject: subjectOf(user.id),
    names: [user.name, user.login],
    verifiedEmail: primary?.email,
    avatarUrl: user.avatar_url,
  });
};

const twitter = async (provider: ProviderConfig, token: string): Promise<CleanProfile> => {
  const url = moveTo('https://api.x.com/2/users/me?user.fields=profile_image_url', provider.testBase);
  const user = object(object(await getJson(url, token)).data);
  return cleanProfile({
    provider: 'twitter',
    subject: subjectOf(user.id),
    names: [user.name, user.username],
    verifiedEmail: null,
    avatarUrl: user.profile_image_url,
  });
};

const facebook = async (provider: ProviderConfig, token: string): Promise<CleanProfile> => {
  const base = `https://graph.facebook.com/${FACEBOOK_GRAPH_VERSION}/me?fields=id,name,picture`;
  const user = object(await getJson(moveTo(base, provider.testBase), token));
  const picture = (user.picture as { data?: Json } | undefined)?.data?.url;
  return cleanProfile({
    provider: 'facebook',
    subject: subjectOf(user.id),
    names: [user.name],
    verifiedEmail: null,
    avatarUrl: picture,
  });
};

const openId = async (
  provider: ProviderConfig,
  as: oauth.AuthorizationServer,
  client: oauth.Client,
  tokens: oauth.TokenEndpointResponse,
  claims: oauth.IDToken,
): Promise<CleanProfile> => {
  let info: Json = { ...claims };
  if ((!claims.name || !claims.email) && as.userinfo_endpoint) {
    try {
      const response = await oauth.userInfoRequest(as, client, tokens.access_token, httpOptions(provider));
      // processUserInfoResponse refuses an answer about another `sub` than the ID token's.
      info = { ...(await oauth.processUserInfoResponse(as, client, claims.sub, response)), ...claims };
    } catch (err) {
      throw new ProviderError('the UserInfo endpoint failed', { cause: err });
    }
  }
  return cleanProfile({
    provider: provider.id,
    subject: claims.sub,
    names: [info.name, info.preferred_username, info.nickname],
    verifiedEmail: info.email_verified === true ? info.email : null,
    avatarUrl: info.picture,
  });
};

export const fetchProfile = (
  provider: ProviderConfig,
  as: oauth.AuthorizationServer,
  client: oauth.Client,
  tokens: oauth.TokenEndpointResponse,
  claims: oauth.IDToken | undefined,
): Promise<CleanProfile> => {
  if (provider.endpoints.kind === 'oidc') {
    if (!claims) throw new ProviderError('the token endpoint returned no ID token');
    return openId(provider, as, client, tokens, claims);
  }
  if (provider.id === 'github') return github(provider, tokens.access_token);
  if (provider.id === 'twitter') return twitter(provider, tokens.access_token);
  return facebook(provider, tokens.access_token);
};
