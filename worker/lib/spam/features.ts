/**
 * The learning filter's features of a comment: folded words and word pairs of what a reader sees, and the
 * links' hosts and domains. Pure and bounded: at most MAX_FEATURES distinct features whatever the length, so
 * scoring reads a bounded number of rows of D1 (one query) and training writes a bounded number.
 */
import { decodeEntities } from '../html-text.ts';
import { foldForMatching } from '../text-fold.ts';

/**
 * A comment's distinct features at most: one D1 query reads them all (D1 reads count rows: the Free plan's
 * 5M rows read a day, https://developers.cloudflare.com/d1/platform/pricing/), and tokenising stays far
 * inside the 10 ms of CPU a Free plan request has.
 */
export const MAX_FEATURES = 200;

/** Text past this many characters adds nothing (a long comment has shown its vocabulary by then). */
const MAX_TEXT = 4000;
/** Links past these many add nothing either (links:3+ already says "many"), and each costs a URL parse. */
const MAX_LINKS = 10;

// Letters and digits of any script: French accents are folded away below, so "Modéré" and "modere" meet.
const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;
// Invisible characters (as in text-fold.ts): a zero-width space must not split "ca\u200bsino" in two words.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const ASCII = /^[\x20-\x7e]*$/;
// A URL's scheme and furniture ("https", "www", "com") say only "there is a link", which links:N and the
// host features already say: counted as words, they would make every link look like spam to a filter
// trained on spam links. The words OF the URL ("cheap-pills", "/casino-bonus") are kept (urlWords).
const URL_TEXT = /\b(?:https?:\/\/|www\.)\S+/gi;
// The tags of markdown-it's output, dropped for the text (link targets are read from the href attributes).
const TAG = /<[^>]*>/g;
const HREF = /<a\s[^>]*?href="([^"]*)"/gi;

export interface FeatureInput {
  html: string;
  authorName: string | null;
  authorWebsite: string | null;
}

const stripMarks = (text: string): string => text.normalize('NFD').replace(MARKS, '').normalize('NFC');

/** Full-width and styled letters, invisible characters, case and accents folded, before words are cut. */
const fold = (text: string): string =>
  stripMarks(text.normalize('NFKC').replace(IGNORABLE, '').toLowerCase());

/**
 * A word still outside ASCII once accents are gone may hide look-alikes (Cyrillic "с" in "саsino"): it is
 * folded to its confusable skeleton (text-fold.ts). ASCII words stay as written, since the skeleton turns
 * "m" into "rn" and the owner reads these words as the filter's reasons.
 */
const skeleton = (word: string): string => (ASCII.test(word) ? word : stripMarks(foldForMatching(word)));

const hostOf = (href: string): string | null => {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
};

/** The last two labels: good enough to tie `shop.example.ru` to `example.ru` (no public-suffix list here). */
const domainOf = (host: string): string => host.split('.').slice(-2).join('.');

/** The words a link is made of: its host without the TLD and "www", its path and query. */
const urlWords = (href: string): string => {
  try {
    const url = new URL(href);
    const labels = url.hostname
      .split('.')
      .slice(0, -1)
      .filter((label) => label !== 'www');
    return `${labels.join(' ')} ${decodeURIComponent(url.pathname)} ${url.search}`.replace(
      /[-_./?=&+]/g,
      ' ',
    );
  } catch {
    return '';
  }
};

const linkFeatures = (hrefs: string[], prefix: string): string[] =>
  hrefs.flatMap((href) => {
    const host = hostOf(href);
    if (!host) return [];
    const domain = domainOf(host);
    const tld = domain.split('.').at(-1) ?? '';
    return [`${prefix}host:${host}`, `${prefix}domain:${domain}`, `${prefix}tld:${tld}`];
  });

/** How many links, in buckets: one link says little, three say a lot. */
const linkCount = (n: number): string => `links:${n >= 3 ? '3+' : n}`;

/** Words past these many add nothing: MAX_FEATURES is reached long before (and each costs CPU). */
const MAX_WORDS = 400;

const words = (text: string): string[] =>
  (fold(text.slice(0, MAX_TEXT)).match(WORD) ?? [])
    .slice(0, MAX_WORDS)
    // One-letter words (l', d', a) carry nothing; very long runs are hashes or garbage.
    .filter((w) => w.length > 1 && w.length <= 30)
    .map(skeleton)
    // Every number looks the same to the filter, except its length: prices, phone numbers, years.
    .map((w) => (/^\d+$/.test(w) ? `#${Math.min(w.length, 6)}` : w));

/**
 * In order of what says most: links, the author, words, then word pairs while there is room.
 * @example commentFeatures({ html: '<p>Cheap <a href="https://pills.example.ru/">pills</a></p>', … })
 *   // ['links:1', 'host:pills.example.ru', 'domain:example.ru', 'tld:ru', 'cheap', 'pills', …, 'cheap pills']
 */
export const commentFeatures = (input: FeatureInput): string[] => {
  const all = [...input.html.matchAll(HREF)].map((m) => m[1] as string);
  const hrefs = all.slice(0, MAX_LINKS);
  // The HTML is cut before its tags are: MAX_TEXT characters of text never need more than twice as much.
  const text = words(
    decodeEntities(input.html.slice(0, 2 * MAX_TEXT).replace(TAG, ' ')).replace(URL_TEXT, ' '),
  );
  const features = new Set<string>([
    linkCount(all.length),
    ...linkFeatures(hrefs, ''),
    // The author's website counts as one more link target: a spam domain is one wherever it is put.
    ...(input.authorWebsite ? ['site', ...linkFeatures([input.authorWebsite], '')] : []),
    ...words(input.authorName ?? '').map((w) => `name:${w}`),
    ...words(hrefs.map(urlWords).join(' ')),
  ]);
  for (const w of text) {
    if (features.size >= MAX_FEATURES) break;
    features.add(w);
  }
  for (let i = 1; i < text.length && features.size < MAX_FEATURES; i++)
    features.add(`${text[i - 1]} ${text[i]}`);
  return [...features].slice(0, MAX_FEATURES);
};
