/**
 * The live part's one string, "N new comments — show", in every language the widget speaks: one file per
 * language beside this one (the same tags as src/i18n/), narrowed to one language per build of
 * causerie-live.<lang>.js (and causerie-watch.<lang>.js) by vite.config.ts, so a reader downloads only their own.
 */
import { byLang } from '../../i18n/count-forms.ts';
import { fallbackLang } from '../../i18n/langs.ts';
import type { Plural } from '../../i18n/messages.ts';

const catalogs = byLang(
  import.meta.glob<Plural>(['./*.ts', '!./index.ts'], { eager: true, import: 'newComments' }),
);

export const newCommentsText = (lang: string): Plural => catalogs[lang] ?? (catalogs[fallbackLang] as Plural);

/** The languages of this build (one, in causerie-live.<lang>.js and causerie-watch.<lang>.js). */
export const liveLangs = (): string[] => Object.keys(catalogs);
