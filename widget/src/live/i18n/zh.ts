import type { Plural } from '../../i18n/messages.ts';

/** The button of new comments in the thread (causerie-live.zh.js). */
export const newComments: Plural = { other: '{n} 条新评论 — 显示' };
