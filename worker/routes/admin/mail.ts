/**
 * /api/v1/admin/mail: the e-mails the worker sent, could not send after its retries, held back over the
 * daily cap or queued for a digest (db/mail-log.ts), newest first, cursor paging. `?status=failed` is the
 * owner's "what got lost" view.
 */
import { Hono } from 'hono';
import { listMailLog, type MailLogRow } from '../../db/mail-log.ts';
import type { AppEnv } from '../../env.ts';
import { validate } from '../../middleware/validate.ts';
import type { MailEntry } from '../../types/api.ts';
import { mailQuerySchema } from './schemas.ts';
import { page } from './shapes.ts';

const toEntry = (row: MailLogRow): MailEntry => ({
  id: row.id,
  at: row.created_at,
  kind: row.kind,
  to: row.recipient,
  subject: row.subject,
  transport: row.transport,
  status: row.status,
  attempts: row.attempts,
  lastStatus: row.last_status,
  error: row.error,
});

export const adminMail = new Hono<AppEnv>().get('/', validate('query', mailQuerySchema), async (c) => {
  const { status, limit, cursor } = c.req.valid('query');
  const rows = await listMailLog(c.env.DB, {
    status: status === 'all' ? null : status,
    before: cursor,
    limit: limit + 1,
  });
  const { items, nextCursor } = page(rows, limit, (row) => row.id);
  return c.json({ mail: items.map(toEntry), nextCursor });
});
