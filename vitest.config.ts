// Three test projects in one `vitest run`: the worker inside workerd (real local D1 and KV),
// the widget in happy-dom, and end-to-end tests in real Chromium against `wrangler dev`.
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig, defineProject } from 'vitest/config';

export default defineConfig(async () => {
  const migrations = await readD1Migrations('worker/migrations');
  return {
    test: {
      projects: [
        defineProject({
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  ADMIN_TOKEN: 'test-admin-token',
                  SECRET_KEY: 'test-secret-key',
                  ALLOWED_ORIGINS: 'https://blog.example,http://localhost:8787',
                  // Requests here use https://comments.example, not a loopback host: let the short test
                  // secrets through (services/secrets.ts); health.test.ts checks the production rule.
                  ALLOW_WEAK_SECRETS: 'true',
                },
              },
            }),
          ],
          test: {
            name: 'worker',
            include: ['test/worker/**/*.test.ts'],
            setupFiles: ['test/worker/apply-migrations.ts'],
            // Real servers on 127.0.0.1: the identity providers (OpenID Connect, GitHub, an SSO JWKS) and
            // Turnstile, Akismet and Telegram (issues 13 and 14).
            // And a Mastodon-API server and the open web of the Webmention tests (issue 18): blog pages,
            // hostile and slow sources.
            globalSetup: [
              'test/support/identity-servers.ts',
              'test/worker/fake-services.ts',
              'test/support/fake-mastodon.ts',
              'test/support/webmention-source.ts',
              // A blog's origin for the edge include (issue 15).
              'test/worker/fake-origin.ts',
            ],
          },
        }),
        defineProject({
          oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
          test: {
            name: 'widget',
            environment: 'happy-dom',
            css: true,
            include: ['test/widget/**/*.test.{ts,tsx}'],
          },
        }),
        defineProject({
          test: {
            name: 'e2e',
            environment: 'node',
            include: ['test/e2e/**/*.test.ts'],
            globalSetup: ['test/e2e/global-setup.ts'],
            testTimeout: 60_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        }),
      ],
    },
  };
});
