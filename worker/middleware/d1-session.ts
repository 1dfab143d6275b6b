/**
 * D1 read replication through the Sessions API: for the length of a request, `c.env.DB` is one D1
 * session, so every query of the request (and every route, service and db/ function, unchanged) runs
 * on it with sequential consistency.
 *
 * - A read starts `first-unconstrained` (any replica near the reader), or at the bookmark the reader
 *   gives: `?bookmark=` on a GET (the query string is part of the Workers Cache key, so such a read
 *   never meets a cached answer, and lib/edge-cache-headers.ts keeps it out of the cache), or the
 *   `X-D1-Bookmark` header.
 * - A write starts `first-primary`: its own checks (the comment to edit, the parent of a reply) read
 *   what the primary committed, never a lagging replica.
 * - A write answers the session's bookmark in `X-D1-Bookmark`; the widget sends it with its next read,
 *   so a writer always reads their own write, from whichever replica.
 * https://developers.cloudflare.com/d1/best-practices/read-replication/
 *
 * Mounted after the storage boundary: the session comes from the guarded `DB`, and the boundary guards
 * what a binding hands back (the session, its statements), so a failing session is a 503 too.
 * Local D1 (workerd, `npm run dev` and the tests) implements `withSession` and bookmarks: same code path.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';

export const BOOKMARK_HEADER = 'X-D1-Bookmark';

/** D1 bookmarks are four hex fields, e.g. `00000085-0000024c-00004c6d-8e61117bf38d7adb71b934ebbf891683`. */
const BOOKMARK = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/i;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session behind the `D1Database` shape every db/ function takes; the rest stays the database's. */
const sessionDatabase = (db: D1Database, session: D1DatabaseSession): D1Database =>
  ({
    prepare: (query: string) => session.prepare(query),
    batch: (statements: D1PreparedStatement[]) => session.batch(statements),
    exec: (query: string) => db.exec(query),
    withSession: (constraint?: string) => db.withSession(constraint),
    dump: () => db.dump(),
  }) as D1Database;

export const d1Session = (): MiddlewareHandler<AppEnv> =>
  async function d1Session(c, next) {
    const given = c.req.query('bookmark') ?? c.req.header(BOOKMARK_HEADER);
    if (given !== undefined && !BOOKMARK.test(given)) {
      throw new ApiError('bad_request', 'bookmark is not a bookmark this API gave', {
        errors: [{ field: 'bookmark', message: 'is not a bookmark this API gave' }],
      });
    }
    c.set('bookmarked', given !== undefined);
    const db = c.env.DB;
    const write = !SAFE_METHODS.has(c.req.method);
    if (!db) return next();
    const session = db.withSession(given ?? (write ? 'first-primary' : 'first-unconstrained'));
    c.env = { ...c.env, DB: sessionDatabase(db, session) };
    await next();
    const bookmark = write ? session.getBookmark() : null;
    if (bookmark) c.res.headers.set(BOOKMARK_HEADER, bookmark);
  };
