import type { Plural } from '../../i18n/messages.ts';

/** The button of new comments in the thread (causerie-live.fr.js). */
export const newComments: Plural = {
  one: '{n} nouveau commentaire — afficher',
  other: '{n} nouveaux commentaires — afficher',
};
