/** The extras' strings (`extraMessages` of each `./<lang>.ts`), bundled in causerie-extras.<lang>.js. */
import { byLang } from './count-forms.ts';
import { fallbackLang } from './langs.ts';
import type { ExtraMessages } from './messages.ts';

const catalogs = byLang(
  import.meta.glob<ExtraMessages>(
    [
      './*.ts',
      '!./index.ts',
      '!./messages.ts',
      '!./count-forms.ts',
      '!./plural.ts',
      '!./extra.ts',
      '!./langs.ts',
    ],
    { eager: true, import: 'extraMessages' },
  ),
);

export const _extraMessages = (lang: string): ExtraMessages =>
  catalogs[lang] ?? (catalogs[fallbackLang] as ExtraMessages);
