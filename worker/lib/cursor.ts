/**
 * Opaque page cursors for GET /threads: where the next page starts, in the page's sort order.
 * Keyset, not offset: comments added meanwhile shift nothing, so no comment is repeated or skipped.
 * Oldest/newest pages are ranges of root ordinals (`tree`); top pages continue after the last root's
 * (pinned, likes, seq).
 */
import type { Cursor } from '../types/cursor.ts';
import { base64UrlToText, textToBase64Url } from './encoding.ts';

export type { Cursor };

export const encodeCursor = (cursor: Cursor): string =>
  textToBase64Url(
    JSON.stringify(
      cursor.sort === 'top'
        ? ['t', cursor.pinned, cursor.seq, cursor.likes]
        : [cursor.sort === 'oldest' ? 'o' : 'n', cursor.tree],
    ),
  );

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** Returns `null` for anything that is not a cursor this server made (the route answers 400). */
export const decodeCursor = (text: string): Cursor | null => {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(base64UrlToText(text) ?? '');
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const [code, ...rest] = parsed as unknown[];
  if ((code === 'o' || code === 'n') && rest.length === 1 && isCount(rest[0])) {
    return { sort: code === 'o' ? 'oldest' : 'newest', tree: rest[0] };
  }
  if (code === 't' && rest.length === 3) {
    const [pinned, seq, likes] = rest;
    if ((pinned === 0 || pinned === 1) && isCount(seq) && isCount(likes))
      return { sort: 'top', pinned, seq, likes };
  }
  return null;
};
