import type { Plural } from '../../i18n/messages.ts';

/** The button of new comments in the thread (causerie-live.en.js). */
export const newComments: Plural = { one: '{n} new comment — show', other: '{n} new comments — show' };
