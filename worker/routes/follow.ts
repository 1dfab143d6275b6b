/**
 * Following a thread by e-mail (issue 17, item 2): `POST /threads/follow { url, id?, email? }` answers
 * 200 `{ state: "following" }` when the address is vouched for (the signed-in account's verified one, or
 * one its owner confirmed before) and 202 `{ state: "confirm" }` when the double opt-in e-mail goes out
 * first; `DELETE /threads/follow { url, id? }` stops a signed-in reader's follow (a guest uses the link at
 * the foot of every e-mail, routes/unfollow.ts). New comments are mailed by the cron (follow-digest.ts).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { pickMailLang } from '../lib/mail-i18n/index.ts';
import { isAllowedOrigin } from '../lib/origins.ts';
import { LIMITS } from '../lib/schemas.ts';
import * as z from '../lib/zod.ts';
import { validate } from '../middleware/validate.ts';
import { DEFAULT_RETRY } from '../services/notify/deliver.ts';
import { checkFollowRate, followThread, unfollowThread } from '../services/notify/follow.ts';
import { resolvePage } from '../services/posting/post-comment.ts';
import type { FollowResult } from '../types/api.ts';

const text = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .check(z.maxLength(max, { error: `must be at most ${max} characters` }));

const pageFields = {
  url: text(LIMITS.url).check(z.minLength(1, { error: 'is required' })),
  id: z.optional(text(LIMITS.id).check(z.minLength(1, { error: 'must not be empty' }))),
};

const followSchema = z.object({
  ...pageFields,
  email: z.optional(z.pipe(text(LIMITS.email), z.email({ error: 'must be a valid e-mail address' }))),
});

const unfollowSchema = z.object(pageFields);

export const follow = new Hono<AppEnv>()
  .post('/', validate('json', followSchema), async (c) => {
    const input = c.req.valid('json');
    const settings = c.get('settings');
    const origin = new URL(c.req.url).origin;
    const page = resolvePage(input, settings, (o) => isAllowedOrigin(o, origin, settings));
    const now = new Date();
    await checkFollowRate(c.env.DB, settings, c.req.header('CF-Connecting-IP'), now);
    const outcome = await followThread(
      {
        db: c.env.DB,
        settings,
        origin,
        fetcher: (req, init) => fetch(req, init),
        retry: DEFAULT_RETRY,
        binding: c.env.EMAIL,
        lang: pickMailLang(c.req.header('Accept-Language')),
      },
      { threadKey: page.key, email: input.email, reader: c.get('reader'), now },
    );
    // The confirmation e-mail goes after the answer: the follow is stored whatever becomes of the mail.
    const confirm = outcome.confirm;
    if (confirm) {
      c.executionCtx.waitUntil(
        confirm().catch((err) => console.error('follow confirmation e-mail failed:', err)),
      );
    }
    const body: FollowResult = { state: outcome.state };
    return c.json(body, outcome.state === 'following' ? 200 : 202);
  })
  .delete('/', validate('json', unfollowSchema), async (c) => {
    const input = c.req.valid('json');
    const settings = c.get('settings');
    const origin = new URL(c.req.url).origin;
    const page = resolvePage(input, settings, (o) => isAllowedOrigin(o, origin, settings));
    await unfollowThread(c.env.DB, settings.secretKey, page.key, c.get('reader'));
    return c.body(null, 204);
  });
