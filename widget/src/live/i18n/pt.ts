import type { Plural } from '../../i18n/messages.ts';

/** The button of new comments in the thread (causerie-live.pt.js). */
export const newComments: Plural = {
  one: '{n} comentário novo — mostrar',
  other: '{n} comentários novos — mostrar',
};
