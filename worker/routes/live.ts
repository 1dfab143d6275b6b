/**
 * GET /api/v1/live?url=U[&id=I]: a WebSocket of the thread's live events (issue 17, docs/api.md "Live
 * updates"), handed to the thread's Durable Object (live/thread-room.ts) once the request is checked: the
 * query as GET /threads reads it (400/422), the page's origin as the reader API's (403; CORS does not apply to
 * WebSockets, so the check is explicit), and an `Upgrade: websocket` header (426). LIVE=off: 404.
 */
import { Hono } from 'hono';
import { findThread } from '../db/threads.ts';
import type { AppEnv } from '../env.ts';
import { ApiError, problemBody } from '../errors.ts';
import { isAllowedOrigin } from '../lib/origins.ts';
import { threadQuerySchema } from '../lib/schemas.ts';
import { COUNT_HEADER } from '../live/thread-room.ts';
import { validate } from '../middleware/validate.ts';
import { requestedPageUrl } from '../services/pages/page-url.ts';

/** 426 has no code of its own in the closed union: a `bad_request` with the status RFC 9110 §15.5.22 names. */
const upgradeRequired = (): Response =>
  new Response(
    JSON.stringify({
      ...problemBody('bad_request', 'GET /live takes a WebSocket: send Upgrade: websocket'),
      status: 426,
      title: 'Upgrade required',
    }),
    {
      status: 426,
      headers: { 'Content-Type': 'application/problem+json; charset=utf-8', Upgrade: 'websocket' },
    },
  );

export const live = new Hono<AppEnv>().get(
  '/',
  async function liveEnabled(c, next) {
    if (!c.get('settings').live || !(c.env as Partial<Cloudflare.Env>).LIVE_ROOMS) {
      throw new ApiError('not_found', 'live updates are off on this site');
    }
    await next();
  },
  validate('query', threadQuerySchema),
  async (c) => {
    const query = c.req.valid('query');
    const settings = c.get('settings');
    const key = query.id ?? (requestedPageUrl(query.url, settings) as string);
    // Browsers always send Origin with a WebSocket handshake; a script without one is judged like a read.
    const origin = c.req.header('Origin');
    if (origin !== undefined && !isAllowedOrigin(origin, new URL(c.req.url).origin, settings)) {
      throw new ApiError('origin_not_allowed', `origin ${origin} may not follow threads here`);
    }
    if (c.req.header('Upgrade')?.toLowerCase() !== 'websocket') return upgradeRequired();

    const thread = await findThread(c.env.DB, key);
    const rooms = c.env.LIVE_ROOMS;
    const answer = await rooms.get(rooms.idFromName(key)).fetch('https://thread-room/connect', {
      headers: { Upgrade: 'websocket', [COUNT_HEADER]: String(thread?.comment_count ?? 0) },
    });
    if (!answer.webSocket)
      throw new ApiError('storage_unavailable', 'live updates are unavailable; try again');
    // A new Response: the object's has immutable headers, and the API's middleware adds its own.
    return new Response(null, { status: 101, webSocket: answer.webSocket });
  },
);
