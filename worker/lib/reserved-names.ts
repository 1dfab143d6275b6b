/**
 * Names guests may not post under (RESERVED_NAMES, plus MODERATOR_NAME always): the moderator badge is
 * separate, but a guest called "Admin" or "Mοderator" (Greek ο) still reads as the owner. Compared after
 * the blocklist's folding (text-fold.ts), as whole words, so "The admin" and "ＡＤＭＩＮ" are refused too.
 */
import { phrasePattern } from './content-check.ts';
import { foldForMatching } from './text-fold.ts';

/** Whether `name` contains one of `reserved` as a whole word, once both are folded alike. */
export const isReservedName = (name: string, reserved: readonly string[]): boolean => {
  const folded = foldForMatching(name);
  return reserved.some((word) => phrasePattern(word).test(folded));
};
