/**
 * The sign-in part's strings (`authMessages` of each `i18n/<lang>.ts`), bundled in causerie-auth.<lang>.js.
 * Outside i18n/ so the language globs there need not exclude it; vite.config.ts narrows this glob too.
 */
import { fallbackLang } from '../i18n/langs.ts';
import type { AuthMessages, ExtraMessages } from '../i18n/messages.ts';

const modules = import.meta.glob<AuthMessages>(
  [
    '../i18n/*.ts',
    '!../i18n/index.ts',
    '!../i18n/messages.ts',
    '!../i18n/count-forms.ts',
    '!../i18n/plural.ts',
    '!../i18n/extra.ts',
    '!../i18n/langs.ts',
  ],
  { eager: true, import: 'authMessages' },
);
/**
 * The server's error messages, and none of the extras' other strings (the `errors` of `extraMessages`,
 * exported alone; `_extraMessages` would bundle them all): the sign-in part says what went wrong without
 * the extras having loaded.
 */
const errorModules = import.meta.glob<ExtraMessages['errors']>(
  [
    '../i18n/*.ts',
    '!../i18n/index.ts',
    '!../i18n/messages.ts',
    '!../i18n/count-forms.ts',
    '!../i18n/plural.ts',
    '!../i18n/extra.ts',
    '!../i18n/langs.ts',
  ],
  { eager: true, import: 'errorMessages' },
);
/** A language's catalog, else English's (the build narrows each glob to the one language it bundles). */
const byLang =
  <T>(found: Record<string, T>) =>
  (lang: string): T =>
    found[`../i18n/${lang}.ts`] ?? (found[`../i18n/${fallbackLang}.ts`] as T);

export const _authMessages = byLang(modules);
/** Named to sort last among the mangled names of its use count (vite.config.ts): the app's keep theirs. */
export const _whyMessages = byLang(errorModules);
