/**
 * The rendered HTML of one comment is bounded (issue 11): Markdown expands (an autolink, `&`, a list marker
 * each turn a few characters into tens of bytes), so a body within MAX_COMMENT_LENGTH could still render to
 * far more than a page can carry. Writes refuse such a body (422 naming `body`); imports, which cannot ask
 * the author, keep the body and store a plain-text summary as its HTML.
 */
import { validationFailed } from '../../errors.ts';
import { summarizeHtml } from '../../lib/html-summary.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import { utf8Length } from '../../lib/page-budget.ts';

/** UTF-8 bytes of HTML one comment may render to. */
export const MAX_COMMENT_HTML_BYTES = 64 * 1024;

/**
 * For every write from the API (post, edit, preview, a moderator's reply or edit).
 * @example renderCommentHtml('Hello *world*') // '<p>Hello <em>world</em></p>\n'
 */
export const renderCommentHtml = (body: string): string => {
  const html = renderMarkdown(body);
  if (utf8Length(html) > MAX_COMMENT_HTML_BYTES) {
    throw validationFailed([
      { field: 'body', message: `renders to more than ${MAX_COMMENT_HTML_BYTES / 1024} KiB of HTML` },
    ]);
  }
  return html;
};

/** For imports: never refuses (the file is the owner's); an oversized rendering becomes a text summary. */
export const renderImportedHtml = (body: string): string =>
  summarizeHtml(renderMarkdown(body), MAX_COMMENT_HTML_BYTES);
