/**
 * A careless owner is not protected by accident (issue 11, item 8): outside local development the worker
 * refuses every /api route while ADMIN_TOKEN or SECRET_KEY is missing, short or a published example; and
 * GET /admin/health says what is set up.
 */
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { LATEST_MIGRATION, VERSION } from '../../worker/services/deployment/version.ts';
import { admin, call } from './helpers.ts';

const STRONG_TOKEN = 'a-real-admin-token-of-forty-characters-xx';
const STRONG_KEY = 'a-real-secret-key-of-forty-four-characters-x';

/** The deployment as production sees it: a public hostname and no test allowance. */
const production = (secrets: Partial<Cloudflare.Env>) => ({
  ALLOW_WEAK_SECRETS: undefined,
  ADMIN_TOKEN: STRONG_TOKEN,
  SECRET_KEY: STRONG_KEY,
  ...secrets,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('secrets outside local development', () => {
  it('answers 503 naming ADMIN_TOKEN when it is the example from .dev.vars.example', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { res, json } = await call(production({ ADMIN_TOKEN: 'example-admin-token' }), '/api/v1/config');
    expect(res.status).toBe(503);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(json.code).toBe('not_configured');
    expect(json.errors).toEqual([{ field: 'ADMIN_TOKEN', message: 'is a published example value' }]);
    expect(json.detail).toContain('wrangler secret put ADMIN_TOKEN');
    // The line the owner sees in `wrangler tail`.
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('ADMIN_TOKEN is a published example value'));
  });

  it('answers 503 naming SECRET_KEY when it is the example, on reader, admin and unsubscribe routes', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const bindings = production({ SECRET_KEY: 'example-secret-key' });
    for (const path of [
      '/api/v1/threads?url=https://blog.example/a',
      '/api/v1/admin/health',
      '/api/v1/unsubscribe',
    ]) {
      const { res, json } = await call(bindings, path, {
        headers: { Authorization: `Bearer ${STRONG_TOKEN}` },
      });
      expect(res.status, path).toBe(503);
      expect(json.errors.map((e: { field: string }) => e.field)).toEqual(['SECRET_KEY']);
    }
  });

  it('refuses a short secret and an empty one, naming both', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { res, json } = await call(
      production({ ADMIN_TOKEN: 'short-but-random-0123', SECRET_KEY: '' }),
      '/api/v1/config',
    );
    expect(res.status).toBe(503);
    expect(json.errors).toEqual([
      { field: 'ADMIN_TOKEN', message: 'is shorter than 32 characters' },
      { field: 'SECRET_KEY', message: 'is not set' },
    ]);
  });

  it('serves with proper secrets', async () => {
    const { res, json } = await call(production({}), '/api/v1/config');
    expect(res.status).toBe(200);
    expect(json.version).toBe(1);
  });

  it('accepts short test secrets on a loopback hostname (npm run dev), but never a missing one', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const local = { ALLOW_WEAK_SECRETS: undefined, ADMIN_TOKEN: 'example-admin-token', SECRET_KEY: 'dev' };
    for (const host of ['localhost:8787', '127.0.0.1:8787', '[::1]:8787']) {
      const ok = await call(local, '/api/v1/config', {}, `http://${host}`);
      expect(ok.res.status, host).toBe(200);
    }
    const missing = await call({ ...local, SECRET_KEY: '' }, '/api/v1/config', {}, 'http://localhost:8787');
    expect(missing.res.status).toBe(503);
    expect(missing.json.errors).toEqual([{ field: 'SECRET_KEY', message: 'is not set' }]);
  });
});

describe('GET /api/v1/admin/health', () => {
  it('needs the admin token', async () => {
    const { res } = await call({}, '/api/v1/admin/health');
    expect(res.status).toBe(401);
  });

  it('reports the version, migrations, secrets and integrations of this deployment', async () => {
    const { res, json } = await admin('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(json).toEqual({
      version: pkg.version,
      migrations: { applied: LATEST_MIGRATION, latest: LATEST_MIGRATION },
      // The worker tests' secrets are short: fine here, and health says they would not do in production.
      secrets: { adminToken: false, secretKey: false },
      origins: ['https://blog.example', 'http://localhost:8787'],
      email: { configured: false, ownerEmail: false },
      webhook: { configured: false, signed: false },
      cache: { enabled: true },
      moderation: 'none',
      signIn: { auth: 'off', providers: [], sso: false, problems: [] },
      hasComments: false,
    });
  });

  it('says secrets, e-mail and the webhook are set up once they are', async () => {
    const { json } = await call(
      {
        ADMIN_TOKEN: STRONG_TOKEN,
        SECRET_KEY: STRONG_KEY,
        EMAIL_API_URL: 'https://mail.example/send',
        EMAIL_FROM: 'comments@blog.example',
        OWNER_EMAIL: 'owner@blog.example',
        WEBHOOK_URL: 'https://hooks.example/causerie',
        WEBHOOK_SECRET: 'w'.repeat(40),
      },
      '/api/v1/admin/health',
      { headers: { Authorization: `Bearer ${STRONG_TOKEN}` } },
    );
    expect(json.secrets).toEqual({ adminToken: true, secretKey: true });
    expect(json.email).toEqual({ configured: true, ownerEmail: true });
    expect(json.webhook).toEqual({ configured: true, signed: true });
  });

  it('says when the cache is not bound', async () => {
    const { json } = await call({ KV: undefined as unknown as KVNamespace }, '/api/v1/admin/health', {
      headers: { Authorization: 'Bearer test-admin-token' },
    });
    expect(json.cache).toEqual({ enabled: false });
  });

  it('bundles the version of package.json and the newest file of worker/migrations', () => {
    expect(VERSION).toBe(pkg.version);
    const names = env.TEST_MIGRATIONS.map((m) => m.name).sort();
    expect(LATEST_MIGRATION).toBe(names.at(-1));
  });
});
