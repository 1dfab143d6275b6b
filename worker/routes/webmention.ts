/**
 * POST /api/v1/webmention: the W3C Webmention endpoint (issue 18), form-encoded `source` and `target`,
 * server to server (no reader CORS, outside the JSON-only rule). 202 with `Location` to the request's
 * status (API.md fixes 202; the Recommendation would also allow 201 for a status page), and verification
 * in `waitUntil` after the answer. GET /api/v1/webmention/:id: that status. Both 404 while WEBMENTION is
 * off, so a site that never turned it on has no endpoint at all.
 */
import { Hono } from 'hono';
import { findWebmention } from '../db/webmentions.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { MAX_MENTION_URL } from '../lib/webmention/mention-request.ts';
import * as z from '../lib/zod.ts';
import { validate } from '../middleware/validate.ts';
import { type LiveChange, liveComments } from '../services/live/notify.ts';
import { purgeThreads } from '../services/pages/edge-cache.ts';
import { checkWebmentionRate } from '../services/webmention/rate.ts';
import { receiveWebmention, toWebmentionStatus } from '../services/webmention/receive.ts';
import { verifyWebmention } from '../services/webmention/verify.ts';

const formSchema = z.object({
  source: z.string().check(z.minLength(1), z.maxLength(MAX_MENTION_URL)),
  target: z.string().check(z.minLength(1), z.maxLength(MAX_MENTION_URL)),
});

const idSchema = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });

export const webmention = new Hono<AppEnv>()
  .use(async function webmentionEnabled(c, next) {
    if (!c.get('settings').webmention.enabled)
      throw new ApiError('not_found', 'Webmention is off on this site');
    await next();
  })
  .post(
    '/',
    async function formEncoded(c, next) {
      // W3C Webmention §3.1.3: the sender posts application/x-www-form-urlencoded.
      if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(c.req.header('Content-Type') ?? '')) {
        throw new ApiError(
          'unsupported_media_type',
          'send source and target as application/x-www-form-urlencoded',
        );
      }
      await next();
    },
    validate('form', formSchema),
    async (c) => {
      const settings = c.get('settings');
      const now = new Date();
      const ownOrigin = new URL(c.req.url).origin;
      // Before anything is recorded: a flood costs one counter row, not a fetch each.
      await checkWebmentionRate(c.env.DB, settings.secretKey, c.req.header('CF-Connecting-IP'), now);
      const status = await receiveWebmention({ db: c.env.DB, settings, now, ownOrigin }, c.req.valid('form'));
      const fetcher: typeof fetch = (input, init) => fetch(input, init);
      // Once a mention changed its thread: the cached pages go (services/pages/edge-cache.ts), and live
      // readers hear of it (services/live/notify.ts).
      const onChanged = (change: LiveChange) => {
        purgeThreads(c, [change.threadKey]);
        liveComments(c, [change]);
      };
      const deps = { db: c.env.DB, settings, now, fetcher, onChanged };
      c.executionCtx.waitUntil(verifyWebmention(deps, status.id));
      return c.json(status, 202, { Location: new URL(`/api/v1/webmention/${status.id}`, c.req.url).href });
    },
  )
  .get('/:id', validate('param', idSchema), async (c) => {
    const row = await findWebmention(c.env.DB, c.req.valid('param').id);
    if (!row) throw new ApiError('not_found', 'no Webmention with this id');
    return c.json(toWebmentionStatus(row));
  });
