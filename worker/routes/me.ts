/**
 * The signed-in reader's own account (API.md "Additions": GET /me, DELETE /me, GET /me/comments) and
 * GET /me/export, the download of everything they wrote. Every route needs a live session
 * (`Authorization: Bearer ses_…`): without one, 401 `sign_in_required`; with a dead one, the
 * reader-session middleware already answered 401 `unauthorized`. They work whatever AUTH says, so a
 * reader can always see and erase what is theirs.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { ownCommentsQuerySchema } from '../lib/account-schemas.ts';
import { validate } from '../middleware/validate.ts';
import { describeMe, eraseAccount, exportAccount, ownCommentsPage } from '../services/identity/account.ts';
import type { Reader } from '../services/identity/sessions.ts';
import { purgeThreads } from '../services/pages/edge-cache.ts';

/** The reader of this request, or 401 `sign_in_required`. */
export const signedIn = (c: Context<AppEnv>): Reader => {
  const reader = c.get('reader');
  if (!reader) throw new ApiError('sign_in_required', 'send a session token as Authorization: Bearer ses_…');
  return reader;
};

export const me = new Hono<AppEnv>()
  .get('/', async (c) => c.json(await describeMe(c.env.DB, c.get('settings'), signedIn(c))))
  .get('/comments', validate('query', ownCommentsQuerySchema), async (c) => {
    const reader = signedIn(c);
    const { cursor, limit } = c.req.valid('query');
    return c.json(
      await ownCommentsPage(c.env.DB, c.get('settings'), reader.user.id, { before: cursor ?? null, limit }),
    );
  })
  .get('/export', async (c) => {
    const reader = signedIn(c);
    const data = await exportAccount(c.env.DB, c.get('settings'), reader);
    return c.json(data, 200, {
      'Content-Disposition': `attachment; filename="causerie-${reader.user.id}.json"`,
    });
  })
  .delete('/', async (c) => {
    const reader = signedIn(c);
    purgeThreads(c, await eraseAccount(c.env.DB, reader));
    return c.body(null, 204);
  });
