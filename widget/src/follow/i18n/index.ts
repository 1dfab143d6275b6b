/**
 * The follow part's own catalog (`followMessages` of each `./<lang>.ts`), bundled in
 * causerie-follow.<lang>.js: the build narrows this glob to the one language of the file (vite.config.ts
 * `oneLanguage`), so the app's catalogs (src/i18n/) stay as they are.
 */
import { fallbackLang } from '../../i18n/langs.ts';
import type { FollowMessages } from './en.ts';

const catalogs = import.meta.glob<FollowMessages>(['./*.ts', '!./index.ts'], {
  eager: true,
  import: 'followMessages',
});

/** A language's strings, else English's (in a build, the one language it carries). */
export const followMessages = (lang: string): FollowMessages =>
  catalogs[`./${lang}.ts`] ?? (catalogs[`./${fallbackLang}.ts`] as FollowMessages);
