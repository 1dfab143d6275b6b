/**
 * The admin page's languages, the widget's way (widget/src/i18n): every `./<lang>.ts` beside this file is a
 * catalog exporting `strings`, found by the glob at build time, so adding a language is adding one file.
 * The page speaks the owner's choice (kept in localStorage), else the browser's first language it has.
 */
import type { Strings } from './en.ts';

export type { Strings };

const byLang = (modules: Record<string, Strings>): Record<string, Strings> => {
  const catalogs: Record<string, Strings> = {};
  for (const [path, value] of Object.entries(modules)) catalogs[path.slice(2, -3)] = value;
  return catalogs;
};

const catalogs = byLang(
  import.meta.glob<Strings>(['./*.ts', '!./index.ts'], { eager: true, import: 'strings' }),
);

export const FALLBACK_LANG = 'en';

/** Each language by its own name (an autonym reads right in every language, so it is in no catalog). */
export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fr: 'Français' };

/** The languages the admin page speaks, e.g. `['en', 'fr']`. */
export const adminLangs = (): string[] => Object.keys(catalogs).sort();

export const stringsFor = (lang: string): Strings => catalogs[lang] ?? (catalogs[FALLBACK_LANG] as Strings);

const STORAGE_KEY = 'causerie-admin-lang';

/** The first candidate the page speaks, on its primary subtag (`fr-CA` → `fr`), else English. */
export const pickAdminLang = (candidates: ReadonlyArray<string | null | undefined>): string => {
  for (const candidate of candidates) {
    const primary = candidate?.trim().toLowerCase().split(/[-_]/)[0];
    if (primary && primary in catalogs) return primary;
  }
  return FALLBACK_LANG;
};

// Storage may throw (disabled, or a sandboxed frame): the choice then lasts as long as the page.
const stored = (): string | null => {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
};

/** The owner's saved choice, then the browser's languages in their order of preference. */
export const initialAdminLang = (): string =>
  pickAdminLang([stored(), ...(navigator.languages ?? []), navigator.language]);

export const saveAdminLang = (lang: string): void => {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // See stored().
  }
};
