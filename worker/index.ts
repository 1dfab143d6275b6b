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
import { settings, settingsFor } from './middleware/settings.ts';
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
import { follow } from './routes/follow.ts';
import { commentLikes, pageLikes } from './routes/likes.ts';
import { live } from './routes/live.ts';
import { mastodon } from './routes/mastodon.ts';
import { me } from './routes/me.ts';
import { moderate } from './routes/moderate.ts';
import { preview } from './routes/preview.ts';
import { recent } from './routes/recent.ts';
import { replies } from './routes/replies.ts';
import { threads } from './routes/threads.ts';
import { threadsHtml } from './routes/threads-html.ts';
import { unfollow } from './routes/unfollow.ts';
import { unsubscribe } from './routes/unsubscribe.ts';
import { webmention } from './routes/webmention.ts';
import { liveCommentsTo, liveTargetOf } from './services/live/notify.ts';
import { runMastodonFetches } from './services/mastodon/run.ts';
import { runFollowDigests } from './services/notify/follow-digest.ts';
import { runDigests } from './services/notify/index.ts';
import { purgeThreads } from './services/pages/edge-cache.ts';
import { edgeInclude } from './services/render/edge-include.ts';
import { readOverridesText } from './services/settings/runtime-store.ts';
import { runDueFromEnv } from './services/webmention/run-due.ts';

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
  // Issue 17 (follow): before `/threads`, so that `follow` is never taken for a thread's path.
  .route('/threads/follow', follow)
  // A page's data-mastodon (issue 18): before `/threads`, whose routes never see this path.
  .route('/threads/mastodon', mastodon)
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
  // Live threads (issue 17): the WebSocket of a thread's events, held by its Durable Object.
  .route('/live', live)
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
  // Issue 17 (follow): the one-click unsubscribe of a followed thread's e-mails (a form POST too).
  .route('/api/v1/unfollow', unfollow)
  .route('/api/v1/confirm', confirm)
  // The magic link's page (/auth/email/verify): its button posts a form, so it stays out of the JSON-only
  // reader API. Mounted at /auth for its routing (routes/auth-account.ts `emailProviderOnly`).
  .route('/api/v1/auth', emailVerify)
  .route('/api/v1/moderate', moderate)
  // Webmention (issue 18): server to server and form-encoded, so outside the reader API's CORS and JSON
  // rule; its body is two URLs.
  .use('/api/v1/webmention', limitBody(8 * 1024))
  .route('/api/v1/webmention', webmention)
  .route('/api/v1', api);
app.onError(onError);
app.notFound(onNotFound);

/**
 * Mastodon replies (issue 18): the due links' fetches, with the owner's runtime settings (the moderation
 * mode, the blocklist) as a request would see them, the purge of the threads they changed, and the news
 * of the comments they changed to those threads' live readers (services/live/notify.ts).
 */
const mastodonJob = async (env: Bindings, ctx: ExecutionContext, now: Date): Promise<void> => {
  const settings = settingsFor(env, await readOverridesText(env.KV).catch(() => null));
  const run = await runMastodonFetches({ db: env.DB, settings, now });
  purgeThreads({ executionCtx: ctx }, run.changedKeys);
  liveCommentsTo(liveTargetOf(env, settings, ctx), run.changes);
};

/**
 * The Cron Trigger of wrangler.toml `[triggers]`: sends the digests of reply bursts whose window has
 * closed (services/notify/digest.ts), mails the new comments of followed threads (follow-digest.ts),
 * fetches the replies of linked toots (services/mastodon/run.ts), and tries again the Webmentions whose
 * next attempt is due (services/webmention/run-due.ts): four jobs, each failing alone.
 */
const scheduled: ExportedHandlerScheduledHandler<Bindings> = (controller, env, ctx) => {
  ctx.waitUntil(runDigests(env).catch((err) => console.error('digest run failed:', err)));
  ctx.waitUntil(runFollowDigests(env).catch((err) => console.error('follow run failed:', err)));
  // The run's clock is the trigger's scheduled time (what a test's createScheduledController sets).
  const now = new Date(controller.scheduledTime);
  ctx.waitUntil(mastodonJob(env, ctx, now).catch((err) => console.error('mastodon run failed:', err)));
  ctx.waitUntil(runDueFromEnv(env, ctx, now).catch((err) => console.error('webmention run failed:', err)));
};

// The Durable Object class of live threads, bound as LIVE_ROOMS in wrangler.toml: the runtime finds it here.
export { ThreadRoom } from './live/thread-room.ts';

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

/** The Hono app itself, for the tests of its routing (test/worker/routing.test.ts). */
export { app };

export default { fetch, scheduled } satisfies ExportedHandler<Bindings>;
