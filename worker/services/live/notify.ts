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
import type { AppEnv } from '../../env.ts';
import type { LiveEvent } from '../../types/api.ts';
import { contextOf } from '../pages/edge-cache.ts';

/** A comment a write changed, and the thread it was in (read before the write: an erase leaves no row). */
export interface LiveChange {
  id: string;
  threadKey: string;
}

type Rooms = Cloudflare.Env['LIVE_ROOMS'];

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
const schedule = (c: Context<AppEnv>, work: (rooms: Rooms) => Promise<void>): void => {
  const rooms = (c.env as Partial<Cloudflare.Env>).LIVE_ROOMS;
  const ctx = contextOf(c);
  if (!c.get('settings').live || !rooms || !ctx) return;
  ctx.waitUntil(work(rooms).catch((err) => console.error('live update failed:', err)));
};

/**
 * Tells each changed comment's thread what readers now see of it, read back from D1 once committed.
 * @example liveComments(c, [{ id: row.id, threadKey: row.thread_key }])
 */
export const liveComments = (c: Context<AppEnv>, changes: Iterable<LiveChange>): void => {
  const list = [...changes];
  if (list.length === 0) return;
  const anonymousName = c.get('settings').anonymousName;
  schedule(c, async (rooms) => {
    const rows = new Map(
      (
        await findPublicComments(
          c.env.DB,
          list.map((change) => change.id),
        )
      ).map((row) => [row.id, row]),
    );
    const byThread = new Map<string, LiveEvent[]>();
    for (const { id, threadKey } of list) {
      const row = rows.get(id);
      const event: LiveEvent =
        row?.status === 'approved'
          ? { type: 'comment', comment: toComment(row, anonymousName) }
          : { type: 'remove', id };
      byThread.set(threadKey, [...(byThread.get(threadKey) ?? []), event]);
    }
    await Promise.all([...byThread].map(([threadKey, events]) => tell(rooms, threadKey, events)));
  });
};

/**
 * Tells one thread what the route already knows (a comment it posted or edited, a removal, a like count),
 * without reading D1 again.
 * @example liveEvents(c, comment.thread_key, [{ type: 'like', id, likes: state.likes }])
 */
export const liveEvents = (c: Context<AppEnv>, threadKey: string, events: LiveEvent[]): void =>
  schedule(c, (rooms) => tell(rooms, threadKey, events));
