// Types the worker tests' environment: the migrations binding from vitest.config.ts, and the worker's
// own module as `exports` from 'cloudflare:workers' (so `exports.default.fetch` is typed).
import type { applyD1Migrations } from 'cloudflare:test';

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: Parameters<typeof applyD1Migrations>[1];
    }
    interface GlobalProps {
      mainModule: typeof import('../../worker/index.ts');
    }
  }
}
