/**
 * Bounds on what the Atom feed and GET /recent carry (issue 11): each comment's HTML beyond
 * LISTED_HTML_BYTES becomes a text summary (a feed entry or a "latest comments" box is a preview; the
 * link leads to the whole comment), and the feed stops adding entries at FEED_BYTES.
 */
import { type AtomEntry, renderEntry } from './atom.ts';
import { summarizeHtml } from './html-summary.ts';
import { utf8Length } from './page-budget.ts';

/** UTF-8 bytes of one comment's HTML in the feed and in GET /recent before it is summarized. */
export const LISTED_HTML_BYTES = 4 * 1024;
/** UTF-8 bytes of a whole feed document at most. */
export const FEED_BYTES = 512 * 1024;
/** The feed's own elements (id, title, links): URLs and a title of bounded length. */
const FEED_HEAD_BYTES = 8 * 1024;

/** The entries, summarized, newest first, as many as fit in FEED_BYTES (names and URLs count too). */
export const boundEntries = (entries: readonly AtomEntry[]): AtomEntry[] => {
  const kept: AtomEntry[] = [];
  let bytes = FEED_HEAD_BYTES;
  for (const entry of entries) {
    const bounded = { ...entry, html: summarizeHtml(entry.html, LISTED_HTML_BYTES) };
    bytes += utf8Length(renderEntry(bounded));
    if (bytes > FEED_BYTES) break;
    kept.push(bounded);
  }
  return kept;
};
