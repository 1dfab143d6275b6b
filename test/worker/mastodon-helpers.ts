/**
 * Helpers for the Mastodon import's tests: toots and replies built from the hand-written fixtures (after
 * the documented Status and Context shapes), scripted on the fake instance (test/support/fake-mastodon.ts),
 * and the worker called with MASTODON_API_URL pointing there.
 */
import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { inject } from 'vitest';
import worker from '../../worker/index.ts';
import contextFixture from '../fixtures/mastodon/context.json';
import statusFixture from '../fixtures/mastodon/status.json';
import { call, ORIGIN } from './helpers.ts';

export const HOST = 'social.example';
export const fakeMastodon = (): string => inject('fakeMastodon');

/** The vars of a deployment whose instance is the fake, and whose owner toots as alice@social.example. */
export const mastodonVars = (more: Record<string, string> = {}): Partial<Cloudflare.Env> =>
  ({
    MASTODON_API_URL: fakeMastodon(),
    MASTODON_ACCOUNTS: '@alice@social.example',
    MASTODON_TIMEOUT_MS: '1500',
    ...more,
  }) as Partial<Cloudflare.Env>;

let counter = 0;
/** A status id of its own (digits, as Mastodon's), so scripts of tests running at once never collide. */
export const newId = (): string =>
  `${Date.now()}${String(++counter).padStart(4, '0')}${Math.floor(Math.random() * 1000)}`;

export type Status = typeof statusFixture & Record<string, unknown>;
type Reply = (typeof contextFixture.descendants)[number] & Record<string, unknown>;

/** The fixture toot with its own id (by alice, on social.example). */
export const toot = (id: string, more: Partial<Status> = {}): Status => ({
  ...structuredClone(statusFixture),
  id,
  uri: `https://${HOST}/users/alice/statuses/${id}`,
  url: `https://${HOST}/@alice/${id}`,
  ...more,
});

export const tootUrl = (id: string): string => `https://${HOST}/@alice/${id}`;

/** The fixture's three replies (bob's, alice's answer to it, carol's private one), with ids of their own. */
export const fixtureReplies = (tootId: string): { bob: Reply; alice: Reply; carol: Reply } => {
  const [bob, alice, carol] = structuredClone(contextFixture.descendants) as [Reply, Reply, Reply];
  const ids = [newId(), newId(), newId()] as const;
  const withId = (reply: Reply, id: string, parent: string, host: string, user: string): Reply => ({
    ...reply,
    id,
    in_reply_to_id: parent,
    uri: `https://${host}/users/${user}/statuses/${id}`,
    url: `https://${host}/@${user}/${id}`,
  });
  return {
    bob: withId(bob, ids[0], tootId, 'other.example', 'bob'),
    alice: withId(alice, ids[1], ids[0], HOST, 'alice'),
    carol: withId(carol, ids[2], tootId, HOST, 'carol'),
  };
};

/** A reply by `user` with this content. */
export const reply = (
  id: string,
  parent: string,
  content: string,
  more: Record<string, unknown> = {},
): Reply => {
  const base = structuredClone(contextFixture.descendants[0]) as Reply;
  return {
    ...base,
    id,
    in_reply_to_id: parent,
    uri: `https://other.example/users/bob/statuses/${id}`,
    url: `https://other.example/@bob/${id}`,
    content,
    ...more,
  };
};

export interface Script {
  status?: unknown;
  context?: unknown;
  statusBehaviour?: string;
  contextBehaviour?: string;
}

/** Scripts what the fake instance answers for this status id. */
export const script = async (id: string, value: Script): Promise<void> => {
  const res = await fetch(`${fakeMastodon()}/__script/${id}`, { method: 'PUT', body: JSON.stringify(value) });
  if (!res.ok) throw new Error(`scripting the fake Mastodon answered ${res.status}`);
};

/** The toot and its context at once. */
export const scriptToot = (id: string, replies: unknown[], more: Partial<Status> = {}) =>
  script(id, { status: toot(id, more), context: { ancestors: [], descendants: replies } });

/** How many requests the fake received for this id: `{ status?, context? }`. */
export const hits = async (id: string): Promise<{ status?: number; context?: number }> =>
  (await fetch(`${fakeMastodon()}/__hits/${id}`)).json();

/** The admin API with the test token and these vars. */
export const adminCall = (method: string, path: string, body?: unknown, vars = mastodonVars()) =>
  call(vars, `/api/v1/admin${path}`, {
    method,
    headers: {
      Authorization: 'Bearer test-admin-token',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** Links a page to a toot as the owner. */
export const ownerLink = async (page: string, tootId: string, vars = mastodonVars()) => {
  const result = await adminCall('PUT', '/threads/mastodon', { page, url: tootUrl(tootId) }, vars);
  if (result.res.status !== 200) throw new Error(`PUT /admin/threads/mastodon answered ${result.res.status}`);
  return result;
};

/** The owner's "fetch now". */
export const refresh = (key: string, vars = mastodonVars()) =>
  adminCall('POST', '/threads/mastodon/refresh', { key }, vars);

/** A page's data-mastodon, as the widget sends it. */
export const embedLink = (
  page: string,
  toot: string,
  vars = mastodonVars(),
  origin = ORIGIN,
  headers: Record<string, string> = {},
) =>
  call(vars, '/api/v1/threads/mastodon', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
    body: JSON.stringify({ url: page, toot }),
  });

/** One Cron Trigger run at `scheduledTime`, waited for. */
export const runCron = async (vars = mastodonVars(), scheduledTime: Date = new Date()) => {
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ scheduledTime, cron: '*/5 * * * *' }),
    { ...env, ...vars },
    ctx,
  );
  await waitOnExecutionContext(ctx);
};

/** The thread as readers get it (no edge cache in tests). */
export const readThread = async (page: string) =>
  (await call({}, `/api/v1/threads?url=${encodeURIComponent(page)}`)).json;
