/**
 * Holds likely spam for moderation instead of refusing it (API.md: "link-heavy or blocklisted comments
 * held as pending"): a real reader whose comment trips a rule only waits for the owner.
 */
import type { Settings } from '../env.ts';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const patterns = new Map<string, RegExp>();

/** A phrase matched as whole words in any script: `\b` only knows ASCII, so letters are \p{L}. */
const phrasePattern = (phrase: string): RegExp => {
  let pattern = patterns.get(phrase);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, 'iu');
    patterns.set(phrase, pattern);
  }
  return pattern;
};

/** Counts the links the renderer kept (autolinks included), from its own HTML. */
export const countLinks = (html: string): number => html.match(/<a href=/g)?.length ?? 0;

export const shouldHold = (
  body: string,
  html: string,
  settings: Pick<Settings, 'blocklist' | 'maxLinks'>,
): boolean =>
  countLinks(html) > settings.maxLinks ||
  settings.blocklist.some((phrase) => phrasePattern(phrase).test(body));
