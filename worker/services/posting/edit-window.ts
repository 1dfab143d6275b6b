/**
 * How long an author may change a comment (issue 13, item 5): a guest for GUEST_EDIT_WINDOW_SECONDS (the
 * edit token's expiry), a signed-in author for USER_EDIT_WINDOW_SECONDS, where 0 means the window never
 * closes. POST /comments issues the edit token with this deadline; edit-auth.ts checks a session by it.
 */
import type { PublicCommentRow } from '../../db/rows.ts';
import type { Settings } from '../../env.ts';

/** The last second a date-time can say (9999-12-31T23:59:59Z): "no end" for USER_EDIT_WINDOW_SECONDS=0. */
export const NO_END_SECONDS = 253_402_300_799;

/** The deadline in epoch seconds: a signed-in comment is one whose author a provider vouched for. */
export const editDeadline = (
  settings: Settings,
  row: Pick<PublicCommentRow, 'created_at' | 'author_provider'>,
): number => {
  const created = Math.floor(Date.parse(row.created_at) / 1000);
  if (row.author_provider === null) return created + settings.editWindowSeconds;
  return settings.userEditWindowSeconds === 0 ? NO_END_SECONDS : created + settings.userEditWindowSeconds;
};
