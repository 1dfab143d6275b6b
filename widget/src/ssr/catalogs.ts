/**
 * Every language's catalog by explicit import, for the worker's rendering: the app's translator reads them
 * through `import.meta.glob`, a Vite feature the worker's bundler (esbuild, through wrangler) does not
 * have. test/widget/ssr.test.tsx checks that this list and i18n/langs.ts agree.
 */
import { messages as ar } from '../i18n/ar.ts';
import { messages as de } from '../i18n/de.ts';
import { messages as en } from '../i18n/en.ts';
import { messages as es } from '../i18n/es.ts';
import { messages as fr } from '../i18n/fr.ts';
import { messages as he } from '../i18n/he.ts';
import { messages as it } from '../i18n/it.ts';
import { messages as ja } from '../i18n/ja.ts';
import type { Messages } from '../i18n/messages.ts';
import { messages as nl } from '../i18n/nl.ts';
import { messages as pl } from '../i18n/pl.ts';
import { messages as pt } from '../i18n/pt.ts';
import { messages as zh } from '../i18n/zh.ts';

export const catalogs: Record<string, Messages> = { ar, de, en, es, fr, he, it, ja, nl, pl, pt, zh };
