/**
 * The key a name is compared by when a guest may not take an account's name (migration 0014): folded as the
 * blocklist folds text (text-fold.ts: case, compatibility forms, invisible characters, look-alike letters),
 * spaces collapsed, then compared whole (unlike RESERVED_NAMES, which match as words).
 * @example nameKey(' ZOÉ  Martin') === nameKey('zoé martin') // true
 */
import { foldForMatching } from './text-fold.ts';

export const nameKey = (name: string): string => foldForMatching(name).replace(/\s+/g, ' ').trim();
