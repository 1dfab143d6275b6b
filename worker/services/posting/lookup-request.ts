/**
 * What a new comment's one lookup batch asks (db/post-lookups.ts): its idempotency key, the guest's name,
 * who writes, the page and parent, the counters to move, and what the checks will read — the filter's
 * counts only when the configured filter runs, first-time trust only in that moderation mode.
 */
import type { PostLookupRequest } from '../../db/post-lookups.ts';
import { nameKey } from '../../lib/name-key.ts';
import type { NewCommentInput } from '../../lib/schemas.ts';
import type { PostContext } from './context.ts';
import type { Author } from './write-guards.ts';

/** What the lookup batch asks for this post (db/post-lookups.ts). */
export const lookupRequest = (
  ctx: PostContext,
  input: NewCommentInput,
  post: {
    page: { key: string };
    author: Author;
    guestName: string | null;
    features: string[] | null;
    keys: string[];
  },
): PostLookupRequest => {
  const { author, keys } = post;
  const userId = ctx.reader?.user.id;
  const limit = ctx.settings.rateLimit;
  // Read early only for the checks that will run: the configured filter, not a caller's own checks.
  const filterRuns = !ctx.checks && ctx.settings.spam.checks.includes('filter');
  return {
    clientId: input.clientId ?? null,
    guestNameKey: post.guestName ? nameKey(post.guestName) : null,
    author,
    nowIso: ctx.now.toISOString(),
    threadKey: post.page.key,
    parentId: input.parentId ?? null,
    rate: limit && keys.length > 0 ? { keys, limit, nowSeconds: Math.floor(ctx.now.getTime() / 1000) } : null,
    features: filterRuns ? post.features : null,
    trust:
      ctx.settings.moderation !== 'first-time'
        ? null
        : userId
          ? { userId }
          : author.email !== null && author.readerHash !== null
            ? { email: author.email, readerHash: author.readerHash }
            : null,
  };
};
