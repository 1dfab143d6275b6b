/**
 * The languages the widget speaks, and the choice of one for a page. The list is the one line a new
 * language adds besides its file (`./<tag>.ts`): the boot script needs the names alone, and importing the
 * catalogs for them would put every language's strings into embed.js (test/widget/i18n.test.ts checks
 * that the list and the files agree).
 */
export const langs = ['ar', 'de', 'en', 'es', 'fr', 'he', 'it', 'ja', 'nl', 'pl', 'pt', 'zh'];

export const fallbackLang = 'en';

/**
 * The first candidate the widget speaks, else English. Candidates come in order of authority: the embed's
 * `data-lang`, the page's `<html lang>`, the browser. A candidate matches a file by its whole tag
 * (`pt-BR.ts`, if there is one), then by its language and script (`zh-TW` → `zh-Hant.ts`), then by its
 * language alone (`fr-CA` → `fr`, `pt-BR` → `pt`), but only if that language is written in the same script
 * by default: `zh-TW` and `zh-HK` (Traditional) are not given the Simplified `zh.ts`, they go on to the
 * next candidate. Scripts come from CLDR's likely subtags (`Intl.Locale#maximize`, which also reads the
 * old `iw` as `he`): https://developer.mozilla.org/docs/Web/JavaScript/Reference/Global_Objects/Intl/Locale/maximize
 */
export const pickLang = (candidates: ReadonlyArray<string | null | undefined>): string => {
  for (const candidate of candidates) {
    try {
      const tag = candidate?.trim().replace(/_/g, '-');
      if (!tag) continue;
      const { language, script } = new Intl.Locale(tag).maximize();
      for (const name of [tag, `${language}-${script}`, language]) {
        const lang = langs.find((known) => known.toLowerCase() === name.toLowerCase());
        if (lang && (name !== language || new Intl.Locale(language).maximize().script === script))
          return lang;
      }
    } catch {
      // Not a language tag (`data-lang="?"`): the next candidate.
    }
  }
  return fallbackLang;
};
