/**
 * Names guests may not post under (RESERVED_NAMES, plus MODERATOR_NAME always): the moderator badge is
 * separate, but a guest called "Admin" or "Mοderator" (Greek ο) still reads as the owner. Compared after
 * the blocklist's folding (text-fold.ts), as whole words, so "The admin" and "ＡＤＭＩＮ" are refused too.
 */
import type { Settings } from '../env.ts';
import { validationFailed } from '../errors.ts';
import { phrasePattern } from './content-check.ts';
import { foldForMatching } from './text-fold.ts';

/** When RESERVED_NAMES is unset: the roles a reader would take for the site's own. */
export const DEFAULT_RESERVED_NAMES = ['admin', 'administrator', 'moderator', 'modérateur'] as const;

/** 422 on `author.name` when a guest's name contains a reserved one. */
export const checkReservedName = (
  name: string | null,
  settings: Pick<Settings, 'reservedNames' | 'moderatorName'>,
): void => {
  if (name === null) return;
  const folded = foldForMatching(name);
  const taken = [settings.moderatorName, ...settings.reservedNames].some((reserved) =>
    phrasePattern(reserved).test(folded),
  );
  if (taken) throw validationFailed([{ field: 'author.name', message: 'is reserved on this site' }]);
};
