import { describe, expect, it } from 'vitest';
import { ORIGIN, postComment, request } from './helpers.ts';

const ADMIN_ROUTES: Array<[method: string, path: string, body?: unknown]> = [
  ['GET', '/api/v1/admin/comments?status=all'],
  ['GET', '/api/v1/admin/comments/counts'],
  ['POST', '/api/v1/admin/comments', { threadKey: 'x', body: 'hi' }],
  ['POST', '/api/v1/admin/comments/bulk', { ids: ['x'], action: 'approve' }],
  ['PATCH', '/api/v1/admin/comments/x', { status: 'approved' }],
  ['DELETE', '/api/v1/admin/comments/x'],
  ['GET', '/api/v1/admin/threads'],
  ['PATCH', '/api/v1/admin/threads', { key: 'x', locked: true }],
  ['GET', '/api/v1/admin/bans'],
  ['POST', '/api/v1/admin/bans', { email: 'a@example.com' }],
  ['DELETE', '/api/v1/admin/bans/x'],
  ['GET', '/api/v1/admin/audit'],
  ['GET', '/api/v1/admin/export'],
  ['POST', '/api/v1/admin/import?format=causerie', {}],
  ['GET', '/api/v1/admin/no-such-route'],
];

const call = (method: string, path: string, body: unknown, authorization: string | null) =>
  request(path, {
    method,
    headers: {
      Origin: ORIGIN,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(authorization === null ? {} : { Authorization: authorization }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('admin authentication', () => {
  it('refuses every admin route without a token, with a wrong one, and with a reader edit token', async () => {
    const { json } = await postComment({ body: 'mine' });
    const tokens = [null, 'Bearer wrong-token', `Bearer ${json.editToken}`, 'test-admin-token', 'Bearer '];
    for (const [method, path, body] of ADMIN_ROUTES) {
      for (const token of tokens) {
        const res = await call(method, path, body, token);
        expect(res.status, `${method} ${path} with ${token}`).toBe(401);
        expect(res.headers.get('WWW-Authenticate')).toBe('Bearer');
        expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
        expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
        expect(((await res.json()) as Record<string, any>).code).toBe('unauthorized');
      }
    }
  });

  it('lets the admin token in, without CORS headers, and never in a shared cache', async () => {
    const res = await call('GET', '/api/v1/admin/comments', undefined, 'Bearer test-admin-token');
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });

  it('answers a CORS preflight on admin routes without any CORS header', async () => {
    const res = await request('/api/v1/admin/comments', {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' },
    });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(res.headers.get('Access-Control-Allow-Methods')).toBeNull();
  });

  it('requires JSON for admin writes (415)', async () => {
    const res = await request('/api/v1/admin/comments/bulk', {
      method: 'POST',
      headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'text/plain' },
      body: '{"ids":["x"],"action":"approve"}',
    });
    expect(res.status).toBe(415);
  });
});
