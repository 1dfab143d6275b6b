/** /api/v1/admin/audit: who did what to which comment or thread, when; newest first, cursor paging. */
import { Hono } from 'hono';
import { listAudit } from '../../db/audit.ts';
import type { AppEnv } from '../../env.ts';
import { validate } from '../../middleware/validate.ts';
import { auditQuerySchema } from './schemas.ts';
import { page, toAuditEntry } from './shapes.ts';

export const adminAudit = new Hono<AppEnv>().get('/', validate('query', auditQuerySchema), async (c) => {
  const { limit, cursor, commentId } = c.req.valid('query');
  const rows = await listAudit(c.env.DB, { before: cursor, limit: limit + 1, commentId: commentId ?? null });
  const { items, nextCursor } = page(rows, limit, (row) => row.id);
  return c.json({ entries: items.map(toAuditEntry), nextCursor });
});
