import type { Plural } from '../../i18n/messages.ts';

/** The button of new comments in the thread (causerie-live.nl.js). */
export const newComments: Plural = {
  one: '{n} nieuwe reactie — tonen',
  other: '{n} nieuwe reacties — tonen',
};
