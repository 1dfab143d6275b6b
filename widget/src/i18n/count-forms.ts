/**
 * Each language's "{n} comments" forms, and nothing else of its catalog: all the boot script needs to pick
 * a language and fill count links. A named-export glob keeps the rest of each catalog out of embed.js.
 */
import type { Plural } from './messages.ts';

export const countForms: Record<string, Plural> = {};
for (const [path, forms] of Object.entries(
  import.meta.glob<Plural>(
    ['./*.ts', '!./index.ts', '!./messages.ts', '!./count-forms.ts', '!./plural.ts', '!./extra.ts'],
    { eager: true, import: 'commentCount' },
  ),
)) {
  countForms[path.slice(2, -3)] = forms;
}

export const fallbackLang = 'en';

/**
 * The first candidate the widget speaks, compared on the primary subtag (`fr-CA` → `fr`), else English.
 * Candidates come in order of authority: the embed's `data-lang`, the page's `<html lang>`, the browser.
 */
export const pickLang = (candidates: ReadonlyArray<string | null | undefined>): string => {
  for (const candidate of candidates) {
    const primary = candidate?.trim().toLowerCase().split(/[-_]/)[0];
    if (primary && primary in countForms) return primary;
  }
  return fallbackLang;
};
