/**
 * The write side of live threads (issue 17): once a write has committed, the thread's Durable Object
 * (live/thread-room.ts) is told what changed, after the answer (`waitUntil`) and best effort, beside the
 * cache purge (services/pages/edge-cache.ts). An object that fails or is unreachable is logged, never
 * thrown: D1 has the write, and a reader who missed it is told so by the `hello` of their next connection.
 *
 * What readers hear: a comment they may see (approved) as `comment`, one they may no longer see (deleted,
 * spam, held, erased) as `remove`, a new like count as `like`. Each call is one RPC, one billed request of
 * the object (https://developers.cloudflare.com/durable-objects/platform/pricing/); LIVE=off makes none.
 */
import type { Context } from 'hono';
import { findPublicComments } from '../../db/live-comments.ts';
import { toComment } from '../../db/rows.ts';
import type { AppEnv, Settings } from '../../env.ts';
import type { LiveEvent } from '../../types/api.ts';
import { contextOf, type EdgeContext } from '../pages/edge-cache.ts';

/** A comment a write changed, and the thread it was in (read before the write: an erase leaves no row). */
export interface LiveChange {
  id: string;
  threadKey: string;
}

type Rooms = Cloudflare.Env['LIVE_ROOMS'];

/**
 * Where live news goes, with or without a request: a route's is its Hono context's (`liveTarget`), the
 * Cron Trigger's (the open web's imports: Mastodon replies, Webmention retries) is built from its bindings.
 */
export interface LiveTarget {
  db: D1Database;
  rooms: Rooms | undefined;
  /** The deployment's `live` setting (LIVE, or the owner's runtime setting). */
  on: boolean;
  anonymousName: string;
  ctx: EdgeContext | undefined;
}

/** The target of these bindings, settings and execution context (the Cron Trigger's, a route's). */
export const liveTargetOf = (
  env: Pick<Partial<Cloudflare.Env>, 'LIVE_ROOMS'> & { DB: D1Database },
  settings: Pick<Settings, 'live' | 'anonymousName'>,
  ctx: EdgeContext | undefined,
): LiveTarget => ({
  db: env.DB,
  rooms: env.LIVE_ROOMS,
  on: settings.live,
  anonymousName: settings.anonymousName,
  ctx,
});

/** A route's target: its bindings, its settings, its execution context. */
export const liveTarget = (c: Context<AppEnv>): LiveTarget =>
  liveTargetOf(c.env, c.get('settings'), contextOf(c));

/** Tells one thread's room; a failure stays here. */
const tell = async (rooms: Rooms, threadKey: string, events: LiveEvent[]): Promise<void> => {
  if (events.length === 0) return;
  try {
    await rooms.get(rooms.idFromName(threadKey)).broadcast(events);
  } catch (err) {
    console.error('live update failed:', err);
  }
};

/** Runs `work` after the answer when live updates are on and bound; nothing otherwise. */
const schedule = (target: LiveTarget, work: (rooms: Rooms) => Promise<void>): void => {
  const { rooms, ctx } = target;
  if (!target.on || !rooms || !ctx) return;
  ctx.waitUntil(work(rooms).catch((err) => console.error('live update failed:', err)));
};

/**
 * Tells each changed comment's thread what readers now see of it, read back from D1 once committed.
 * @example liveCommentsTo(liveTarget(c), [{ id: row.id, threadKey: row.thread_key }])
 */
export const liveCommentsTo = (target: LiveTarget, changes: Iterable<LiveChange>): void => {
  const list = [...changes];
  if (list.length === 0) return;
  schedule(target, async (rooms) => {
    const rows = new Map(
      (
        await findPublicComments(
          target.db,
          list.map((change) => change.id),
        )
      ).map((row) => [row.id, row]),
    );
    const byThread = new Map<string, LiveEvent[]>();
    for (const { id, threadKey } of list) {
      const row = rows.get(id);
      const event: LiveEvent =
        row?.status === 'approved'
          ? { type: 'comment', comment: toComment(row, target.anonymousName) }
          : { type: 'remove', id };
      byThread.set(threadKey, [...(byThread.get(threadKey) ?? []), event]);
    }
    await Promise.all([...byThread].map(([threadKey, events]) => tell(rooms, threadKey, events)));
  });
};

/**
 * A route's `liveCommentsTo`.
 * @example liveComments(c, [{ id: row.id, threadKey: row.thread_key }])
 */
export const liveComments = (c: Context<AppEnv>, changes: Iterable<LiveChange>): void =>
  liveCommentsTo(liveTarget(c), changes);

/**
 * Tells one thread what the route already knows (a comment it posted or edited, a removal, a like count),
 * without reading D1 again.
 * @example liveEvents(c, comment.thread_key, [{ type: 'like', id, likes: state.likes }])
 */
export const liveEvents = (c: Context<AppEnv>, threadKey: string, events: LiveEvent[]): void =>
  schedule(liveTarget(c), (rooms) => tell(rooms, threadKey, events));
