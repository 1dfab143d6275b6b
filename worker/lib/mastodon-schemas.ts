/** The zod schemas of the Mastodon link's inputs: the reader API's (an embed) and the owner's. */
import { LIMITS } from './schemas.ts';
import * as z from './zod.ts';

const atMost = (n: number) => ({ error: `must be at most ${n} characters` });
const text = (max: number) => z.string({ error: 'must be a string' }).check(z.maxLength(max, atMost(max)));
const required = (max: number) => text(max).check(z.minLength(1, { error: 'is required' }));

/** `POST /api/v1/threads/mastodon`: the page (as for a comment) and its `data-mastodon`. */
export const embedLinkSchema = z.object({
  url: required(LIMITS.url),
  id: z.optional(text(LIMITS.id)),
  title: z.optional(text(LIMITS.title)),
  toot: required(LIMITS.url),
});

/** `PUT /api/v1/admin/threads/mastodon`: a thread by its key, or a page by its URL (and id), and the toot. */
export const ownerLinkSchema = z
  .object({
    key: z.optional(required(LIMITS.url)),
    page: z.optional(required(LIMITS.url)),
    id: z.optional(required(LIMITS.id)),
    url: required(LIMITS.url),
  })
  .check(
    z.refine((input) => (input.key === undefined) !== (input.page === undefined), {
      error: 'give either key (a thread) or page (a page URL)',
      path: ['key'],
    }),
  );

/** `GET|DELETE …/mastodon?key=…` and `POST …/mastodon/refresh { key }`. */
export const threadKeySchema = z.object({ key: required(LIMITS.url) });
