/**
 * /api/v1/admin/bans: list, add (by e-mail, IP hash, reader hash, account, or every one of them a comment's
 * author left), and lift bans. The check itself runs on every post and like (write-guards.ts,
 * like-guards.ts). An account ban (issue 13) is `users.banned_at`: its sessions are revoked at once, and a
 * session made since still cannot post or like (403 `banned`); it is listed as `user:<account id>`.
 */
import { Hono } from 'hono';
import { nanoid } from 'nanoid';
import {
  type BannedUserRow,
  commentUserId,
  findBannedUser,
  listBannedUsers,
  revokeSessionsStatement,
  setBanned,
} from '../../db/accounts.ts';
import { type BanRow, banDelete, banInsert, commentAuthor, findBan, listBans } from '../../db/admin-bans.ts';
import { auditStatement } from '../../db/audit.ts';
import { findUser } from '../../db/users.ts';
import type { AppEnv } from '../../env.ts';
import { ApiError, validationFailed } from '../../errors.ts';
import { validate } from '../../middleware/validate.ts';
import type { Ban } from '../../types/api.ts';
import { banSchema } from './schemas.ts';
import { toBan } from './shapes.ts';

const MAX_LISTED = 1000;
const ACCOUNT_BAN = 'user:';

const toAccountBan = (row: BannedUserRow): Ban => ({
  id: `${ACCOUNT_BAN}${row.id}`,
  kind: 'user',
  value: row.id,
  reason: row.ban_reason,
  expiresAt: null,
  createdAt: row.banned_at,
  active: true,
});

export const adminBans = new Hono<AppEnv>()
  .get('/', async (c) => {
    const [rows, accounts] = await Promise.all([
      listBans(c.env.DB, MAX_LISTED),
      listBannedUsers(c.env.DB, MAX_LISTED),
    ]);
    const now = new Date();
    const bans = [...rows.map((row) => toBan(row, now)), ...accounts.map(toAccountBan)];
    // Newest first across both kinds, as each list already is.
    bans.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    return c.json({ bans: bans.slice(0, MAX_LISTED) });
  })
  .post('/', validate('json', banSchema), async (c) => {
    const input = c.req.valid('json');
    const db = c.env.DB;
    const actor = c.get('staff').actor;
    let subjects: Array<[BanRow['kind'], string]> = [];
    let userId: string | null = null;
    if (input.commentId !== undefined) {
      const commentId = input.commentId;
      const author = await commentAuthor(db, commentId);
      if (!author) throw new ApiError('not_found', 'no such comment');
      // Everything the author left, so a new e-mail address alone does not get them back in; a signed-in
      // author's account too, so signing in again does not either.
      subjects = [
        ['email', author.author_email],
        ['ip', author.ip_hash],
        ['reader', author.reader_hash],
      ].filter((s): s is [BanRow['kind'], string] => s[1] !== null);
      userId = await commentUserId(db, commentId);
      if (subjects.length === 0 && userId === null) {
        throw validationFailed([{ field: 'commentId', message: 'this comment left nothing to ban by' }]);
      }
    } else if (input.userId !== undefined) {
      if (!(await findUser(db, input.userId))) {
        throw new ApiError('not_found', 'no such account', {
          errors: [{ field: 'userId', message: 'no such account' }],
        });
      }
      userId = input.userId;
    } else if (input.email !== undefined) subjects = [['email', input.email.toLowerCase()]];
    else if (input.ipHash !== undefined) subjects = [['ip', input.ipHash]];
    else subjects = [['reader', input.readerHash as string]];

    const now = new Date();
    const at = now.toISOString();
    const reason = input.reason || null;
    const rows: BanRow[] = subjects.map(([kind, value]) => ({
      id: nanoid(),
      kind,
      value,
      reason,
      expires_at: input.expiresAt === undefined ? null : new Date(input.expiresAt).toISOString(),
      created_at: at,
    }));
    const statements = rows.flatMap((row) => [
      banInsert(db, row),
      auditStatement(db, {
        actor,
        action: 'ban.create',
        commentId: input.commentId ?? null,
        // The kind and id only: the log outlives the ban, the e-mail address should not.
        detail: { banId: row.id, kind: row.kind, expiresAt: row.expires_at },
        at,
      }),
    ]);
    if (userId !== null) {
      statements.push(
        setBanned(db, userId, { at, reason }),
        revokeSessionsStatement(db, userId, at),
        auditStatement(db, {
          actor,
          action: 'ban.create',
          commentId: input.commentId ?? null,
          detail: { banId: `${ACCOUNT_BAN}${userId}`, kind: 'user', expiresAt: null },
          at,
        }),
      );
    }
    await db.batch(statements);
    const bans = rows.map((row) => toBan(row, now));
    if (userId !== null) bans.push(toAccountBan({ id: userId, banned_at: at, ban_reason: reason }));
    return c.json({ bans }, 201);
  })
  // Owner only (routes/admin/index.ts): a moderator may ban, not lift a ban.
  .delete('/:id', async (c) => {
    const db = c.env.DB;
    const id = c.req.param('id');
    const at = new Date().toISOString();
    const actor = c.get('staff').actor;
    if (id.startsWith(ACCOUNT_BAN)) {
      const account = await findBannedUser(db, id.slice(ACCOUNT_BAN.length));
      if (!account) throw new ApiError('not_found', 'no such ban');
      await db.batch([
        setBanned(db, account.id, null),
        auditStatement(db, { actor, action: 'ban.delete', detail: { banId: id, kind: 'user' }, at }),
      ]);
      return c.body(null, 204);
    }
    const ban = await findBan(db, id);
    if (!ban) throw new ApiError('not_found', 'no such ban');
    await db.batch([
      banDelete(db, ban.id),
      auditStatement(db, { actor, action: 'ban.delete', detail: { banId: ban.id, kind: ban.kind }, at }),
    ]);
    return c.body(null, 204);
  });
