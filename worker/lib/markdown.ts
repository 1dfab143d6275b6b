/**
 * Markdown → safe HTML, on the server only (API.md: "all HTML comes from the server's renderer").
 * markdown-it in CommonMark mode plus autolinks; raw HTML is escaped, never passed through.
 */
import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:|mailto:)/i;

const md = new MarkdownIt('commonmark', { html: false, linkify: true, breaks: true });
md.enable(['linkify', 'strikethrough']);
// Images would let a comment load a tracking pixel or a huge file in every reader's browser.
md.disable(['image']);

// Only http(s) and mailto survive; relative links have no meaning inside someone else's page.
md.validateLink = (url: string): boolean => SAFE_LINK.test(url.trim());

// rel="nofollow ugc" tells search engines the link is user content (Google's guidance);
// noopener keeps the target page from reaching back through window.opener.
md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  tokens[idx]?.attrSet('rel', 'nofollow ugc noopener');
  return self.renderToken(tokens, idx, options);
};

/**
 * @example renderMarkdown('Hello *world*') // '<p>Hello <em>world</em></p>\n'
 */
export const renderMarkdown = (source: string): string => md.render(source);
