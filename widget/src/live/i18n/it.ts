import type { Plural } from '../../i18n/messages.ts';

/** The button of new comments in the thread (causerie-live.it.js). */
export const newComments: Plural = {
  one: '{n} nuovo commento — mostra',
  other: '{n} nuovi commenti — mostra',
};
