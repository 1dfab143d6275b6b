/**
 * `causerie doctor` against real `wrangler dev` deployments, line by line: the shared e2e worker (short
 * test secrets on loopback, no allowed origins, no notifications) shows what to fix; a second worker
 * configured like a proper deployment first lacks its migrations, then passes every check.
 * Missing secrets: a deployed worker refuses to serve them (503, test/worker/health.test.ts); on loopback
 * it serves and health reports `secrets: false`, which is the line checked here.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
// @ts-expect-error: a plain .mjs module shared with `npm run dev` and the benchmark
import { freePort } from '../../scripts/lib/wrangler.mjs';
import { type Stack, startStack } from '../support/stack.ts';

const baseUrl = inject('baseUrl');
const LATEST = '0018_webmentions.sql';

const doctor = (...args: string[]) => {
  const env = { ...process.env };
  delete env.CAUSERIE_ADMIN_TOKEN;
  const result = spawnSync('node', ['scripts/cli.mjs', 'doctor', ...args], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = result.stdout.split('\n');
  /** The line of one check, e.g. `FIX   CORS: …`. */
  const of = (check: string) => lines.find((l) => l.includes(` ${check}: `)) ?? `(no ${check} line)`;
  return { status: result.status, stdout: result.stdout, of };
};

describe('causerie doctor on a deployment that needs work', () => {
  it('reports each check, with what to do for the secrets, the origins, CORS and notifications', () => {
    const run = doctor(
      '--url',
      baseUrl,
      '--site',
      'https://not-allowed.example',
      '--token',
      'e2e-admin-token',
    );
    expect(run.of('reachable')).toMatch(/^ok\s+reachable: http:\/\/127\.0\.0\.1:\d+ answers$/);
    expect(run.of('version')).toBe(`ok    version: ${pkg.version}`);
    expect(run.of('migrations')).toBe(`ok    migrations: current (${LATEST})`);
    expect(run.of('secrets')).toMatch(
      /^FIX\s+secrets: ADMIN_TOKEN and SECRET_KEY missing, short or an example/,
    );
    expect(run.of('secrets')).toContain('npx wrangler secret put ADMIN_TOKEN / SECRET_KEY');
    expect(run.of('allowed origins')).toBe(
      'FIX   allowed origins: https://not-allowed.example is not among them (none): add it to ALLOWED_ORIGINS in wrangler.toml [vars] and run npm run deploy',
    );
    expect(run.of('e-mail')).toMatch(/^warn\s+e-mail: off: set EMAIL_API_URL and EMAIL_FROM/);
    expect(run.of('webhook')).toMatch(/^warn\s+webhook: off: set WEBHOOK_URL/);
    expect(run.of('cache')).toBe('ok    cache: KV answers');
    expect(run.of('embed')).toMatch(/^ok\s+embed: \/embed\.js loads \((text|application)\/javascript\)$/);
    expect(run.of('CORS')).toMatch(
      /^FIX\s+CORS: a browser on https:\/\/not-allowed\.example would be refused: add/,
    );
    expect(run.stdout).toContain('3 things to fix.');
    expect(run.status).toBe(1);
  });

  it('without --site, says no site may embed yet; without a token, skips the admin checks and says so', () => {
    const withToken = doctor('--url', baseUrl, '--token', 'e2e-admin-token');
    expect(withToken.of('allowed origins')).toMatch(
      /^FIX\s+allowed origins: none: only the worker’s own pages/,
    );
    expect(withToken.of('CORS')).toMatch(/^skip\s+CORS: give --site/);

    const ownOrigin = doctor('--url', baseUrl, '--site', baseUrl, '--token', 'e2e-admin-token');
    expect(ownOrigin.of('allowed origins')).toBe(
      `ok    allowed origins: ${baseUrl} is the worker’s own origin, always allowed`,
    );
    expect(ownOrigin.of('CORS')).toBe(`ok    CORS: answers for ${baseUrl} (preflight and GET)`);

    const noToken = doctor('--url', baseUrl);
    expect(noToken.of('admin checks')).toMatch(/^skip\s+admin checks: give --token/);
    expect(noToken.of('embed')).toMatch(/^ok\s+embed:/);
    expect(noToken.stdout).not.toContain('migrations:');
    expect(noToken.status).toBe(0);
  });

  it('says when the token is refused, and when nothing answers', async () => {
    const refused = doctor('--url', baseUrl, '--token', 'not-the-token');
    expect(refused.of('admin token')).toMatch(/^FIX\s+admin token: refused/);
    expect(refused.status).toBe(1);

    const nobody = doctor('--url', `http://127.0.0.1:${await freePort()}`);
    expect(nobody.of('reachable')).toMatch(/^FIX\s+reachable: nothing answers at http:\/\/127\.0\.0\.1:\d+/);
    expect(nobody.status).toBe(1);
  });
});

describe('causerie doctor on a properly configured deployment', () => {
  const TOKEN = 'doctor-admin-token-long-enough-0123456789';
  let stack: Stack | undefined;
  let url: string;

  beforeAll(async () => {
    stack = await startStack({
      name: 'doctor',
      // Not migrated yet: the first check must say so.
      migrate: false,
      vars: {
        ADMIN_TOKEN: TOKEN,
        SECRET_KEY: 'doctor-secret-key-long-enough-0123456789',
        ALLOWED_ORIGINS: 'https://blog.example',
        WEBHOOK_URL: 'https://hooks.example/causerie',
        WEBHOOK_SECRET: 'doctor-webhook-secret',
        EMAIL_API_URL: 'https://mail.example/send',
        EMAIL_FROM: 'comments@blog.example',
        OWNER_EMAIL: 'owner@blog.example',
      },
    });
    url = stack.url;
  });

  afterAll(() => stack?.stop());

  it('says the migrations are missing, then that all is good once they are applied', async () => {
    const before = doctor('--url', url, '--site', 'https://blog.example', '--token', TOKEN);
    expect(before.of('migrations')).toBe(
      `FIX   migrations: none applied, the worker needs ${LATEST}: run npm run deploy (it applies them), or npx wrangler d1 migrations apply DB --remote`,
    );
    expect(before.status).toBe(1);

    await stack?.migrate();
    const after = doctor('--url', url, '--site', 'https://blog.example', '--token', TOKEN);
    expect(after.of('migrations')).toBe(`ok    migrations: current (${LATEST})`);
    expect(after.of('secrets')).toBe('ok    secrets: ADMIN_TOKEN and SECRET_KEY are set');
    expect(after.of('allowed origins')).toBe('ok    allowed origins: include https://blog.example');
    expect(after.of('e-mail')).toBe('ok    e-mail: configured; the owner hears of new comments');
    expect(after.of('webhook')).toBe('ok    webhook: configured and signed');
    expect(after.of('CORS')).toBe('ok    CORS: answers for https://blog.example (preflight and GET)');
    expect(after.stdout.split('\n').filter((l) => /^(FIX|warn)/.test(l))).toEqual([]);
    expect(after.stdout).toContain('All good.');
    expect(after.status).toBe(0);
  });
});
