/**
 * Issue 11, item 6: BLOCKLIST matches what readers see — entities decoded, invisible characters removed,
 * NFKC and Unicode confusables folded — as whole words, as before.
 */
import { describe, expect, it } from 'vitest';
import { shouldHold } from '../../worker/lib/content-check.ts';
import { renderMarkdown } from '../../worker/lib/markdown.ts';
import { foldForMatching } from '../../worker/lib/text-fold.ts';
import { freshPage, postWithSettings } from './helpers.ts';

const settings = { blocklist: ['casino'], maxLinks: 3 };
const held = (body: string) => shouldHold(body, renderMarkdown(body), settings);

const BYPASSES: Record<string, string> = {
  'a numeric entity': 'Visit my &#99;asino tonight',
  'a hex entity': 'Visit my &#x63;asino tonight',
  'a zero-width space': 'Visit my ca\u200Bsino tonight',
  'a zero-width joiner': 'Visit my cas\u200Dino tonight',
  'a soft hyphen': 'Visit my ca\u00ADsino tonight',
  'a word joiner': 'Visit my casi\u2060no tonight',
  'a bidi override': 'Visit my \u202Dcasino\u202C tonight',
  'a variation selector': 'Visit my cas\uFE0Fino tonight',
  'a Cyrillic с': 'Visit my \u0441asino tonight',
  'Cyrillic і and о': 'Visit my cas\u0456n\u043E tonight',
  'a Greek ο': 'Visit my casin\u03BF tonight',
  'full-width letters': 'Visit my \uFF43\uFF41\uFF53\uFF49\uFF4E\uFF4F tonight',
  'mathematical letters': 'Visit my \u{1D41C}\u{1D41A}\u{1D42C}\u{1D422}\u{1D427}\u{1D428} tonight',
  'emphasis inside the word': 'Visit my cas*ino* tonight',
  'a code span inside the word': 'Visit my ca`sino` tonight',
  capitals: 'Visit my CASINO tonight',
  'a link target': 'Visit [my site](https://casino.example/) tonight',
};

describe('the blocklist holds against', () => {
  for (const [name, body] of Object.entries(BYPASSES)) {
    it(name, () => expect(held(body)).toBe(true));
  }

  it('each bypass, end to end: the comment is stored as pending', async () => {
    for (const body of Object.values(BYPASSES)) {
      const result = await postWithSettings({ blocklist: ['casino'] }, { url: freshPage(), body });
      expect(result.body.comment.status, body).toBe('pending');
    }
  });
});

describe('the blocklist still matches whole words only', () => {
  it('lets through words that contain a blocked one, and text without it', () => {
    expect(held('An occasion for casinos? No: occasional casinoesque thoughts.')).toBe(false);
    expect(held('Bonjour, joli billet !')).toBe(false);
    expect(held('The text &amp;casino')).toBe(true);
  });

  it('shows code literally: an entity in a code block is what the reader reads, not a letter', () => {
    expect(held('```\n&#99;asino\n```')).toBe(false);
  });

  it('folds a phrase the owner wrote with look-alikes or accents the same way as the text', () => {
    expect(
      shouldHold('Le modérateur', '<p>Le modérateur</p>', { blocklist: ['MODÉRATEUR'], maxLinks: 3 }),
    ).toBe(true);
    expect(foldForMatching('C\u00ADA\u200B\u0405\u0456NO')).toBe(foldForMatching('casino'));
  });
});
