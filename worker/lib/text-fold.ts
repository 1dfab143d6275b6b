/**
 * Folds text so that what looks the same compares the same: the blocklist and reserved names match on it.
 * NFKC (full-width and styled letters, ligatures), default-ignorable code points removed (zero-width
 * characters, soft hyphens, bidi controls, variation selectors, tags), lower case, and Unicode's
 * confusables (UTS #39 confusables.txt, via unhomoglyph: Cyrillic "с" → "c", "ο" → "o"…).
 * Not for display: like a UTS #39 skeleton, "m" folds to "rn" — only ever compare folded with folded.
 */
import unhomoglyph from 'unhomoglyph';

// Default_Ignorable_Code_Point (UAX #44): invisible by definition, so never part of what a reader reads.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * @example foldForMatching('C\u00ADA\u200BЅ\u0456NO') === foldForMatching('casino') // true
 */
export const foldForMatching = (text: string): string =>
  // NFC after the confusables map: it is defined on decomposed text and may leave marks to recompose.
  unhomoglyph(text.normalize('NFKC').replace(IGNORABLE, '').toLowerCase().normalize('NFD'))
    .normalize('NFC')
    .toLowerCase();
