/**
 * The Causerie worker: the v1 API under /api/v1 (Hono), composed from small sub-apps.
 * Static files (embed.js, the demo pages) are served by Workers assets before this runs;
 * wrangler.toml's `run_worker_first` sends /api/* here first.
 */
import { Hono } from 'hono';
import type { AppEnv, Bindings } from './env.ts';
import { onError, onNotFound } from './errors.ts';
import { apiHeaders } from './middleware/api-headers.ts';
import { d1Session } from './middleware/d1-session.ts';
import { limitBody, requireJson } from './middleware/json-body.ts';
import { noStoreByDefault } from './middleware/no-store-default.ts';
import { readerCors, writeOrigin } from './middleware/origin.ts';
import { readerSession } from './middleware/reader-session.ts';
import { requireSecrets } from './middleware/require-secrets.ts';
import { settings } from './middleware/settings.ts';
import { storageBoundary } from './middleware/storage-boundary.ts';
import { admin } from './routes/admin/index.ts';
import { authAccount, emailVerify } from './routes/auth-account.ts';
import { authPopup } from './routes/auth-popup.ts';
import { authSso } from './routes/auth-sso.ts';
import { comments } from './routes/comments.ts';
import { config } from './routes/config.ts';
import { confirm } from './routes/confirm.ts';
import { counts } from './routes/counts.ts';
import { feed } from './routes/feed.ts';
import { commentLikes, pageLikes } from './routes/likes.ts';
import { me } from './routes/me.ts';
import { moderate } from './routes/moderate.ts';
import { preview } from './routes/preview.ts';
import { recent } from './routes/recent.ts';
import { replies } from './routes/replies.ts';
import { threads } from './routes/threads.ts';
import { threadsHtml } from './routes/threads-html.ts';
import { unsubscribe } from './routes/unsubscribe.ts';
import { runDigests } from './services/notify/index.ts';
import { edgeInclude } from './services/render/edge-include.ts';

const api = new Hono<AppEnv>()
  .use(readerCors())
  // Who is speaking: a session bearer token makes the request a signed-in reader's (issue 13). After the
  // CORS middleware, so that the 401 of a dead session reaches the widget's page readably (it then forgets
  // the token) instead of as an opaque network error.
  .use(readerSession())
  .use(writeOrigin())
  .use(limitBody())
  .use(requireJson())
  .route('/threads/replies', replies)
  // The thread as server HTML (issue 15), before `/threads` like the replies.
  .route('/threads/html', threadsHtml)
  .route('/threads', threads)
  .route('/threads', pageLikes)
  .route('/comments', comments)
  .route('/comments', commentLikes)
  .route('/config', config)
  .route('/preview', preview)
  .route('/counts', counts)
  .route('/recent', recent)
  .route('/feed', feed)
  // The signed-in reader's account, e-mail sign-in and signing out (issue 13); before the popup's
  // `/auth/:provider/*` so that `/auth/email/*` and `/auth/logout` are never taken for a provider.
  .route('/me', me)
  .route('/auth', authAccount)
  // Sign-in (issue 13): the host site's SSO token, and the popup flow of each provider.
  .route('/auth/sso', authSso)
  .route('/auth', authPopup);

// The admin API, the unsubscribe, confirmation and one-click moderation links come before the reader API:
// no reader CORS, no JSON-only rule for their form POSTs (admin/index.ts applies its own body rules).
const app = new Hono<AppEnv>()
  // First, so that a D1/KV failure anywhere below (settings, routes, services) becomes a 503.
  .use(storageBoundary())
  .use(noStoreByDefault())
  .use(apiHeaders())
  .use(settings())
  // After the settings (a malformed bookmark is a 400 like any bad input), before any query.
  .use(d1Session())
  // Before any route: a deployment with example or missing secrets serves nothing (503 not_configured).
  .use('/api/*', requireSecrets())
  // The admin API sees the signed-in reader too (the reader API mounts readerSession after its CORS).
  .use('/api/v1/admin/*', readerSession())
  .route('/api/v1/admin', admin)
  .route('/api/v1/unsubscribe', unsubscribe)
  .route('/api/v1/confirm', confirm)
  // The magic link's page: its button posts a form, so it stays out of the JSON-only reader API.
  .route('/api/v1/auth/email/verify', emailVerify)
  .route('/api/v1/moderate', moderate)
  .route('/api/v1', api);
app.onError(onError);
app.notFound(onNotFound);

/**
 * The Cron Trigger of wrangler.toml `[triggers]`: sends the digests of reply bursts whose window has
 * closed (services/notify/digest.ts).
 */
const scheduled: ExportedHandlerScheduledHandler<Bindings> = (_controller, env, ctx) => {
  ctx.waitUntil(runDigests(env).catch((err) => console.error('digest run failed:', err)));
};

/**
 * The edge include (issue 15; README "Server-rendered threads"): with EDGE_INCLUDE = "on", the worker is
 * in front of the blog, so every path outside /api/ is the blog's page, fetched from its origin with the
 * thread's HTML streamed into the embed's container (services/render/edge-include.ts). The thread's HTML
 * comes from this same app, without a network round trip.
 */
const fetch = (request: Request, env: Bindings, ctx: ExecutionContext): Response | Promise<Response> =>
  env.EDGE_INCLUDE === 'on' && !new URL(request.url).pathname.startsWith('/api/')
    ? edgeInclude(request, env.EDGE_INCLUDE_ORIGIN, (query) =>
        Promise.resolve(
          app.fetch(new Request(new URL(`/api/v1/threads/html?${query}`, request.url)), env, ctx),
        ),
      )
    : app.fetch(request, env, ctx);

export default { fetch, scheduled } satisfies ExportedHandler<Bindings>;
