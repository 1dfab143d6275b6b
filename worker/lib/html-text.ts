/**
 * The text a reader sees in HTML from our Markdown renderer, plus the targets of its links: what the
 * blocklist matches, so an entity (`&#99;asino`) or emphasis in a word (`cas*ino*`) hides nothing.
 * Only for markdown-it's own output (well-formed, quoted attributes), not for arbitrary HTML.
 */

// Tags that break words visually; every other tag (em, strong, a, code, del…) is dropped without a gap.
const BLOCK_TAGS = /<\/?(?:p|br|hr|h[1-6]|li|ul|ol|blockquote|pre|table|thead|tbody|tr|td|th)\b[^>]*>/gi;
const ANY_TAG = /<[^>]*>/g;
const HREF = /<a\s[^>]*?href="([^"]*)"/gi;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities markdown-it writes (&amp; &lt; &gt; &quot;) and any numeric reference. */
export const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });

/**
 * @example renderedText('<p>c<em>asi</em>no <a href="https://x.example/">here</a></p>')
 *   // ' casino here  https://x.example/'
 */
export const renderedText = (html: string): string => {
  const text = html.replace(BLOCK_TAGS, ' ').replace(ANY_TAG, '');
  const hrefs = [...html.matchAll(HREF)].map((m) => m[1] as string);
  return decodeEntities([text, ...hrefs].join(' '));
};
