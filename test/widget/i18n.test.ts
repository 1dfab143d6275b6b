import { describe, expect, it } from 'vitest';
import { _authMessages } from '../../widget/src/auth/messages.ts';
import {
  messages as en,
  authMessages as enAuth,
  extraMessages as enExtra,
} from '../../widget/src/i18n/en.ts';
import { _extraMessages } from '../../widget/src/i18n/extra.ts';
import {
  messages as fr,
  authMessages as frAuth,
  extraMessages as frExtra,
} from '../../widget/src/i18n/fr.ts';
import { pickLang, supportedLangs, translator } from '../../widget/src/i18n/index.ts';
import { langs } from '../../widget/src/i18n/langs.ts';
import type { Plural } from '../../widget/src/i18n/messages.ts';

/** Every key path of a nested string table, e.g. `errors.network`. */
const keys = (table: object, prefix = ''): string[] =>
  Object.entries(table).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );

/** The tables of plural forms, whose keys are the language's CLDR categories, not the same everywhere. */
const plurals = ['commentCount', '_pageLikes', '_repliesAdded'];
/** The keys every language must have: plural tables as one key, and `_dir` (right to left only) aside. */
const shape = (table: object): string[] =>
  [
    ...new Set(
      keys(table).map((key) => {
        const [head = key] = key.split('.');
        return plurals.includes(head) ? head : key;
      }),
    ),
  ]
    .filter((key) => key !== '_dir')
    .sort();

/** Every string of a language, with its key path. */
const texts = (lang: string): Array<[string, string]> => {
  // The sign-in catalog shares no key with the other two.
  const all = { ...translator(lang).m, ..._extraMessages(lang), ..._authMessages(lang) } as object;
  return keys(all).map((key) => [
    key,
    key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], all) as string,
  ]);
};

const twelve = ['ar', 'de', 'en', 'es', 'fr', 'he', 'it', 'ja', 'nl', 'pl', 'pt', 'zh'];

describe('languages', () => {
  it('speaks twelve languages, one file each, every one listed in langs.ts', () => {
    expect(supportedLangs().sort()).toEqual(twelve);
    // The boot script knows them by this list: a file missing from it would never be picked.
    expect([...langs].sort()).toEqual(supportedLangs().sort());
  });

  it('has the same keys in every language', () => {
    expect(keys(fr).filter((key) => !key.startsWith('commentCount.'))).toEqual(
      keys(en).filter((key) => !key.startsWith('commentCount.')),
    );
    // The extras' strings too (causerie-extras.<lang>.js).
    expect(keys(frExtra)).toEqual(keys(enExtra));
    // And the sign-in part's (causerie-auth.<lang>.js).
    expect(keys(frAuth)).toEqual(keys(enAuth));
    for (const lang of twelve) {
      expect(shape(translator(lang).m), lang).toEqual(shape(en));
      expect(shape(_extraMessages(lang)), lang).toEqual(shape(enExtra));
      expect(shape(_authMessages(lang)), lang).toEqual(shape(enAuth));
    }
  });

  it('gives the sign-in part its language, English for one it does not speak', () => {
    // Every language has its own sign-in strings, not English's by fallback.
    for (const lang of twelve.filter((l) => l !== 'en'))
      expect(_authMessages(lang), lang).not.toBe(_authMessages('en'));
    expect(_authMessages('fr')._signIn).toBe('Se connecter');
    expect(_authMessages('en')._signIn).toBe('Sign in');
    expect(_authMessages('xx')._signIn).toBe('Sign in');
  });

  it('says everything in every language, with no empty string and no leftover English', () => {
    for (const lang of twelve) {
      for (const [key, text] of texts(lang)) {
        expect(text, `${lang} ${key}`).toMatch(/\S/);
        // The same words as English only where German writes them so too.
        const english = texts('en').find(([k]) => k === key)?.[1];
        if (lang !== 'en' && text.length > 12 && `${lang} ${key}` !== 'de website')
          expect(text, `${lang} ${key}`).not.toBe(english);
      }
    }
  });

  it('keeps the placeholders of every sentence', () => {
    const english = Object.fromEntries(texts('en'));
    for (const lang of twelve) {
      for (const [key, text] of texts(lang)) {
        const source = english[key] ?? '';
        // A name is filled once; `{n}` may be spelled out (ar "تعليق واحد", he "שתי תגובות").
        if (source.includes('{name}')) expect(text.split('{name}'), `${lang} ${key}`).toHaveLength(2);
        if (source.includes('{email}')) expect(text.split('{email}'), `${lang} ${key}`).toHaveLength(2);
        if (key.endsWith('.other')) expect(text, `${lang} ${key}`).toContain('{n}');
      }
    }
  });

  it('writes every plural form a count needs, by the language’s CLDR rules, and no form it never uses', () => {
    for (const lang of twelve) {
      const rules = new Intl.PluralRules(lang);
      const categories = rules.resolvedOptions().pluralCategories;
      const tables: Array<[string, Plural]> = [
        ['commentCount', translator(lang).m.commentCount],
        ['_pageLikes', translator(lang).m._pageLikes],
        ['_repliesAdded', _extraMessages(lang)._repliesAdded],
      ];
      for (const [name, forms] of tables) {
        for (let n = 0; n <= 1000; n++) expect(forms[rules.select(n)], `${lang} ${name} ${n}`).toBeDefined();
        for (const form of Object.keys(forms)) expect(categories, `${lang} ${name}`).toContain(form);
      }
    }
    // The languages with more than two forms have them all written out.
    expect(Object.keys(translator('pl').m.commentCount).sort()).toEqual(['few', 'many', 'one', 'other']);
    expect(Object.keys(translator('ar').m.commentCount).sort()).toEqual([
      'few',
      'many',
      'one',
      'other',
      'two',
      'zero',
    ]);
    expect(Object.keys(translator('ja').m.commentCount)).toEqual(['other']);
  });

  it('follows each language’s typography', () => {
    for (const lang of twelve) {
      for (const [key, text] of texts(lang)) {
        const where = `${lang} ${key}`;
        expect(text, where).not.toMatch(/\.\.\./); // an ellipsis is one character: …
        expect(text, where).not.toMatch(/'/); // apostrophes are typographic: ’
        expect(text, where).not.toMatch(/"/); // quotes are the language’s own: « », „ “, 「」
        if (lang === 'fr') expect(text, where).not.toMatch(/ [;:!?]|\w[;!?]|[a-z]:(?!\/\/)/); // espace insécable
        if (lang === 'de') expect(text, where).not.toMatch(/\w …/); // a no-break space before …
        if (lang === 'es' && text.includes('?')) expect(text, where).toContain('¿');
        if (lang === 'ar') expect(text, where).not.toMatch(/\?/); // ؟
        // Full-width punctuation in Japanese and Chinese, ASCII only in numbers and URLs.
        if (lang === 'ja' || lang === 'zh')
          expect(text, where).not.toMatch(/[?!()]|,(?!\d)|[^\d/]\.|:(?!\/\/)/);
      }
    }
  });

  it('writes right to left exactly the languages that are', () => {
    const rtl = twelve.filter((lang) => translator(lang).m._dir === 'rtl');
    expect(rtl).toEqual(['ar', 'he']);
  });
});

describe('choosing a language', () => {
  it('picks the first supported candidate, on the primary subtag', () => {
    expect(pickLang(['ko', 'fr-CA', 'en'])).toBe('fr');
    expect(pickLang([undefined, null, '', 'EN_gb'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(pickLang(['ko', 'sv'])).toBe('en');
    expect(pickLang([])).toBe('en');
  });

  it('reads region and script subtags: pt-BR and pt-PT are Portuguese, zh-CN and zh-SG Simplified Chinese', () => {
    expect(pickLang(['pt-BR'])).toBe('pt');
    expect(pickLang(['pt-PT'])).toBe('pt');
    expect(pickLang(['de-AT'])).toBe('de');
    expect(pickLang(['es-419'])).toBe('es');
    expect(pickLang(['ar-EG'])).toBe('ar');
    expect(pickLang(['he-IL'])).toBe('he');
    expect(pickLang(['zh-CN'])).toBe('zh');
    expect(pickLang(['zh-SG'])).toBe('zh');
    expect(pickLang(['zh-Hans-TW'])).toBe('zh');
    expect(pickLang(['ja-JP'])).toBe('ja');
  });

  it('does not give Traditional Chinese readers the Simplified catalog: they get their next language', () => {
    expect(pickLang(['zh-TW', 'ja'])).toBe('ja');
    expect(pickLang(['zh-HK'])).toBe('en');
    expect(pickLang(['zh-Hant'])).toBe('en');
  });

  it('reads the old code for Hebrew and skips what is not a language tag', () => {
    expect(pickLang(['iw'])).toBe('he');
    expect(pickLang(['??', 'de'])).toBe('de');
  });
});

describe('plurals', () => {
  it('counts comments in French with the French rules', () => {
    const t = translator('fr');
    expect(t._plural(t.m.commentCount, 1)).toBe('1 commentaire');
    expect(t._plural(t.m.commentCount, 3)).toBe('3 commentaires');
  });

  it('counts comments in English', () => {
    const t = translator('en');
    expect(t._plural(t.m.commentCount, 1)).toBe('1 comment');
    expect(t._plural(t.m.commentCount, 12)).toBe('12 comments');
  });

  it('formats large numbers in the reader’s language', () => {
    const t = translator('en');
    expect(t._plural(t.m.commentCount, 1234)).toBe('1,234 comments');
    expect(translator('de')._plural(translator('de').m.commentCount, 1234)).toBe('1.234 Kommentare');
  });

  it('counts in Polish with its four forms', () => {
    const t = translator('pl');
    const count = (n: number) => t._plural(t.m.commentCount, n);
    expect([0, 1, 2, 5, 12, 22, 25, 102].map(count)).toEqual([
      '0 komentarzy',
      '1 komentarz',
      '2 komentarze',
      '5 komentarzy',
      '12 komentarzy',
      '22 komentarze',
      '25 komentarzy',
      '102 komentarze',
    ]);
  });

  it('counts in Arabic with its six forms, the noun in the case each number governs', () => {
    const t = translator('ar');
    const count = (n: number) => t._plural(t.m.commentCount, n);
    expect([0, 1, 2, 5, 11, 22, 100].map(count)).toEqual([
      'لا تعليقات',
      'تعليق واحد',
      'تعليقان',
      '5 تعليقات',
      '11 تعليقًا',
      '22 تعليقًا',
      '100 تعليق',
    ]);
  });

  it('counts in Hebrew with its dual, and in Japanese and Chinese with counters', () => {
    const he = translator('he');
    expect([1, 2, 5].map((n) => he._plural(he.m.commentCount, n))).toEqual([
      'תגובה אחת',
      'שתי תגובות',
      '5 תגובות',
    ]);
    const ja = translator('ja');
    expect(ja._plural(ja.m.commentCount, 1)).toBe('1件のコメント');
    const zh = translator('zh');
    expect(zh._plural(zh.m.commentCount, 22)).toBe('22条评论');
  });

  it('fills placeholders', () => {
    const t = translator('fr');
    expect(t._fill(t.m._replyTo, { name: 'Alice' })).toBe('Répondre à Alice');
  });
});
