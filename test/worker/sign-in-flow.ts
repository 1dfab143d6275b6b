/**
 * Drives the sign-in popup as a browser would, without one: start → follow the provider's authorize
 * redirect (a real server on 127.0.0.1, which consents at once) → the worker's callback page, whose posted
 * message the helpers read back out of its JSON data block.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { expect, inject } from 'vitest';
import app from '../../worker/index.ts';
import type { PopupMessage } from '../../worker/types/api.ts';
import { GITHUB_CLIENT, OIDC_CLIENT } from '../support/identity-fixtures.ts';
import { ORIGIN } from './helpers.ts';

export const WORKER = 'https://comments.example';

export const oidcBindings = (more: Record<string, string> = {}) => ({
  AUTH: 'optional',
  OIDC_ISSUER: inject('oidcIssuer'),
  OIDC_CLIENT_ID: OIDC_CLIENT.id,
  OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
  OIDC_NAME: 'Test IdP',
  ...more,
});

export const githubBindings = (more: Record<string, string> = {}) => ({
  AUTH: 'optional',
  GITHUB_CLIENT_ID: GITHUB_CLIENT.id,
  GITHUB_CLIENT_SECRET: GITHUB_CLIENT.secret,
  GITHUB_API_URL: inject('githubUrl'),
  ...more,
});

/** The app with these vars, as a request to the worker's public origin. */
export const hit = async (
  bindings: Record<string, string>,
  path: string,
  init: RequestInit = {},
): Promise<Response> => {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`${WORKER}${path}`, init), { ...env, ...bindings }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
};

export const startPath = (provider: string, origin = ORIGIN) =>
  `/api/v1/auth/${provider}/start?origin=${encodeURIComponent(origin)}`;

/** Start, then the provider's answer: the callback path (with code and state) it sends the reader to. */
export const throughProvider = async (
  bindings: Record<string, string>,
  provider: string,
  extra: Record<string, string> = {},
): Promise<{ authorize: URL; callbackPath: string }> => {
  const start = await hit(bindings, startPath(provider));
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('Location') ?? '');
  for (const [key, value] of Object.entries(extra)) authorize.searchParams.set(key, value);
  const atProvider = await fetch(authorize, { redirect: 'manual' });
  expect(atProvider.status).toBe(302);
  const back = new URL(atProvider.headers.get('Location') ?? '');
  expect(back.origin).toBe(WORKER);
  return { authorize, callbackPath: back.pathname + back.search };
};

export interface PopupResult {
  res: Response;
  html: string;
  /** What the page posts and to which origin; `null` when it posts nothing. */
  posted: { origin: string; message: PopupMessage } | null;
}

export const readPopup = async (res: Response): Promise<PopupResult> => {
  const html = await res.text();
  const data = /<script type="application\/json" id="result">(.*?)<\/script>/s.exec(html)?.[1];
  return { res, html, posted: data ? JSON.parse(data) : null };
};

/** The whole popup: start → provider (with `extra` on its authorize URL) → callback page. */
export const signIn = async (
  bindings: Record<string, string>,
  provider: string,
  extra: Record<string, string> = {},
): Promise<PopupResult> => {
  const { callbackPath } = await throughProvider(bindings, provider, extra);
  return readPopup(await hit(bindings, callbackPath));
};

export const sessionToken = (result: PopupResult): string => {
  expect(result.posted?.message.type).toBe('causerie:session');
  const message = result.posted?.message;
  return message?.type === 'causerie:session' ? message.token : '';
};
