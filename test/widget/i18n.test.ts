import { describe, expect, it } from 'vitest';
import { _authMessages } from '../../widget/src/auth/messages.ts';
import {
  messages as en,
  authMessages as enAuth,
  extraMessages as enExtra,
} from '../../widget/src/i18n/en.ts';
import {
  messages as fr,
  authMessages as frAuth,
  extraMessages as frExtra,
} from '../../widget/src/i18n/fr.ts';
import { pickLang, supportedLangs, translator } from '../../widget/src/i18n/index.ts';

/** Every key path of a nested string table, e.g. `errors.network`. */
const keys = (table: object, prefix = ''): string[] =>
  Object.entries(table).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );

describe('languages', () => {
  it('speaks French and English, one file each', () => {
    expect(supportedLangs().sort()).toEqual(['en', 'fr']);
  });

  it('has the same keys in every language', () => {
    expect(keys(fr).filter((key) => !key.startsWith('commentCount.'))).toEqual(
      keys(en).filter((key) => !key.startsWith('commentCount.')),
    );
    // The extras' strings too (causerie-extras.<lang>.js).
    expect(keys(frExtra)).toEqual(keys(enExtra));
    // And the sign-in part's (causerie-auth.<lang>.js).
    expect(keys(frAuth)).toEqual(keys(enAuth));
  });

  it('gives the sign-in part its language, English for one it does not speak', () => {
    expect(_authMessages('fr')._signIn).toBe('Se connecter');
    expect(_authMessages('en')._signIn).toBe('Sign in');
    expect(_authMessages('xx')._signIn).toBe('Sign in');
  });

  it('picks the first supported candidate, on the primary subtag', () => {
    expect(pickLang(['de', 'fr-CA', 'en'])).toBe('fr');
    expect(pickLang([undefined, null, '', 'EN_gb'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(pickLang(['de', 'ja'])).toBe('en');
    expect(pickLang([])).toBe('en');
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
  });

  it('fills placeholders', () => {
    const t = translator('fr');
    expect(t._fill(t.m._replyTo, { name: 'Alice' })).toBe('Répondre à Alice');
  });
});
