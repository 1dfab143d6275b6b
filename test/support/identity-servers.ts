/**
 * Global setup of the worker tests (vitest.config.ts): the identity providers the worker signs readers in
 * with, as real servers on 127.0.0.1 — an OpenID Connect provider (oidc-provider.ts), a GitHub stand-in
 * (fake-github.ts) and the host site's JWKS for SSO (an ES256 key; its private half goes to the tests, which
 * sign SSO tokens with it). Their URLs reach the tests through `provide` / `inject`.
 */
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import type { TestProject } from 'vitest/node';
import { startFakeGitHub } from './fake-github.ts';
import { startOidcProvider } from './oidc-provider.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    oidcIssuer: string;
    githubUrl: string;
    ssoJwksUrl: string;
    /** The ES256 private JWK (JSON) whose public half the SSO JWKS serves, under kid `site-1`. */
    ssoPrivateJwk: string;
  }
}

const startJwksServer = async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'site-1', alg: 'ES256', use: 'sig' }] };
  const server = createServer((req, res) => {
    res.writeHead(req.url === '/jwks.json' ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(req.url === '/jwks.json' ? JSON.stringify(jwks) : '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the JWKS server has no port');
  const privateJwk = { ...(await exportJWK(privateKey)), kid: 'site-1', alg: 'ES256' };
  return { server, url: `http://127.0.0.1:${address.port}/jwks.json`, privateJwk };
};

export default async function setup(project: TestProject) {
  const oidc = await startOidcProvider();
  const github = await startFakeGitHub();
  const jwks = await startJwksServer();
  project.provide('oidcIssuer', oidc.issuer);
  project.provide('githubUrl', github.url);
  project.provide('ssoJwksUrl', jwks.url);
  project.provide('ssoPrivateJwk', JSON.stringify(jwks.privateJwk));
  return async () => {
    await oidc.server.stop();
    github.server.close();
    jwks.server.close();
  };
}
