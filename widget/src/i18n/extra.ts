/** The extras' strings (`extraMessages` of each `./<lang>.ts`), bundled in causerie-extras.<lang>.js. */
import { fallbackLang } from './count-forms.ts';
import type { ExtraMessages } from './messages.ts';

const catalogs: Record<string, ExtraMessages> = {};
for (const [path, messages] of Object.entries(
  import.meta.glob<ExtraMessages>(
    ['./*.ts', '!./index.ts', '!./messages.ts', '!./count-forms.ts', '!./plural.ts', '!./extra.ts'],
    { eager: true, import: 'extraMessages' },
  ),
)) {
  catalogs[path.slice(2, -3)] = messages;
}

export const extraMessages = (lang: string): ExtraMessages =>
  catalogs[lang] ?? (catalogs[fallbackLang] as ExtraMessages);
