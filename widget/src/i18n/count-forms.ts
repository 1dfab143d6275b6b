/**
 * Each language's "{n} comments" forms, and nothing else of its catalog: all the boot script needs to pick
 * a language and fill count links. A named-export glob keeps the rest of each catalog out of embed.js.
 */
import type { Plural } from './messages.ts';

/** `{ './fr.ts': x }` → `{ fr: x }`: the catalog globs here, in index.ts and in extra.ts, keyed by language. */
export const byLang = <T>(modules: Record<string, T>): Record<string, T> => {
  const catalogs: Record<string, T> = {};
  for (const [path, value] of Object.entries(modules)) catalogs[path.slice(2, -3)] = value;
  return catalogs;
};

// Marked pure: the app imports this module only for `fallbackLang`, so its bundle drops the unused table.
export const countForms: Record<string, Plural> = /* @__PURE__ */ byLang(
  import.meta.glob<Plural>(
    ['./*.ts', '!./index.ts', '!./messages.ts', '!./count-forms.ts', '!./plural.ts', '!./extra.ts'],
    { eager: true, import: 'commentCount' },
  ),
);

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
