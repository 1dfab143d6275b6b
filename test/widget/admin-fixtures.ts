/** Admin page test helpers: realistic admin API objects and a small fake admin API behind `fetch`. */
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';
import type { AdminComment, AdminThread, Ban, Counts } from '../../worker/types/api.ts';
import type { AdminHealth } from '../../worker/types/health.ts';

let seq = 0;

export const adminComment = (overrides: Partial<AdminComment> = {}): AdminComment => ({
  id: `c${++seq}`,
  parentId: null,
  author: { name: 'Alice', website: null, avatar: 'a3f29b', moderator: false },
  verified: null,
  userId: null,
  html: '<p>Hello</p>',
  createdAt: '2026-11-20T10:00:00.000Z',
  editedAt: null,
  likes: 0,
  status: 'pending',
  pinned: false,
  kind: 'comment',
  body: 'Hello',
  email: 'alice@example.com',
  ipHash: 'ab12cd34ef56',
  readerHash: null,
  notify: false,
  replyCount: 0,
  thread: { key: 'https://blog.example/post', url: 'https://blog.example/post', title: 'A post' },
  spam: { score: 0, reasons: [] },
  ...overrides,
});

export const adminThread = (overrides: Partial<AdminThread> = {}): AdminThread => ({
  key: 'https://blog.example/post',
  url: 'https://blog.example/post',
  title: 'A post',
  commentCount: 3,
  likes: 0,
  locked: false,
  createdAt: '2026-11-20T10:00:00.000Z',
  pending: 1,
  ...overrides,
});

export const ban = (overrides: Partial<Ban> = {}): Ban => ({
  id: `b${++seq}`,
  kind: 'email',
  value: 'spammer@example.com',
  reason: null,
  expiresAt: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  active: true,
  ...overrides,
});

/** GET /admin/health of a fresh deployment: the secrets set, nothing else configured, no comment yet. */
export const adminHealth = (overrides: Partial<AdminHealth> = {}): AdminHealth => ({
  version: '0.1.0',
  migrations: { applied: '0005_import.sql', latest: '0005_import.sql' },
  secrets: { adminToken: true, secretKey: true },
  origins: [],
  email: { configured: false, ownerEmail: false },
  webhook: { configured: false, signed: false },
  cache: { enabled: true },
  moderation: 'first-time',
  hasComments: false,
  ...overrides,
});

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export const problem = (status: number, code: string, detail?: string) =>
  new Response(JSON.stringify({ status, code, title: code, ...(detail && { detail }) }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

export const unauthorized = () => problem(401, 'unauthorized', 'send the admin token');

export interface Seen {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Headers;
  /** Parsed JSON, or the raw body (a File for an import). */
  body: unknown;
}

/** `'PATCH /comments/c1'` → handler; a route without a handler answers 404. Paths are under /api/v1/admin. */
export type Routes = Record<string, (seen: Seen) => Response | Promise<Response>>;

export const TOKEN = 'secret-admin-token';
export const COUNTS: Counts = { pending: 2, approved: 5, spam: 1, deleted: 0 };

/**
 * Stubs `fetch` with the admin API in `routes` (plus the counts, answered for the right token only);
 * returns every request seen, in order. Undo with `vi.unstubAllGlobals()`.
 */
export const fakeAdmin = (routes: Routes): Seen[] => {
  const seen: Seen[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://localhost');
    const request: Seen = {
      method: init.method ?? 'GET',
      path: url.pathname.replace('/api/v1/admin', ''),
      query: Object.fromEntries(url.searchParams),
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    };
    seen.push(request);
    if (request.headers.get('Authorization') !== `Bearer ${TOKEN}`) return unauthorized();
    const handler = routes[`${request.method} ${request.path}`];
    if (handler) return handler(request);
    if (request.method === 'GET' && request.path === '/comments/counts') return json({ counts: COUNTS });
    // The thread editor reads the thread's toot (issue 18): none, unless a test says otherwise.
    if (request.method === 'GET' && request.path === '/threads/mastodon') return json({ mastodon: null });
    return problem(404, 'not_found', 'no such route');
  });
  return seen;
};

/** Signs in as `render` would after a reload: the token is already in this tab's sessionStorage. */
export const signedIn = () => sessionStorage.setItem('causerie-admin-token', TOKEN);

/**
 * Registers the hooks every admin page file wants: each test starts signed out with empty web storage (the
 * token lives in sessionStorage), and leaves no rendered page, stubbed global or spy behind.
 */
export const isolateAdminTests = () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
};
