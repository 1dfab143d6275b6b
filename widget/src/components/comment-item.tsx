/**
 * One comment: author, badges, date, the server's HTML, its actions (like, reply; edit and delete for its
 * author, from the extras: components/own-comment.tsx), then `children` (its reply form and replies):
 * replies are nested articles inside their parent's, as the HTML spec suggests for comments.
 * `id="comment-<id>"` is the anchor the Atom feed links to.
 */
import type { ComponentChildren, RefObject } from 'preact';
import type { Comment } from '../../../worker/types/api.ts';
import { likeUrl } from '../api.ts';
import { formatDate, formatFullDate } from '../format-date.ts';
import { Lazy, OpenWeb } from '../lazy.tsx';
import { loadEditToken } from '../storage.ts';
import { Avatar } from './avatar.tsx';
import { LikeButton } from './like-button.tsx';
import type { Widget } from './widget.ts';
import { withName } from './with-name.tsx';

export interface CommentItemProps {
  widget: Widget;
  comment: Comment;
  _replying: boolean;
  /** Lets the list return focus to this button when the reply form closes. */
  _replyButton?: RefObject<HTMLButtonElement | null>;
  /** Absent when replies are not possible (deleted placeholder, locked thread). */
  _onReply?: () => void;
  /** Past the indentation limit, the comment this reply answers ("↳ In reply to name", a link to it). */
  _inReplyTo?: Comment;
  children?: ComponentChildren;
}

export const CommentItem = ({
  widget,
  comment,
  _replying,
  _replyButton,
  _onReply,
  _inReplyTo,
  children,
}: CommentItemProps) => {
  const { t, _options } = widget;
  const { m } = t;
  const { author } = comment;
  // Read at render: the window closes by itself, and the buttons go with it on the next render.
  const token = comment.status === 'deleted' ? undefined : loadEditToken(comment.id);
  // Safe by contract: the server renders Markdown to HTML with no raw HTML and only http(s)/mailto
  // links (API.md, "Rules for POST /comments"); the widget never builds HTML from reader input.
  // dir="auto": a comment takes the direction of its own text (a Hebrew comment on an English
  // site reads right to left), whatever the widget's language.
  const body = <div class="body" dir="auto" dangerouslySetInnerHTML={{ __html: comment.html }} />;
  const tools = [
    comment.status === 'approved' && (
      <LikeButton
        _likeKey={comment.id}
        _count={comment.likes}
        _label={t._fill(m._likeComment, { name: author?.name ?? '' })}
        hidden
        _target={{ _url: likeUrl(_options.origin, comment.id), _body: {} }}
        widget={widget}
      />
    ),
    _onReply && (
      <button ref={_replyButton} type="button" class="link" aria-expanded={_replying} onClick={_onReply}>
        {m._reply}
      </button>
    ),
  ];
  const plain = [body, <div class="tools">{tools}</div>];
  return (
    <article
      class="comment"
      id={`comment-${comment.id}`}
      // Focus target after posting: the reader lands on what they wrote.
      tabIndex={-1}
      data-testid="comment"
      data-comment-id={comment.id}
      data-status={comment.status}
    >
      {author && (
        <header class="meta">
          <Avatar name={author.name} _seed={author.avatar} />
          {author.website ? (
            // dir="auto" isolates the name as <bdi> does: "محمد" or "3 Little Pigs" keep their own
            // direction whatever the widget's.
            <a class="author" dir="auto" href={author.website} rel="nofollow ugc noopener" target="_blank">
              {author.name}
            </a>
          ) : (
            <bdi class="author">{author.name}</bdi>
          )}
          {author.verified && (
            // Only the server sets it, for a signed-in author: a guest of the same name has no mark.
            <span class="badge" role="img" aria-label={m._verified + author.verified.provider}>
              ✓
            </span>
          )}
          {author.moderator && <span class="badge">{m.moderator}</span>}
          {comment.pinned && <span class="badge">{m.pinned}</span>}
          <time dateTime={comment.createdAt} title={formatFullDate(comment.createdAt, t.lang)}>
            {formatDate(comment.createdAt, t.lang, widget._now)}
            {comment.editedAt && ` · ${m._edited}`}
          </time>
          {comment.status === 'pending' && <span class="badge">{m._pending}</span>}
          {comment.source && <OpenWeb comment={comment} t={t} />}
        </header>
      )}
      {_inReplyTo && (
        <p class="to">
          <a
            href={`#comment-${_inReplyTo.id}`}
            // The anchor is in our shadow root, where the page's fragment navigation does not look.
            onClick={(event) =>
              (event.currentTarget.getRootNode() as Document)
                .getElementById(`comment-${_inReplyTo.id}`)
                ?.focus()
            }
          >
            {/* Arrows are not mirrored by the bidi algorithm: the right-to-left one is another character. */}
            {m._dir ? '↲' : '↳'} {withName(m._inReplyTo, _inReplyTo.author?.name ?? m._deleted)}
          </a>
        </p>
      )}
      {comment.status === 'deleted' ? (
        <p class="deleted">{m._deleted}</p>
      ) : token ? (
        // Until the extras are in (they load at once for this), the comment as every reader sees it.
        <Lazy
          t={t}
          _else={plain}
          render={(x) => (
            <x._OwnComment widget={widget} comment={comment} _token={token} _body={body} _tools={tools} />
          )}
        />
      ) : (
        plain
      )}
      {children}
    </article>
  );
};
