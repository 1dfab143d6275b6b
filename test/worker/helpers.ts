/** Small helpers for the worker tests: requests to the real worker (inside workerd, real local D1). */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import { readSettings, type Settings } from '../../worker/env.ts';
import app from '../../worker/index.ts';
import type { RetryPolicy } from '../../worker/services/notify/deliver.ts';
import { notifyComment } from '../../worker/services/notify/index.ts';
import { postComment as postCommentDirect } from '../../worker/services/posting/post-comment.ts';

export const ORIGIN = 'https://blog.example';
export const PAGE = `${ORIGIN}/2026/11/un-billet`;

export const request = (path: string, init: RequestInit = {}): Promise<Response> =>
  exports.default.fetch(new Request(`https://comments.example${path}`, init));

export const postJson = (
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> =>
  request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

let counter = 0;
/** A page URL of its own for each test, so tests in one file don't see each other's comments. */
export const freshPage = (): string => `${ORIGIN}/post-${Date.now().toString(36)}-${++counter}`;

export const postComment = async (body: Record<string, unknown>) => {
  const res = await postJson('/api/v1/comments', { url: PAGE, body: 'Bonjour !', ...body });
  return { res, json: (await res.json()) as Record<string, any> };
};

export const getThread = async (query: string) => {
  const res = await request(`/api/v1/threads?${query}`);
  return { res, json: (await res.json()) as Record<string, any> };
};

/**
 * A binding whose listed methods reject, as D1 or KV do when unreachable or over quota. A D1's sessions
 * (`withSession`, middleware/d1-session.ts) fail the same way: every request's queries run on one.
 */
export const failing = <T extends object>(binding: T, methods: string[]): T =>
  new Proxy(binding, {
    get(target, prop) {
      if (methods.includes(String(prop))) return () => Promise.reject(new Error('network connection lost'));
      const value = Reflect.get(target, prop);
      if (prop === 'withSession' && typeof value === 'function') {
        return (...args: unknown[]) => failing(value.apply(target, args), methods);
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

/**
 * Calls the app with these bindings replaced (a failing D1, say) and waits for its `waitUntil` work
 * (notifications, cache purges) before answering. With `purges`, the execution context has the
 * `cache.purge` of Workers Cache (which local workerd lacks), recording each call's options there.
 */
export const call = async (
  bindings: Partial<Cloudflare.Env>,
  path: string,
  init: RequestInit = {},
  origin = 'https://comments.example',
  purges?: CachePurgeOptions[],
) => {
  const ctx = createExecutionContext();
  if (purges) {
    const cache = {
      purge: async (options: CachePurgeOptions): Promise<CachePurgeResult> => {
        purges.push(options);
        return { success: true, errors: [] };
      },
    };
    Object.defineProperty(ctx, 'cache', { value: cache });
  }
  const res = await app.fetch(new Request(`${origin}${path}`, init), { ...env, ...bindings }, ctx);
  await waitOnExecutionContext(ctx);
  const text = await res.text();
  return { res, json: (text ? JSON.parse(text) : null) as Record<string, any> };
};

/** Posts through the posting rules directly, with some settings changed (a moderation mode, a blocklist). */
export const postWithSettings = (
  settings: Partial<Settings>,
  input: Parameters<typeof postCommentDirect>[1],
) =>
  postCommentDirect(
    {
      db: env.DB,
      settings: { ...readSettings(env), ...settings },
      ip: null,
      isAllowedOrigin: () => true,
      now: new Date(),
      reader: null,
    },
    input,
  );

/** Calls the admin API with the test deployment's ADMIN_TOKEN; `json` is null for an empty answer. */
export const admin = async (method: string, path: string, body?: unknown) => {
  const res = await request(`/api/v1/admin${path}`, {
    method,
    headers: {
      Authorization: 'Bearer test-admin-token',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { res, json: (text ? JSON.parse(text) : null) as Record<string, any> };
};

/** Moderates a comment the way the owner does (PATCH /admin/comments/:id), counters and audit included. */
export const setStatus = async (id: string, status: 'approved' | 'pending' | 'spam' | 'deleted') => {
  const { res, json } = await admin('PATCH', `/comments/${id}`, { status });
  if (res.status !== 200) throw new Error(`PATCH /admin/comments/${id} answered ${res.status}`);
  return json;
};

/** An e-mail as the notifier hands it to the provider's API. */
export interface SentMail {
  to: string;
  subject: string;
  text: string;
}

const instant: RetryPolicy = { delaysMs: [], timeoutMs: 1000, sleep: async () => {} };

/**
 * Runs the notifications of one comment to readers (not the owner), as waitUntil would, with no delay
 * between retries; answers the e-mails sent, captured through the fetcher the notifier takes.
 */
export const notifyReaders = async (settings: Settings, commentId: string): Promise<SentMail[]> => {
  const sent: SentMail[] = [];
  const fetcher = (async (_input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(JSON.parse(String(init?.body)));
    return new Response('ok');
  }) as typeof fetch;
  await notifyComment(
    { db: env.DB, settings, origin: 'https://comments.example', fetcher, retry: instant },
    commentId,
    { owner: false },
  );
  return sent;
};
