/**
 * Language selection and the translator. Every `./<lang>.ts` file beside this one is a language: adding
 * one is adding one file, picked up by the glob below at build time.
 */
import type { Messages, Plural } from './messages.ts';

// Eager glob: the catalogs are a few hundred bytes each, so bundling them all beats a second request.
const catalogs: Record<string, Messages> = {};
for (const [path, messages] of Object.entries(
  import.meta.glob<Messages>(['./*.ts', '!./index.ts', '!./messages.ts'], {
    eager: true,
    import: 'messages',
  }),
)) {
  catalogs[path.slice(2, -3)] = messages;
}

export const fallbackLang = 'en';

/** The languages the widget speaks, e.g. `['en', 'fr']`. */
export const supportedLangs = (): string[] => Object.keys(catalogs);

/**
 * The first candidate the widget speaks, compared on the primary subtag (`fr-CA` → `fr`), else English.
 * Candidates come in order of authority: the embed's `data-lang`, the page's `<html lang>`, the browser.
 */
export const pickLang = (candidates: ReadonlyArray<string | null | undefined>): string => {
  for (const candidate of candidates) {
    const primary = candidate?.trim().toLowerCase().split(/[-_]/)[0];
    if (primary && primary in catalogs) return primary;
  }
  return fallbackLang;
};

export interface Translator {
  lang: string;
  m: Messages;
  /** `plural(m.commentCount, 3)` → "3 commentaires", using the language's CLDR plural rules. */
  plural: (forms: Plural, n: number) => string;
  /** Fills `{key}` placeholders: `fill(m.replyTo, { name: 'Alice' })`. */
  fill: (text: string, values: Record<string, string>) => string;
}

const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

export const translator = (lang: string): Translator => {
  const m = catalogs[lang] ?? (catalogs[fallbackLang] as Messages);
  const rules = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang);
  return {
    lang,
    m,
    plural: (forms, n) => fill(forms[rules.select(n)] ?? forms.other, { n: numbers.format(n) }),
    fill,
  };
};
