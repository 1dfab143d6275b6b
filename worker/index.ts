/**
 * The Causerie worker: the v1 API under /api/v1 (Hono), composed from small sub-apps.
 * Static files (embed.js, the demo pages) are served by Workers assets before this runs;
 * wrangler.toml's `run_worker_first` sends /api/* here first.
 */
import { Hono } from 'hono';
import type { AppEnv } from './env.ts';
import { onError, onNotFound } from './errors.ts';
import { limitBody, requireJson } from './middleware/json-body.ts';
import { readerCors, writeOrigin } from './middleware/origin.ts';
import { settings } from './middleware/settings.ts';
import { comments } from './routes/comments.ts';
import { config } from './routes/config.ts';
import { threads } from './routes/threads.ts';

const api = new Hono<AppEnv>()
  .use(readerCors())
  .use(writeOrigin())
  .use(limitBody())
  .use(requireJson())
  .route('/threads', threads)
  .route('/comments', comments)
  .route('/config', config);

const app = new Hono<AppEnv>().use(settings()).route('/api/v1', api);
app.onError(onError);
app.notFound(onNotFound);

export type AppType = typeof app;
export default app;
