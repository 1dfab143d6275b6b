// Types the worker tests' environment: the migrations binding that vitest.config.ts adds.
// (`exports` from 'cloudflare:workers' is typed by the generated worker-configuration.d.ts.)
import type { applyD1Migrations } from 'cloudflare:test';

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: Parameters<typeof applyD1Migrations>[1];
    }
  }
}
