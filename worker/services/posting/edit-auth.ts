/**
 * Proof of authorship for PATCH and DELETE /comments/:id: the edit token from POST /comments, sent as
 * `Authorization: Bearer <editToken>` (a header, not a cookie: third-party cookies are blocked anyway).
 */
import { type EditableRow, findEditable } from '../../db/edits.ts';
import { ApiError } from '../../errors.ts';
import { bearerToken } from '../../lib/bearer.ts';
import { checkEditToken } from '../../lib/crypto.ts';

/**
 * 401 without a valid token for this comment, 403 `edit_window_closed` once it expired, 404 when the
 * comment is gone; otherwise the comment.
 */
export const authorizeEdit = async (
  db: D1Database,
  secretKey: string,
  commentId: string,
  authorization: string | undefined,
  now: Date,
): Promise<EditableRow> => {
  const token = bearerToken(authorization);
  if (!token) throw new ApiError('unauthorized', 'send the edit token as Authorization: Bearer <token>');
  const check = await checkEditToken(secretKey, commentId, token, Math.floor(now.getTime() / 1000));
  if (check === 'invalid') throw new ApiError('unauthorized', 'the edit token is not valid for this comment');
  if (check === 'expired') throw new ApiError('edit_window_closed', 'this comment can no longer be changed');
  const row = await findEditable(db, commentId);
  if (!row || row.status === 'deleted' || row.status === 'spam') {
    throw new ApiError('not_found', 'no such comment');
  }
  return row;
};
