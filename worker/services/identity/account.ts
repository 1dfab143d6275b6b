/**
 * What a signed-in reader can do with their own account (issue 13, item 5): see who they are, list and
 * download their comments, and erase it all (GDPR art. 17). Erasure deletes the comments as a reader's own
 * delete does (db/edits.ts): a comment with replies stays as an anonymous placeholder so the thread keeps
 * its shape, every other one is removed with its likes, and counters move with each change.
 */
import {
  accountThreadKeys,
  erasableLeaves,
  eraseAccountStatements,
  eraseLeavesStatements,
  listIdentities,
  listOwnComments,
  type OwnCommentRow,
  placeholderAccountStatements,
} from '../../db/accounts.ts';
import { toComment } from '../../db/rows.ts';
import type { Settings } from '../../env.ts';
import { keyedHash } from '../../lib/crypto.ts';
import { staffRole } from '../../lib/moderators.ts';
import type { AccountExport, Me, OwnComment, StaffRole } from '../../types/api.ts';
import { type Reader, toSessionUser } from './sessions.ts';

/** The avatar seed of an account's comments: the same on every page and device, keyed, never the e-mail. */
export const accountAvatar = (secretKey: string, userId: string): Promise<string> =>
  keyedHash(secretKey, 'avatar:user', userId, 16);

/** The admin role MODERATORS gives this account, or `null`. */
export const accountRole = async (
  db: D1Database,
  settings: Settings,
  reader: Reader,
): Promise<StaffRole | null> => {
  if (settings.moderators.length === 0) return null;
  const identities = await listIdentities(db, reader.user.id);
  return staffRole(settings.moderators, { email: reader.user.email, identities });
};

export const describeMe = async (db: D1Database, settings: Settings, reader: Reader): Promise<Me> => ({
  ...toSessionUser(reader),
  avatar: await accountAvatar(settings.secretKey, reader.user.id),
  expiresAt: reader.expiresAt,
  role: await accountRole(db, settings, reader),
  banned: reader.user.banned_at !== null,
});

const toOwnComment = (row: OwnCommentRow, anonymousName: string): OwnComment => ({
  ...toComment(row, anonymousName),
  thread: { key: row.thread_key, url: row.thread_url, title: row.thread_title },
});

/** One page of the reader's comments, newest first; the cursor is the last comment's `seq`. */
export const ownCommentsPage = async (
  db: D1Database,
  settings: Settings,
  userId: string,
  page: { before: number | null; limit: number },
): Promise<{ comments: OwnComment[]; nextCursor: string | null }> => {
  const rows = await listOwnComments(db, userId, { before: page.before, limit: page.limit + 1 });
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    comments: items.map((row) => toOwnComment(row, settings.anonymousName)),
    nextCursor: rows.length > page.limit && last ? String(last.seq) : null,
  };
};

/** Pages of this size make the download: one query each, CPU kept small per step. */
const EXPORT_PAGE = 500;

/** Every comment of the account, with its Markdown: the download of GET /me/export. */
export const exportAccount = async (
  db: D1Database,
  settings: Settings,
  reader: Reader,
  now = new Date(),
): Promise<AccountExport> => {
  const comments: AccountExport['comments'] = [];
  let before: number | null = null;
  for (;;) {
    const rows = await listOwnComments(db, reader.user.id, { before, limit: EXPORT_PAGE });
    for (const row of rows) comments.push({ ...toOwnComment(row, settings.anonymousName), body: row.body });
    const last = rows.at(-1);
    if (rows.length < EXPORT_PAGE || !last) break;
    before = last.seq;
  }
  return { version: 1, exportedAt: now.toISOString(), user: toSessionUser(reader), comments };
};

/**
 * DELETE /me. Leaves first, pass by pass (a reply of one's own under one's own comment frees it for the
 * next pass), each pass one batch; then the rest become placeholders and the account goes, in one last
 * batch. Each batch keeps the counters true on its own, so an erasure cut short is finished by calling
 * again (the session lives until the last batch). The threads touched are returned for the cache purge.
 */
export const eraseAccount = async (db: D1Database, reader: Reader): Promise<string[]> => {
  const threads = await accountThreadKeys(db, reader.user.id);
  let parents: string[] = [];
  for (;;) {
    const leaves = await erasableLeaves(db, reader.user.id, parents);
    if (leaves.length === 0) break;
    await db.batch(
      eraseLeavesStatements(
        db,
        leaves.map((leaf) => leaf.id),
      ),
    );
    parents = leaves.flatMap((leaf) => (leaf.parent_id ? [leaf.parent_id] : []));
  }
  await db.batch([
    ...placeholderAccountStatements(db, reader.user.id),
    ...eraseAccountStatements(db, reader.user),
  ]);
  return threads;
};
