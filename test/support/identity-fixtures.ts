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
