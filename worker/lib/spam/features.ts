/**
 * The learning filter's features of a comment: folded words and word pairs of what a reader sees, and the
 * links' hosts and domains. Pure and bounded: at most MAX_FEATURES distinct features whatever the length, so
 * scoring reads a bounded number of rows of D1 (one query) and training writes a bounded number.
 */
import { renderedText } from '../html-text.ts';
import { foldForMatching } from '../text-fold.ts';

/**
 * A comment's distinct features at most: one D1 query reads them all (D1 reads count rows: the Free plan's
 * 5M rows read a day, https://developers.cloudflare.com/d1/platform/pricing/), and tokenising stays far
 * inside the 10 ms of CPU a Free plan request has.
 */
export const MAX_FEATURES = 200;

/** Text past this many characters adds nothing (a long comment has shown its vocabulary by then). */
const MAX_TEXT = 4000;

// Letters and digits of any script: French accents are folded away below, so "Modéré" and "modere" meet.
const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;
const HREF = /<a\s[^>]*?href="([^"]*)"/gi;

export interface FeatureInput {
  html: string;
  authorName: string | null;
  authorWebsite: string | null;
}

/** Case, look-alikes (text-fold.ts) and accents folded: one spelling for what reads the same. */
const fold = (text: string): string => foldForMatching(text).normalize('NFD').replace(MARKS, '');

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

const words = (text: string): string[] =>
  (fold(text.slice(0, MAX_TEXT)).match(WORD) ?? [])
    // One-letter words (l', d', a) carry nothing; very long runs are hashes or garbage.
    .filter((w) => w.length > 1 && w.length <= 30)
    // Every number looks the same to the filter, except its length: prices, phone numbers, years.
    .map((w) => (/^\d+$/.test(w) ? `#${Math.min(w.length, 6)}` : w));

/**
 * @example commentFeatures({ html: '<p>Cheap <a href="https://pills.example.ru/">pills</a></p>', … })
 *   // ['links:1', 'host:pills.example.ru', 'domain:example.ru', 'tld:ru', 'cheap', 'pills', …, 'cheap pills']
 */
export const commentFeatures = (input: FeatureInput): string[] => {
  const hrefs = [...input.html.matchAll(HREF)].map((m) => m[1] as string);
  const text = words(renderedText(input.html));
  const features = [
    linkCount(hrefs.length),
    ...linkFeatures(hrefs, ''),
    ...(input.authorWebsite ? linkFeatures([input.authorWebsite], 'site:') : []),
    ...words(input.authorName ?? '').map((w) => `name:${w}`),
    ...text,
    ...text.slice(1).map((w, i) => `${text[i]} ${w}`),
  ];
  return [...new Set(features)].slice(0, MAX_FEATURES);
};
