/**
 * Opaque page cursors for GET /threads: the position of the last root of a page, in the page's sort order.
 * Keyset, not offset: comments added meanwhile shift nothing, so no comment is repeated or skipped.
 */
import type { SortOrder } from '../types/api.ts';

export interface Cursor {
  sort: SortOrder;
  pinned: 0 | 1;
  seq: number;
  likes: number;
}

const SORT_CODES: Record<SortOrder, string> = { oldest: 'o', newest: 'n', top: 't' };

export const encodeCursor = (cursor: Cursor): string =>
  btoa(JSON.stringify([SORT_CODES[cursor.sort], cursor.pinned, cursor.seq, cursor.likes]))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** Returns `null` for anything that is not a cursor this server made (the route answers 400). */
export const decodeCursor = (text: string): Cursor | null => {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(atob(text.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return null;
  const [code, pinned, seq, likes] = parsed as unknown[];
  const sort = (Object.keys(SORT_CODES) as SortOrder[]).find((s) => SORT_CODES[s] === code);
  if (!sort || (pinned !== 0 && pinned !== 1) || !isCount(seq) || !isCount(likes)) return null;
  return { sort, pinned, seq, likes };
};
