/** What the live updates tell readers about comments a write just changed (services/live/notify.ts). */
import { PUBLIC_COMMENT_COLUMNS, type PublicCommentRow } from './rows.ts';

/**
 * The public rows of these comments, whatever their status (the caller tells `approved` from the rest); an
 * erased comment is simply absent. One statement: the ids go as one JSON parameter.
 * @example await findPublicComments(db, ['c1', 'c2'])
 */
export const findPublicComments = async (
  db: D1Database,
  ids: readonly string[],
): Promise<PublicCommentRow[]> => {
  if (ids.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT ${PUBLIC_COMMENT_COLUMNS} FROM comments c WHERE c.id IN (SELECT value FROM json_each(?1))`,
    )
    .bind(JSON.stringify(ids))
    .all<PublicCommentRow>();
  return results;
};
