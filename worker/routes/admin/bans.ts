/**
 * /api/v1/admin/bans: list, add (by e-mail, IP hash, reader hash, or every one of them a comment's author
 * left), and lift bans. The check itself runs on every post (post-comment.ts).
 */
import { Hono } from 'hono';
import { nanoid } from 'nanoid';
import { type BanRow, banDelete, banInsert, commentAuthor, findBan, listBans } from '../../db/admin-bans.ts';
import { auditStatement } from '../../db/audit.ts';
import type { AppEnv } from '../../env.ts';
import { ApiError, validationFailed } from '../../errors.ts';
import { validate } from '../../middleware/validate.ts';
import { ADMIN_ACTOR } from '../../services/moderation/moderate.ts';
import { banSchema } from './schemas.ts';
import { toBan } from './shapes.ts';

const MAX_LISTED = 1000;

export const adminBans = new Hono<AppEnv>()
  .get('/', async (c) => {
    const rows = await listBans(c.env.DB, MAX_LISTED);
    const now = new Date();
    return c.json({ bans: rows.map((row) => toBan(row, now)) });
  })
  .post('/', validate('json', banSchema), async (c) => {
    const input = c.req.valid('json');
    const db = c.env.DB;
    let subjects: Array<[BanRow['kind'], string]>;
    if (input.commentId !== undefined) {
      const commentId = input.commentId;
      const author = await commentAuthor(db, commentId);
      if (!author) throw new ApiError('not_found', 'no such comment');
      // Everything the author left, so a new e-mail address alone does not get them back in.
      subjects = [
        ['email', author.author_email],
        ['ip', author.ip_hash],
        ['reader', author.reader_hash],
      ].filter((s): s is [BanRow['kind'], string] => s[1] !== null);
      if (subjects.length === 0) {
        throw validationFailed([{ field: 'commentId', message: 'this comment left nothing to ban by' }]);
      }
    } else if (input.email !== undefined) subjects = [['email', input.email.toLowerCase()]];
    else if (input.ipHash !== undefined) subjects = [['ip', input.ipHash]];
    else subjects = [['reader', input.readerHash as string]];

    const now = new Date();
    const rows: BanRow[] = subjects.map(([kind, value]) => ({
      id: nanoid(),
      kind,
      value,
      reason: input.reason || null,
      expires_at: input.expiresAt === undefined ? null : new Date(input.expiresAt).toISOString(),
      created_at: now.toISOString(),
    }));
    await db.batch(
      rows.flatMap((row) => [
        banInsert(db, row),
        auditStatement(db, {
          actor: ADMIN_ACTOR,
          action: 'ban.create',
          commentId: input.commentId ?? null,
          // The kind and id only: the log outlives the ban, the e-mail address should not.
          detail: { banId: row.id, kind: row.kind, expiresAt: row.expires_at },
          at: row.created_at,
        }),
      ]),
    );
    return c.json({ bans: rows.map((row) => toBan(row, now)) }, 201);
  })
  .delete('/:id', async (c) => {
    const db = c.env.DB;
    const ban = await findBan(db, c.req.param('id'));
    if (!ban) throw new ApiError('not_found', 'no such ban');
    await db.batch([
      banDelete(db, ban.id),
      auditStatement(db, {
        actor: ADMIN_ACTOR,
        action: 'ban.delete',
        detail: { banId: ban.id, kind: ban.kind },
        at: new Date().toISOString(),
      }),
    ]);
    return c.body(null, 204);
  });
