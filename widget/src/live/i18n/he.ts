import type { Plural } from '../../i18n/messages.ts';

/** The button of new comments in the thread (causerie-live.he.js). */
export const newComments: Plural = {
  one: 'תגובה חדשה אחת — הצגה',
  two: '{n} תגובות חדשות — הצגה',
  other: '{n} תגובות חדשות — הצגה',
};
