/**
 * Each language's "{n} comments" forms, and nothing else of its catalog: what causerie-counts.<lang>.js
 * needs to fill count links (the build narrows the glob to one language). A named-export glob keeps the
 * rest of each catalog out of it.
 */
import type { Plural } from './messages.ts';

/** `{ './fr.ts': x }` → `{ fr: x }`: the catalog globs here, in index.ts and in extra.ts, keyed by language. */
export const byLang = <T>(modules: Record<string, T>): Record<string, T> => {
  const catalogs: Record<string, T> = {};
  for (const [path, value] of Object.entries(modules)) catalogs[path.slice(2, -3)] = value;
  return catalogs;
};

// Marked pure: the app and the extras import this module only for `byLang`, so they drop the unused table.
export const countForms: Record<string, Plural> = /* @__PURE__ */ byLang(
  import.meta.glob<Plural>(
    [
      './*.ts',
      '!./index.ts',
      '!./messages.ts',
      '!./count-forms.ts',
      '!./plural.ts',
      '!./extra.ts',
      '!./langs.ts',
    ],
    { eager: true, import: 'commentCount' },
  ),
);
