import type { Plural } from '../../i18n/messages.ts';

/** The button of new comments in the thread (causerie-live.ja.js). */
export const newComments: Plural = { other: '新しいコメント {n} 件 — 表示' };
