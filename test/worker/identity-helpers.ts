/**
 * Helpers for the identity tests: accounts signed in through the real session service (startSession, as a
 * provider's callback or a magic link does), and requests made with their bearer token, optionally with
 * some vars changed (AUTH, MODERATORS…) through `call`.
 */
import { env } from 'cloudflare:test';
import type { IdentityProfile } from '../../worker/db/users.ts';
import { startSession } from '../../worker/services/identity/sessions.ts';
import { call, ORIGIN } from './helpers.ts';

/** Vars to change for one request (the identity ones are not in wrangler.toml, so not in Env). */
export type Vars = Record<string, string>;

let accounts = 0;

/** A new account (a fresh identity each call unless `profile` names one) and a live session of it. */
export const signIn = async (profile: Partial<IdentityProfile> = {}, now?: Date) => {
  const n = ++accounts;
  const session = await startSession(
    env.DB,
    {
      provider: 'github',
      subject: `gh-${Date.now().toString(36)}-${n}`,
      name: `Reader ${Date.now().toString(36)} ${n}`,
      email: `reader-${Date.now().toString(36)}-${n}@example.com`,
      avatarUrl: null,
      ...profile,
    },
    now,
  );
  return { token: session.token, user: session.user, expiresAt: session.expiresAt };
};

/** A request from the blog's page, with this bearer token (a session or an edit token) when given. */
export const send = (
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; vars?: Vars } = {},
) =>
  call((options.vars ?? {}) as Partial<Cloudflare.Env>, path, {
    method,
    headers: {
      Origin: ORIGIN,
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });

/** Asserts an RFC 9457 answer with this status and code. */
export const expectProblem = (
  answer: { res: Response; json: Record<string, any> },
  status: number,
  code: string,
) => {
  if (answer.res.status !== status || answer.json?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${answer.res.status} ${JSON.stringify(answer.json)}`);
  }
  if (!answer.res.headers.get('Content-Type')?.startsWith('application/problem+json')) {
    throw new Error(`not problem+json: ${answer.res.headers.get('Content-Type')}`);
  }
};

/** AUTH=optional: signed-in readers post as their account. */
export const OPTIONAL: Vars = { AUTH: 'optional' };
