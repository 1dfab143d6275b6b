/** Plural forms by the language's CLDR rules (Intl.PluralRules), shared by the boot script and the app. */
import type { Plural } from './messages.ts';

/**
 * `{ './fr.ts': x }` → `{ fr: x }`: the catalog globs of index.ts, count-forms.ts and extra.ts, keyed by
 * language. Here, not in count-forms.ts: importing that one runs its glob, which the worker's bundler
 * (for the server rendering, src/ssr/) cannot.
 */
export const byLang = <T>(modules: Record<string, T>): Record<string, T> => {
  const catalogs: Record<string, T> = {};
  for (const [path, value] of Object.entries(modules)) catalogs[path.slice(2, -3)] = value;
  return catalogs;
};

export const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** `plural('fr', { one: '{n} commentaire', other: '{n} commentaires' }, 3)` → "3 commentaires". */
export const plural = (lang: string, forms: Plural, n: number): string =>
  fill(forms[new Intl.PluralRules(lang).select(n)] ?? forms.other, {
    n: new Intl.NumberFormat(lang).format(n),
  });
