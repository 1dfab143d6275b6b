/**
 * /api/v1/admin/threads: the thread list, and one PATCH to lock, retitle or move a thread. Moving to a URL
 * whose thread already exists merges the two (a site that changed its URLs usually has comments on both
 * the old and the new address); the answer says which happened.
 */
import { Hono } from 'hono';
import {
  findAdminThread,
  listThreads,
  mergeStatements,
  moveStatements,
  threadUpdate,
} from '../../db/admin-threads.ts';
import { auditStatement } from '../../db/audit.ts';
import type { AppEnv } from '../../env.ts';
import { ApiError } from '../../errors.ts';
import { isAllowedOrigin } from '../../lib/origins.ts';
import { validate } from '../../middleware/validate.ts';
import { purgeThreads } from '../../services/pages/edge-cache.ts';
import { resolvePage } from '../../services/posting/post-comment.ts';
import { pageQuerySchema, threadPatchSchema } from './schemas.ts';
import { page, toAdminThread } from './shapes.ts';

export const adminThreads = new Hono<AppEnv>()
  .get('/', validate('query', pageQuerySchema), async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const rows = await listThreads(c.env.DB, { before: cursor, limit: limit + 1 });
    const { items, nextCursor } = page(rows, limit, (row) => row.id);
    return c.json({ threads: items.map(toAdminThread), nextCursor });
  })
  .patch('/', validate('json', threadPatchSchema), async (c) => {
    const input = c.req.valid('json');
    const db = c.env.DB;
    const thread = await findAdminThread(db, input.key);
    if (!thread) throw new ApiError('not_found', 'no thread with this key');
    const at = new Date().toISOString();
    const statements: D1PreparedStatement[] = [];
    const record = (action: 'thread.update' | 'thread.move' | 'thread.merge', detail: object) =>
      statements.push(
        auditStatement(db, {
          actor: c.get('staff').actor,
          action,
          threadKey: thread.key,
          detail: { ...detail },
          at,
        }),
      );

    if (input.locked !== undefined || input.title !== undefined) {
      statements.push(threadUpdate(db, thread.id, input));
      record('thread.update', { locked: input.locked, title: input.title });
    }

    let finalKey = thread.key;
    let merged = false;
    if (input.url !== undefined) {
      // The same rules as a reader's page URL: normalized, http(s), one of the allowed origins.
      const target = resolvePage({ url: input.url }, c.get('settings'), (o) =>
        isAllowedOrigin(o, new URL(c.req.url).origin, c.get('settings')),
      );
      // A thread keyed by its URL takes the new URL as its key; one keyed by an explicit page id keeps it.
      const newKey = thread.key === thread.url ? target.url : thread.key;
      const existing = newKey === thread.key ? null : await findAdminThread(db, newKey);
      if (existing) {
        statements.push(...mergeStatements(db, thread, existing));
        record('thread.merge', { into: existing.key, url: target.url });
        merged = true;
      } else {
        statements.push(...moveStatements(db, thread, { key: newKey, url: target.url }));
        record('thread.move', { key: newKey, url: target.url });
      }
      finalKey = newKey;
    }

    if (statements.length) await db.batch(statements);
    purgeThreads(c, [thread.key, finalKey]);
    const updated = await findAdminThread(db, finalKey);
    if (!updated) throw new ApiError('not_found', 'no thread with this key');
    return c.json({ thread: toAdminThread(updated), merged });
  });
