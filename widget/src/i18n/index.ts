/**
 * The translator. Every `./<lang>.ts` file beside this one is a language: adding one is adding one file,
 * picked up by the globs here and in count-forms.ts at build time.
 */
import { fallbackLang, pickLang } from './langs.ts';
import type { Messages, Plural } from './messages.ts';
import { byLang, fill, plural } from './plural.ts';

export { fallbackLang, pickLang };

// Eager glob: the catalogs are a few hundred bytes each, so bundling them all beats a second request. Read
// in a function, not at load: the worker's server rendering (worker/services/render/) bundles the widget's
// components with esbuild, which has no `import.meta.glob`; it brings its own translator (src/ssr/).
const catalogs = (): Record<string, Messages> =>
  byLang(
    import.meta.glob<Messages>(
      [
        './*.ts',
        '!./index.ts',
        '!./messages.ts',
        '!./count-forms.ts',
        '!./plural.ts',
        '!./extra.ts',
        '!./langs.ts',
      ],
      {
        eager: true,
        import: 'messages',
      },
    ),
  );

/** The languages the widget speaks, e.g. `['en', 'fr']`. */
export const supportedLangs = (): string[] => Object.keys(catalogs());

export interface Translator {
  lang: string;
  m: Messages;
  /** `plural(m.commentCount, 3)` → "3 commentaires", using the language's CLDR plural rules. */
  _plural: (forms: Plural, n: number) => string;
  /** Fills `{key}` placeholders: `fill(m.replyTo, { name: 'Alice' })`. */
  _fill: (text: string, values: Record<string, string>) => string;
}

export const translator = (lang: string, all = catalogs()): Translator => ({
  lang,
  m: all[lang] ?? (all[fallbackLang] as Messages),
  _plural: (forms, n) => plural(lang, forms, n),
  _fill: fill,
});
