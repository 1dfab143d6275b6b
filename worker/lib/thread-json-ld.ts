/**
 * The schema.org description of a thread's first page, as JSON-LD for GET /threads/html (issue 15):
 * a `DiscussionForumPosting` (the page) whose `comment` lists its `Comment`s, replies nested in their
 * parent's `comment`, as Google's "Discussion forum structured data" documents it: each comment with
 * `author`, `datePublished` and `text`, and `url`, `dateModified` and a like counter where known.
 * https://developers.google.com/search/docs/appearance/structured-data/discussion-forum
 * The page's own author and date are the blog's, unknown here: the posting carries its headline and URL.
 * Pure, so it is tested without a request.
 */
import type { Comment, ThreadPage } from '../types/api.ts';
import { decodeEntities } from './html-text.ts';

// Tags that end a line of text when the HTML is read as plain text.
const BREAKS = /<\/?(?:p|br|hr|h[1-6]|li|ul|ol|blockquote|pre|table|tr)\b[^>]*>/gi;
const TAGS = /<[^>]*>/g;

/** The text a reader sees in our Markdown renderer's HTML, whitespace folded. */
export const plainText = (html: string): string =>
  decodeEntities(html.replace(BREAKS, ' ').replace(TAGS, '')).replace(/\s+/g, ' ').trim();

type Node = Record<string, unknown> & { comment?: Node[] };

const describe = (comment: Comment, pageUrl: string): Node => ({
  '@type': 'Comment',
  '@id': `${pageUrl}#comment-${comment.id}`,
  url: `${pageUrl}#comment-${comment.id}`,
  author: {
    '@type': 'Person',
    name: comment.author?.name ?? '',
    ...(comment.author?.website ? { url: comment.author.website } : {}),
  },
  datePublished: comment.createdAt,
  ...(comment.editedAt ? { dateModified: comment.editedAt } : {}),
  text: plainText(comment.html),
  interactionStatistic: {
    '@type': 'InteractionCounter',
    interactionType: 'https://schema.org/LikeAction',
    userInteractionCount: comment.likes,
  },
});

/**
 * The page's posting and its comment tree. Only published comments are described: a deleted comment's
 * replies move up to its parent's list, so none of them is lost.
 * @example threadJsonLd(page)['@type'] // 'DiscussionForumPosting'
 */
export const threadJsonLd = (page: ThreadPage): Node => {
  const { thread } = page;
  const root: Node = {
    '@context': 'https://schema.org',
    '@type': 'DiscussionForumPosting',
    headline: thread.title || thread.url,
    url: thread.url,
    commentCount: thread.commentCount,
  };
  // Where a comment's replies go: its own node, or (deleted, or its parent not on this page) its parent's.
  const holders = new Map<string, Node>();
  for (const comment of page.comments) {
    const holder = (comment.parentId !== null && holders.get(comment.parentId)) || root;
    if (comment.status !== 'approved' || !comment.author) {
      holders.set(comment.id, holder);
      continue;
    }
    const node = describe(comment, thread.url);
    holder.comment ??= [];
    holder.comment.push(node);
    holders.set(comment.id, node);
  }
  return root;
};

/**
 * JSON for a `<script>` data block: `<` written `\u003c`, so no text of any comment can close the
 * element (`</script>`) or open a comment (`<!--`) in it. JSON.parse reads it back unchanged.
 * https://html.spec.whatwg.org/multipage/scripting.html#restrictions-for-contents-of-script-elements
 */
export const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');
