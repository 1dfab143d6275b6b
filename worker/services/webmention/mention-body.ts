/**
 * What a verified mention shows: its text as Markdown (from the source's `e-content` HTML through the
 * import's HTML → Markdown converter, so the source's HTML never reaches a reader: renderMarkdown makes the
 * HTML again, scripts and attributes gone), cut to the site's comment length. A like or a repost has none.
 */

import { htmlToMarkdown } from '../../lib/html-to-markdown.ts';
import type { ParsedMention } from '../../lib/webmention/h-entry.ts';
import { renderImportedHtml } from '../posting/comment-html.ts';

/** A mention of a long post is shown as its opening: at most this many characters (or MAX_COMMENT_LENGTH). */
export const MAX_MENTION_CHARS = 2000;

const cut = (text: string, max: number): string => {
  const chars = [...text];
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
    : text;
};

/**
 * @example mentionBody(parsed, 'https://bob.example/re', 10_000) // { body: 'Nice post!', html: '<p>Nice post!</p>\n' }
 */
export const mentionBody = (
  mention: ParsedMention,
  source: string,
  maxCommentLength: number,
): { body: string; html: string } => {
  if (mention.type !== 'reply') return { body: '', html: '' };
  const markdown =
    (mention.contentHtml ? htmlToMarkdown(mention.contentHtml, { newlines: 'collapse' }) : '') ||
    mention.contentText ||
    mention.name ||
    // A page that mentions the post without saying anything we can read: its address says where.
    `<${source}>`;
  const body = cut(markdown.trim(), Math.min(MAX_MENTION_CHARS, maxCommentLength));
  return { body, html: renderImportedHtml(body) };
};
