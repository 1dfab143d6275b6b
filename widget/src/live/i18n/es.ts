import type { Plural } from '../../i18n/messages.ts';

/** The button of new comments in the thread (causerie-live.es.js). */
export const newComments: Plural = {
  one: '{n} comentario nuevo — mostrar',
  other: '{n} comentarios nuevos — mostrar',
};
