/**
 * The third parties of the spam integrations (issue 14) as ONE real HTTP server on 127.0.0.1, started in
 * Node before the worker tests (vitest `globalSetup`) and reached by the worker inside workerd over the
 * loopback, the way it reaches Cloudflare, Akismet and Telegram in production:
 * - `/turnstile/v0/siteverify`: Turnstile's siteverify (form or JSON body; single-use tokens, the
 *   `idempotency_key` that lets a retry verify the same token again).
 * - `/akismet/1.1/{comment-check,submit-spam,submit-ham,verify-key}`: Akismet's form-encoded protocol.
 * - `/telegram/bot<token>/sendMessage`: the Bot API's JSON answer `{ ok, result }`.
 * - `/mail/send`: an e-mail API (the `http` transport of mailer.ts), 202 for every message.
 * What each request gets is chosen by the request itself (a token, a key, a marker in the comment), so test
 * files running at once never share a script; every request is logged, and `GET /__log?tag=T` returns the
 * logged requests whose body contains T (the tests' unique markers). Slow answers never answer at all:
 * the worker's own timeout is what ends them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TestProject } from 'vitest/node';
import { type LocalServer, serveLocal } from '../support/local-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fakeServices: string;
  }
}

export interface LoggedRequest {
  path: string;
  contentType: string;
  body: string;
  /** The form or JSON body's fields, for assertions. */
  fields: Record<string, unknown>;
}

const log: LoggedRequest[] = [];
/** siteverify: tokens already verified, with the idempotency key of their first verification. */
const spent = new Map<string, string | null>();

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const parseFields = (contentType: string, body: string): Record<string, unknown> => {
  if (contentType.includes('application/json')) {
    try {
      return JSON.parse(body) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(body));
};

const json = (res: ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(typeof value === 'string' ? value : JSON.stringify(value));
};

/** A token `<behaviour>:<anything>`: pass, fail, error500, malformed, slow, host=<h>, action=<a>. */
const siteverify = (res: ServerResponse, fields: Record<string, unknown>) => {
  const token = String(fields.response ?? '');
  const key = typeof fields.idempotency_key === 'string' ? fields.idempotency_key : null;
  if (!fields.secret) return json(res, 200, { success: false, 'error-codes': ['missing-input-secret'] });
  if (fields.secret === 'wrong-secret')
    return json(res, 200, { success: false, 'error-codes': ['invalid-input-secret'] });
  const [behaviour = '', ...rest] = token.split(':');
  if (behaviour === 'slow') return; // never answers
  if (behaviour === 'error500') return json(res, 500, 'internal error');
  if (behaviour === 'malformed') return json(res, 200, '<html>not json');
  if (!token || behaviour === 'fail')
    return json(res, 200, { success: false, 'error-codes': ['invalid-input-response'] });
  if (spent.has(token) && (key === null || spent.get(token) !== key)) {
    return json(res, 200, { success: false, 'error-codes': ['timeout-or-duplicate'] });
  }
  if (!spent.has(token)) spent.set(token, key);
  const option = (name: string) => rest.find((part) => part.startsWith(`${name}=`))?.slice(name.length + 1);
  return json(res, 200, {
    success: true,
    challenge_ts: new Date().toISOString(),
    hostname: option('host') ?? 'blog.example',
    action: option('action') ?? 'comment',
    'error-codes': [],
  });
};

/** The key chooses for all calls (`bad-key`, `error500-key`, `slow-key`); else the comment's markers. */
const akismet = (res: ServerResponse, method: string, fields: Record<string, unknown>) => {
  const key = String(fields.api_key ?? '');
  const content = String(fields.comment_content ?? '');
  const text = (status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'text/plain', ...headers });
    res.end(body);
  };
  if (key === 'slow-key' || content.includes('[slow]')) return;
  if (key === 'error500-key' || content.includes('[500]')) return text(500, 'Internal Server Error');
  if (key === 'bad-key') {
    return text(200, 'invalid', { 'X-akismet-debug-help': 'We were unable to parse your blog URI' });
  }
  if (method === 'verify-key') return text(200, 'valid');
  if (method === 'submit-spam' || method === 'submit-ham')
    return text(200, 'Thanks for making the web a better place.');
  if (method !== 'comment-check') return text(404, 'no such method');
  if (!fields.blog || !fields.user_ip) {
    return text(200, 'invalid', { 'X-akismet-debug-help': 'Empty "blog" or "user_ip" value' });
  }
  if (content.includes('[malformed]')) return text(200, 'maybe?');
  if (content.includes('[discard]')) return text(200, 'true', { 'X-akismet-pro-tip': 'discard' });
  if (content.includes('[spam]')) return text(200, 'true');
  return text(200, 'false');
};

/** A bot token `bad-token` is refused as the Bot API does (401); any other is accepted. */
const telegram = (res: ServerResponse, token: string, fields: Record<string, unknown>) => {
  if (token === 'bad-token')
    return json(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
  if (token === 'slow-token') return;
  if (!fields.chat_id || !fields.text) {
    return json(res, 400, { ok: false, error_code: 400, description: 'Bad Request: message text is empty' });
  }
  return json(res, 200, { ok: true, result: { message_id: log.length, chat: { id: fields.chat_id } } });
};

const handle = async (req: IncomingMessage, res: ServerResponse) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method === 'GET' && url.pathname === '/__log') {
    const tag = url.searchParams.get('tag') ?? '';
    return json(
      res,
      200,
      log.filter((entry) => entry.body.includes(tag)),
    );
  }
  const body = await readBody(req);
  const contentType = req.headers['content-type'] ?? '';
  const fields = parseFields(contentType, body);
  log.push({ path: url.pathname, contentType, body, fields });
  if (req.method !== 'POST') return json(res, 405, { error: 'POST only' });
  if (url.pathname === '/turnstile/v0/siteverify') return siteverify(res, fields);
  const akismetMatch = /^\/akismet\/1\.1\/([a-z-]+)$/.exec(url.pathname);
  if (akismetMatch) return akismet(res, akismetMatch[1] as string, fields);
  const telegramMatch = /^\/telegram\/bot([^/]+)\/sendMessage$/.exec(url.pathname);
  if (telegramMatch) return telegram(res, telegramMatch[1] as string, fields);
  // An e-mail API (EMAIL_TRANSPORT=http, issue 17's follow tests): accepts every message; the log keeps it.
  if (url.pathname === '/mail/send') return json(res, 202, { id: `mail-${log.length}` });
  return json(res, 404, { error: 'no such fake' });
};

/** Starts the fakes on a free loopback port (the e2e tests start their own beside their wrangler dev). */
export const startFakeServices = async (): Promise<LocalServer> =>
  serveLocal(handle, (res) => json(res, 500, { error: 'fake server failed' }));

export default async function setup(project: TestProject) {
  const fakes = await startFakeServices();
  project.provide('fakeServices', fakes.url);
  return fakes.close;
}
