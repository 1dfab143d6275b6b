import type { Plural } from '../../i18n/messages.ts';

/** The button of new comments in the thread (causerie-live.ar.js). */
export const newComments: Plural = {
  zero: 'لا تعليقات جديدة',
  one: 'تعليق جديد واحد — اعرضه',
  two: 'تعليقان جديدان — اعرضهما',
  few: '{n} تعليقات جديدة — اعرضها',
  many: '{n} تعليقًا جديدًا — اعرضها',
  other: '{n} تعليق جديد — اعرضها',
};
