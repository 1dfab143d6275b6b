import type { Plural } from '../../i18n/messages.ts';

/** The button of new comments in the thread (causerie-live.pl.js). */
export const newComments: Plural = {
  one: '{n} nowy komentarz — pokaż',
  few: '{n} nowe komentarze — pokaż',
  many: '{n} nowych komentarzy — pokaż',
  other: '{n} nowego komentarza — pokaż',
};
