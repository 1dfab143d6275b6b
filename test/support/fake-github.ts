/**
 * A small but real HTTP stand-in for GitHub's OAuth app protocol, on 127.0.0.1, for the worker tests:
 * `/login/oauth/authorize` (redirects back with a code, keeping the PKCE challenge), the token endpoint
 * (checks the client secret and the PKCE verifier; answers errors with status 200 as GitHub does), `/user`
 * and `/user/emails` behind the access token.
 * https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { GITHUB_CLIENT, GITHUB_USER } from './identity-fixtures.ts';

const readBody = async (req: IncomingMessage): Promise<string> => {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
};

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
};

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export const startFakeGitHub = async (): Promise<{ server: Server; url: string }> => {
  const codes = new Map<string, { challenge: string; emails: string }>();
  const tokens = new Map<string, string>();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/login/oauth/authorize') {
      const redirect = new URL(url.searchParams.get('redirect_uri') ?? '');
      if (url.searchParams.get('code_challenge_method') !== 'S256') return json(res, 400, {});
      const code = randomUUID();
      // `emails=unverified` (added by a test to the authorize URL) makes the account's address unverified.
      codes.set(code, {
        challenge: url.searchParams.get('code_challenge') ?? '',
        emails: url.searchParams.get('emails') ?? 'verified',
      });
      redirect.searchParams.set('code', code);
      redirect.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { Location: redirect.href });
      return res.end();
    }
    if (url.pathname === '/login/oauth/access_token' && req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (form.get('client_id') !== GITHUB_CLIENT.id || form.get('client_secret') !== GITHUB_CLIENT.secret)
        return json(res, 200, { error: 'incorrect_client_credentials' });
      if (!grant || s256(form.get('code_verifier') ?? '') !== grant.challenge)
        return json(res, 200, { error: 'bad_verification_code' });
      const token = `gho_${randomUUID()}`;
      tokens.set(token, grant.emails);
      return json(res, 200, { access_token: token, token_type: 'bearer', scope: 'read:user,user:email' });
    }
    const emails = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /i, ''));
    if (emails === undefined) return json(res, 401, { message: 'Bad credentials' });
    if (!req.headers['user-agent']) return json(res, 403, { message: 'User-Agent required' });
    if (url.pathname === '/user') return json(res, 200, GITHUB_USER);
    if (url.pathname === '/user/emails')
      return json(res, 200, [
        { email: 'old@example.org', primary: false, verified: true },
        { email: 'Camille@Example.org', primary: true, verified: emails === 'verified' },
      ]);
    json(res, 404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the fake GitHub has no port');
  return { server, url: `http://127.0.0.1:${address.port}` };
};
