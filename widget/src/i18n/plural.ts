/** Plural forms by the language's CLDR rules (Intl.PluralRules), shared by the boot script and the app. */
import type { Plural } from './messages.ts';

export const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** `plural('fr', { one: '{n} commentaire', other: '{n} commentaires' }, 3)` → "3 commentaires". */
export const plural = (lang: string, forms: Plural, n: number): string =>
  fill(forms[new Intl.PluralRules(lang).select(n)] ?? forms.other, {
    n: new Intl.NumberFormat(lang).format(n),
  });
