/**
 * Proof of authorship for PATCH and DELETE /comments/:id: the edit token from POST /comments, sent as
 * `Authorization: Bearer <editToken>` (a header, not a cookie: third-party cookies are blocked anyway), or,
 * for a comment a signed-in reader wrote, that reader's session in the same header (issue 13): their
 * window is USER_EDIT_WINDOW_SECONDS (0: never closes), a guest's GUEST_EDIT_WINDOW_SECONDS.
 */
import { type EditableRow, findEditable } from '../../db/edits.ts';
import type { Settings } from '../../env.ts';
import { ApiError } from '../../errors.ts';
import { bearerToken } from '../../lib/bearer.ts';
import { checkEditToken } from '../../lib/crypto.ts';
import type { Reader } from '../identity/sessions.ts';
import { editDeadline } from './edit-window.ts';

const findLive = async (db: D1Database, commentId: string): Promise<EditableRow> => {
  const row = await findEditable(db, commentId);
  if (!row || row.status === 'deleted' || row.status === 'spam') {
    throw new ApiError('not_found', 'no such comment');
  }
  return row;
};

/** A signed-in reader's own comment: 404 gone, 403 `forbidden` not theirs, 403 once their window closed. */
const authorizeBySession = async (
  db: D1Database,
  settings: Settings,
  commentId: string,
  reader: Reader,
  now: Date,
): Promise<EditableRow> => {
  const row = await findLive(db, commentId);
  if (row.user_id !== reader.user.id) throw new ApiError('forbidden', 'this comment is not yours');
  if (editDeadline(settings, row) <= Math.floor(now.getTime() / 1000)) {
    throw new ApiError('edit_window_closed', 'this comment can no longer be changed');
  }
  return row;
};

/**
 * 401 without a valid token for this comment, 403 `edit_window_closed` once it expired, 404 when the
 * comment is gone; otherwise the comment.
 */
export const authorizeEdit = async (
  db: D1Database,
  settings: Settings,
  commentId: string,
  authorization: string | undefined,
  now: Date,
  reader: Reader | null = null,
): Promise<EditableRow> => {
  if (reader) return authorizeBySession(db, settings, commentId, reader, now);
  const token = bearerToken(authorization);
  if (!token) throw new ApiError('unauthorized', 'send the edit token as Authorization: Bearer <token>');
  const check = await checkEditToken(settings.secretKey, commentId, token, Math.floor(now.getTime() / 1000));
  if (check === 'invalid') throw new ApiError('unauthorized', 'the edit token is not valid for this comment');
  if (check === 'expired') throw new ApiError('edit_window_closed', 'this comment can no longer be changed');
  return findLive(db, commentId);
};
