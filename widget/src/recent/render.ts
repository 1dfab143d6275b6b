/**
 * Draws GET /recent's comments into one `data-causerie-recent` element, as text only: a comment's
 * sanitized HTML is read through DOMParser (which runs no script and loads nothing) for its text, so no
 * markup of a comment reaches the host page. Light DOM, so the host's styles apply; the defaults below
 * read CSS custom properties an owner can set on any ancestor.
 */
import type { Comment } from '../../../worker/types/api.ts';
import { type RecentMessages, recentMessages } from './messages.ts';

/** A comment of GET /recent: the public `Comment` and its page (worker/routes/recent.ts). */
export type RecentComment = Pick<Comment, 'id' | 'author' | 'html' | 'createdAt'> & {
  thread: { url: string; title: string };
};

/** How much of a comment's text the list shows. */
const EXCERPT_CHARS = 140;

const STYLE_ID = 'causerie-recent-style';

/**
 * Once per document. Custom properties: --causerie-recent-gap (between items), --causerie-recent-muted
 * (the author and date line), --causerie-recent-accent (links), --causerie-recent-size (the meta line's
 * font size).
 */
const CSS = `.causerie-recent{list-style:none;margin:0;padding:0}.causerie-recent li{margin:0 0 var(--causerie-recent-gap,.75em)}.causerie-recent a{color:var(--causerie-recent-accent,inherit)}.causerie-recent small{display:block;color:var(--causerie-recent-muted,#646970);font-size:var(--causerie-recent-size,.875em)}.causerie-recent p{margin:.25em 0 0}`;

const addStyle = (doc: Document) => {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.append(style);
};

const textOf = (html: string): string => {
  const text = (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : text;
};

/** "{author} on {page}", the page a link: the template is split around `{page}`. */
const byline = (doc: Document, m: RecentMessages, comment: RecentComment, lang: string): HTMLElement => {
  const small = doc.createElement('small');
  const [before = '', after = ''] = m[1].replace('{author}', comment.author?.name ?? '').split('{page}');
  const link = doc.createElement('a');
  link.href = `${comment.thread.url}#comment-${encodeURIComponent(comment.id)}`;
  link.textContent = comment.thread.title || comment.thread.url;
  const time = doc.createElement('time');
  time.dateTime = comment.createdAt;
  time.textContent = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(
    new Date(comment.createdAt),
  );
  small.append(before, link, after, ' · ', time);
  return small;
};

/**
 * Replaces the element's content with the list; leaves it as it is (the owner's fallback) when there is
 * no comment to show or the API could not be reached.
 * @example renderRecent(element, comments, 'fr')
 */
export const renderRecent = (element: Element, comments: RecentComment[] | null, lang: string): void => {
  if (!comments?.length) return;
  const doc = element.ownerDocument;
  const m = recentMessages(lang);
  addStyle(doc);
  const list = doc.createElement('ol');
  list.className = 'causerie-recent';
  list.setAttribute('aria-label', m[0]);
  for (const comment of comments) {
    const item = doc.createElement('li');
    const excerpt = doc.createElement('p');
    excerpt.textContent = textOf(comment.html);
    item.append(byline(doc, m, comment, lang), excerpt);
    list.append(item);
  }
  element.replaceChildren(list);
};
