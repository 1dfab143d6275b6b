/**
 * The sign-in part's strings (`authMessages` of each `i18n/<lang>.ts`), bundled in causerie-auth.<lang>.js.
 * Outside i18n/ so the language globs there need not exclude it; vite.config.ts narrows this glob too.
 */
import { fallbackLang } from '../i18n/langs.ts';
import type { AuthMessages } from '../i18n/messages.ts';

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
/** `{ '../i18n/fr.ts': x }` → `{ fr: x }`. */
const catalogs: Record<string, AuthMessages> = {};
for (const [path, value] of Object.entries(modules)) catalogs[path.slice(8, -3)] = value;

export const _authMessages = (lang: string): AuthMessages =>
  catalogs[lang] ?? (catalogs[fallbackLang] as AuthMessages);
