/**
 * One comment: author, date, the server's HTML and its reply button, then `children` (its reply form and
 * replies): replies are nested articles inside their parent's, as the HTML spec suggests for comments.
 */
import type { ComponentChildren, RefObject } from 'preact';
import type { Comment } from '../../../worker/types/api.ts';
import { formatDate, formatFullDate } from '../format-date.ts';
import { useWidget } from './context.ts';

export interface CommentItemProps {
  comment: Comment;
  replying: boolean;
  /** Lets the list return focus to this button when the reply form closes. */
  replyButton?: RefObject<HTMLButtonElement | null>;
  /** Absent when replies are not possible (deleted placeholder, locked thread). */
  onReply?: () => void;
  children?: ComponentChildren;
}

/** A stable colour per author from the server's non-reversible avatar seed: a face without an image. */
const hue = (seed: string): number => (Number.parseInt(seed.slice(0, 4), 16) || 0) % 360;

export const CommentItem = ({ comment, replying, replyButton, onReply, children }: CommentItemProps) => {
  const { t } = useWidget();
  const { author } = comment;
  return (
    <article class="comment" data-testid="comment" data-comment-id={comment.id} data-status={comment.status}>
      {author ? (
        <header class="meta">
          <span
            class="avatar"
            aria-hidden="true"
            style={{ background: `hsl(${hue(author.avatar)} 45% 42%)` }}
          >
            {author.name.slice(0, 1).toUpperCase()}
          </span>
          {author.website ? (
            <a class="author" href={author.website} rel="nofollow ugc noopener" target="_blank">
              {author.name}
            </a>
          ) : (
            <span class="author">{author.name}</span>
          )}
          <time dateTime={comment.createdAt} title={formatFullDate(comment.createdAt, t.lang)}>
            {formatDate(comment.createdAt, t.lang)}
          </time>
          {comment.status === 'pending' && <span class="badge">{t.m.pending}</span>}
        </header>
      ) : null}
      {comment.status === 'deleted' ? (
        <p class="deleted">{t.m.deleted}</p>
      ) : (
        // Safe by contract: the server renders Markdown to HTML with no raw HTML and only http(s)/mailto
        // links (API.md, "Rules for POST /comments"); the widget never builds HTML from reader input.
        <div class="body" dangerouslySetInnerHTML={{ __html: comment.html }} />
      )}
      {onReply && (
        <button ref={replyButton} type="button" class="link" aria-expanded={replying} onClick={onReply}>
          {t.m.reply}
        </button>
      )}
      {children}
    </article>
  );
};
