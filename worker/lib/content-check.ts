/**
 * Holds likely spam for moderation instead of refusing it (API.md: "link-heavy or blocklisted comments
 * held as pending"): a real reader whose comment trips a rule only waits for the owner.
 */
import type { Settings } from '../env.ts';
import { renderedText } from './html-text.ts';
import { foldForMatching } from './text-fold.ts';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const patterns = new Map<string, RegExp>();

/**
 * A phrase matched as whole words in any script: `\b` only knows ASCII, so letters are \p{L}. Folded
 * (text-fold.ts) like the text it is matched against.
 */
export const phrasePattern = (phrase: string): RegExp => {
  let pattern = patterns.get(phrase);
  if (!pattern) {
    const folded = escapeRegExp(foldForMatching(phrase));
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${folded}(?![\\p{L}\\p{N}])`, 'iu');
    patterns.set(phrase, pattern);
  }
  return pattern;
};

/** Counts the links the renderer kept (autolinks included), from its own HTML. */
export const countLinks = (html: string): number => html.match(/<a href=/g)?.length ?? 0;

/**
 * Why a comment is held, or `null`: past MAX_LINKS, or a blocked phrase in what readers see (the rendered
 * text and link targets) or in the Markdown source, both folded: entities, invisible characters and
 * look-alikes hide nothing (issue 11, item 6). Said for the owner (the spam pipeline's `rules` check).
 */
export const holdReason = (
  body: string,
  html: string,
  settings: Pick<Settings, 'blocklist' | 'maxLinks'>,
): string | null => {
  const links = countLinks(html);
  if (links > settings.maxLinks) return `${links} links (limit ${settings.maxLinks})`;
  if (settings.blocklist.length === 0) return null;
  const texts = [foldForMatching(renderedText(html)), foldForMatching(body)];
  const phrase = settings.blocklist.find((p) => texts.some((text) => phrasePattern(p).test(text)));
  return phrase === undefined ? null : `blocked phrase "${phrase}"`;
};

/** Whether `holdReason` finds one. */
export const shouldHold = (
  body: string,
  html: string,
  settings: Pick<Settings, 'blocklist' | 'maxLinks'>,
): boolean => holdReason(body, html, settings) !== null;
