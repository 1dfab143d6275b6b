/**
 * The worker's own small catalog for e-mails, one file per language as in widget/src/i18n/ (the widget's
 * catalog is for the page; the worker cannot import it: its layers stay apart). The languages are the
 * widget's: en and fr. Which one a message uses is `pickMailLang` of the Accept-Language of the request
 * that wrote the comment (docs/api.md "E-mail language"): the browser of someone writing on a page is
 * the best signal of its language the worker has without a stored per-page setting.
 */
import { en, type MailMessages } from './en.ts';
import { fr } from './fr.ts';

export type { MailMessages };

const catalogs: Record<string, MailMessages> = { en, fr };

export type MailLang = 'en' | 'fr';

export const MAIL_LANGS: readonly MailLang[] = ['en', 'fr'];

const isMailLang = (lang: string): lang is MailLang => (MAIL_LANGS as readonly string[]).includes(lang);

/**
 * The first language of an Accept-Language header (by q) that the catalog has, else English.
 * @example pickMailLang('fr-CA,fr;q=0.9,en;q=0.8') // 'fr'
 */
export const pickMailLang = (header: string | null | undefined): MailLang => {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q) : 1, index };
    })
    .filter((item) => item.base && item.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((item) => item.base).find(isMailLang) ?? 'en';
};

export const mailMessages = (lang: string): MailMessages => catalogs[lang] ?? en;

/**
 * Fills the `{name}` slots of a catalog string.
 * @example fill('New comment: {page}', { page: 'Hello' }) // 'New comment: Hello'
 */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
