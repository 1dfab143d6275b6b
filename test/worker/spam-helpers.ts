/**
 * Helpers for the spam integration tests (issue 14, part I): the fake third parties' URLs and log
 * (test/worker/fake-services.ts, a real HTTP server on 127.0.0.1), and requests to the real worker with
 * the integrations' variables set, waiting for its `waitUntil` work (Akismet feedback, notifications).
 */
import { env } from 'cloudflare:test';
import { inject } from 'vitest';
import { findAdminComment } from '../../worker/db/admin-comments.ts';
import type { LoggedRequest } from './fake-services.ts';
import { admin as adminDefault, call, ORIGIN } from './helpers.ts';

export const fake = (): string => inject('fakeServices');

export const TURNSTILE = () => ({
  TURNSTILE_SITE_KEY: 'test-site-key',
  TURNSTILE_SECRET: 'test-turnstile-secret',
  TURNSTILE_VERIFY_URL: `${fake()}/turnstile/v0/siteverify`,
});

export const AKISMET = (key = 'test-akismet-key') => ({ AKISMET_KEY: key, AKISMET_URL: `${fake()}/akismet` });

export const TELEGRAM = (token = 'test-bot-token') => ({
  TELEGRAM_BOT_TOKEN: token,
  TELEGRAM_CHAT_ID: '-100123',
  TELEGRAM_API_URL: `${fake()}/telegram`,
});

/** Every request the fakes received whose body contains `tag` (each test's unique marker). */
export const fakeLog = async (tag: string): Promise<LoggedRequest[]> =>
  (await fetch(`${fake()}/__log?tag=${encodeURIComponent(tag)}`)).json() as Promise<LoggedRequest[]>;

let n = 0;
/** A marker no other test uses, to find this test's requests in the fakes' log. */
export const marker = (name: string): string => `${name}-${Date.now().toString(36)}-${++n}`;

/** A clientId of the schema's shape (16 to 64 URL-safe characters). */
export const clientId = (): string => `client${Date.now().toString(36)}${++n}xxxxxxxxxxxx`.slice(0, 32);

export type Vars = Record<string, string>;

/** POST /comments with these vars set, as a reader at 203.0.113.7 with a browser's user agent. */
export const postWith = (vars: Vars, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call(vars as Partial<Cloudflare.Env>, '/api/v1/comments', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Origin: ORIGIN,
      'CF-Connecting-IP': '203.0.113.7',
      'User-Agent': 'Mozilla/5.0 (test) Firefox/140.0',
      Referer: `${ORIGIN}/a-post`,
      ...headers,
    },
    body: JSON.stringify(body),
  });

/** The admin API with these vars set (its `waitUntil` work awaited). */
export const adminWith = (vars: Vars, method: string, path: string, body?: unknown) =>
  call(vars as Partial<Cloudflare.Env>, `/api/v1/admin${path}`, {
    method,
    headers: {
      Authorization: 'Bearer test-admin-token',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** One comment's row as the owner sees it (its real status: spam included), `null` once erased. */
export const storedComment = (id: string) => findAdminComment(env.DB, id);

export { adminDefault as admin };
