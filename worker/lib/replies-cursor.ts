/**
 * Opaque cursors of GET /threads/replies: the seq (creation order) of the last reply a client has, so the
 * next replies of a tree are a keyset range of the by-root index. Replies posted meanwhile come at the end.
 */
import type { Comment } from '../types/api.ts';
import { base64UrlToText, textToBase64Url } from './encoding.ts';

export interface RepliesCursor {
  /** Replies after this seq (the root's own seq, or the last reply already shown). */
  after: number;
}

export const encodeRepliesCursor = (cursor: RepliesCursor): string =>
  textToBase64Url(JSON.stringify(['r', cursor.after]));

/** Returns `null` for anything that is not a replies cursor this server made (the route answers 400). */
export const decodeRepliesCursor = (text: string): RepliesCursor | null => {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(text)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(base64UrlToText(text) ?? '');
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || parsed[0] !== 'r') return null;
  const after: unknown = parsed[1];
  return Number.isSafeInteger(after) && (after as number) >= 0 ? { after: after as number } : null;
};

/** A page's root with the cursor to the rest of its tree, when the page cut it (`moreAfter`: page-budget.ts). */
export const withReplies = (
  comment: Comment,
  row: { id: string },
  moreAfter: ReadonlyMap<string, number>,
): Comment => {
  const after = moreAfter.get(row.id);
  return after === undefined ? comment : { ...comment, replies: { more: encodeRepliesCursor({ after }) } };
};
