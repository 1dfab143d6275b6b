/**
 * Atom 1.0 documents (RFC 4287) as strings: a feed of entries whose every text and attribute is cleaned of
 * characters XML 1.0 forbids and escaped, so user content (names, titles, comment HTML) cannot break it.
 */

export interface AtomEntry {
  id: string;
  title: string;
  authorName: string;
  authorUri?: string | null;
  published: string;
  updated: string;
  /** The entry's page (rel="alternate"). */
  link: string;
  /** HTML, sent as `type="html"` content: escaped once here, unescaped once by the reader. */
  html: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  updated: string;
  /** The feed's own URL (rel="self"). */
  self: string;
  /** The page the feed is about (rel="alternate"), when there is one. */
  alternate?: string | null;
  entries: readonly AtomEntry[];
}

// XML 1.0 §2.2 Char: tab, LF, CR and U+0020–U+10FFFF minus surrogates, U+FFFE and U+FFFF. With the `u` flag a
// lone surrogate is one code point in D800–DFFF, so it is removed too.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Text or attribute value → XML: forbidden characters dropped, the five specials escaped.
 * @example escapeXml('a < b & "c"\u0000') // 'a &lt; b &amp; &quot;c&quot;'
 */
export const escapeXml = (text: string): string =>
  text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);

const element = (name: string, text: string, attrs = ''): string =>
  `<${name}${attrs}>${escapeXml(text)}</${name}>`;

const link = (rel: string, href: string, type?: string): string =>
  `<link rel="${rel}" href="${escapeXml(href)}"${type ? ` type="${type}"` : ''}/>`;

export const renderEntry = (entry: AtomEntry): string =>
  [
    '<entry>',
    element('id', entry.id),
    element('title', entry.title, ' type="text"'),
    `<author>${element('name', entry.authorName)}${entry.authorUri ? element('uri', entry.authorUri) : ''}</author>`,
    element('published', entry.published),
    element('updated', entry.updated),
    link('alternate', entry.link, 'text/html'),
    element('content', entry.html, ' type="html"'),
    '</entry>',
  ].join('');

/**
 * @example renderAtomFeed({ id, title: 'Latest comments', updated, self, entries: [] }) // '<?xml …?><feed …>…</feed>'
 */
export const renderAtomFeed = (feed: AtomFeed): string =>
  [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    element('id', feed.id),
    element('title', feed.title, ' type="text"'),
    element('updated', feed.updated),
    link('self', feed.self, 'application/atom+xml'),
    feed.alternate ? link('alternate', feed.alternate, 'text/html') : '',
    '<generator>Causerie</generator>',
    ...feed.entries.map(renderEntry),
    '</feed>\n',
  ].join('');
