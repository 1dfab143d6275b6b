/**
 * A real OpenID Connect provider on 127.0.0.1 (npm oauth2-mock-server: discovery, JWKS, PKCE, RS256 ID
 * tokens) with consent given at once. A test picks what goes wrong by adding `scenario=…` to the authorize
 * URL it follows (the provider remembers it by the code it issues):
 * `unverified-email`, `expired`, `wrong-audience`, `wrong-issuer`, `wrong-nonce`, `forged` (the ID
 * token's claims changed after signing), `token-error` (the token
 * endpoint answers `invalid_grant`), `denied` (the reader refuses consent). No scenario: a good sign-in of
 * "Jeanne Martin", whose address the provider verified.
 */
import { OAuth2Server } from 'oauth2-mock-server';
import { OIDC_PROFILE } from './identity-fixtures.ts';

export const startOidcProvider = async (): Promise<{ server: OAuth2Server; issuer: string }> => {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  const scenarios = new Map<string, string>();
  const now = () => Math.floor(Date.now() / 1000);

  server.service.on('beforeAuthorizeRedirect', (redirect, req) => {
    const scenario = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('scenario') ?? '';
    const code = redirect.url.searchParams.get('code');
    if (scenario === 'denied') {
      redirect.url.searchParams.delete('code');
      redirect.url.searchParams.set('error', 'access_denied');
    } else if (code) scenarios.set(code, scenario);
  });

  server.service.on('beforeTokenSigning', (token, req) => {
    // The access token carries `scope`; the ID token is the one addressed to the client.
    if ('scope' in token.payload) return;
    const scenario = scenarios.get(String(req.body?.code)) ?? '';
    Object.assign(token.payload, { ...OIDC_PROFILE, email_verified: scenario !== 'unverified-email' });
    // Another account (the first one's verified address would stay on it: db/users.ts refreshUser).
    if (scenario === 'unverified-email') token.payload.sub = 'unverified-reader';
    if (scenario === 'expired') Object.assign(token.payload, { iat: now() - 7200, exp: now() - 3600 });
    if (scenario === 'wrong-audience') token.payload.aud = 'another-client';
    if (scenario === 'wrong-issuer') token.payload.iss = 'https://issuer.invalid';
    if (scenario === 'wrong-nonce') token.payload.nonce = 'not-the-nonce';
  });

  server.service.on('beforeResponse', (response, req) => {
    const code = String(req.body?.code);
    const scenario = scenarios.get(code) ?? '';
    scenarios.delete(code);
    const body = response.body as Record<string, unknown>;
    if (scenario === 'token-error') {
      response.statusCode = 400;
      response.body = { error: 'invalid_grant', error_description: 'the code was already used' };
    }
    if (scenario === 'forged' && typeof body.id_token === 'string') {
      // Another account's claims under the provider's real header and signature: a tampered token.
      const [header, payload, signature] = body.id_token.split('.');
      const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
      const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url');
      body.id_token = `${header}.${forged}.${signature}`;
    }
  });

  await server.start(0, '127.0.0.1');
  // The library names 127.0.0.1 "localhost"; keep the address it listens on (a browser may try ::1 first).
  const issuer = `http://127.0.0.1:${server.address().port}`;
  server.issuer.url = issuer;
  return { server, issuer };
};
