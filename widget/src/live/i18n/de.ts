import type { Plural } from '../../i18n/messages.ts';

/** The button of new comments in the thread (causerie-live.de.js). */
export const newComments: Plural = {
  one: '{n} neuer Kommentar – anzeigen',
  other: '{n} neue Kommentare – anzeigen',
};
