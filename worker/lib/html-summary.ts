/**
 * A short stand-in for a long comment's HTML (the feed's entries, GET /recent, an oversized import): its
 * text, cut to a byte budget, as one paragraph. Only ever applied to our renderer's own output, whose tags
 * and attributes never hold a raw `<` or `>`, so dropping `<…>` leaves exactly its (escaped) text.
 */

const bytesOf = (codePoint: number): number =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

const ELLIPSIS = '…';
const WRAPPER_BYTES = '<p></p>'.length + 3;

/**
 * `html` unchanged when it fits in `maxBytes` (UTF-8), else its text cut to fit, never inside an entity.
 * @example summarizeHtml('<p>a <em>long</em> text</p>', 12) // '<p>a long…</p>'
 */
export const summarizeHtml = (html: string, maxBytes: number): string => {
  if (html.length <= maxBytes / 3 || new TextEncoder().encode(html).length <= maxBytes) return html;
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const budget = maxBytes - WRAPPER_BYTES;
  let used = 0;
  let end = 0;
  for (const char of text) {
    const size = bytesOf(char.codePointAt(0) ?? 0);
    if (used + size > budget) break;
    used += size;
    end += char.length;
  }
  // An entity cut in half (`&am`) would print as text: cut before it.
  const cut = text.slice(0, end).replace(/&[#A-Za-z0-9]*$/, '');
  return `<p>${cut}${ELLIPSIS}</p>`;
};
