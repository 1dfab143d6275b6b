// The test providers' clients and the profiles they sign in, shared by the servers (test/support/*) and
// the worker tests that drive them. No imports: the worker tests load this inside workerd.
// Letters only: oauth4webapi form-encodes the Basic credentials (RFC 6749 §2.3.1) and the mock server does not
// decode them, so a `-` would come back as `%2D` in the audience.
export const OIDC_CLIENT = { id: 'causerietest', secret: 'oidcsecret' };

export const OIDC_PROFILE = {
  name: 'Jeanne Martin',
  email: 'Jeanne@Example.org',
  picture: 'https://avatars.example/jeanne.png',
};

export const GITHUB_CLIENT = { id: 'gh-client', secret: 'gh-secret' };

export const GITHUB_USER = { id: 4242, login: 'octocamille', name: 'Camille Octo', avatar_url: null };

/** The vars of a worker whose readers may sign in with the test OpenID Connect provider ("Test IdP") from `origin`. */
export const oidcSignInVars = (issuer: string, origin: string): Record<string, string> => ({
  AUTH: 'optional',
  ALLOWED_ORIGINS: origin,
  OIDC_ISSUER: issuer,
  OIDC_CLIENT_ID: OIDC_CLIENT.id,
  OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
  OIDC_NAME: 'Test IdP',
});
