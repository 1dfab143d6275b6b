/**
 * One comment: author, badges, date, the server's HTML, its actions (like, reply, edit, delete), then
 * `children` (its reply form and replies): replies are nested articles inside their parent's, as the HTML
 * spec suggests for comments. `id="comment-<id>"` is the anchor the Atom feed links to.
 */
import type { ComponentChildren, RefObject } from 'preact';
import { useState } from 'preact/hooks';
import type { Comment } from '../../../worker/types/api.ts';
import { likeComment } from '../api.ts';
import { formatDate, formatFullDate } from '../format-date.ts';
import { type ApiError, offline } from '../http.ts';
import { ErrorText, errorText, Lazy, loadExtras } from '../lazy.tsx';
import { loadEditToken } from '../storage.ts';
import { Avatar } from './avatar.tsx';
import { LikeButton } from './like-button.tsx';
import type { Widget } from './widget.ts';

export interface CommentItemProps {
  widget: Widget;
  comment: Comment;
  replying: boolean;
  /** Lets the list return focus to this button when the reply form closes. */
  replyButton?: RefObject<HTMLButtonElement | null>;
  /** Absent when replies are not possible (deleted placeholder, locked thread). */
  onReply?: () => void;
  /** Past the indentation limit, the author this reply answers ("↳ name"). */
  inReplyTo?: string;
  children?: ComponentChildren;
}

export const CommentItem = ({
  widget,
  comment,
  replying,
  replyButton,
  onReply,
  inReplyTo,
  children,
}: CommentItemProps) => {
  const { t, options, announce } = widget;
  const { m } = t;
  const { author } = comment;
  const [editing, setEditing] = useState(false);
  // Of a delete: an edit's are the edit form's.
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Read at render: the window closes by itself, and the buttons go with it on the next render.
  const token = comment.status === 'deleted' ? undefined : loadEditToken(comment.id);
  const approved = comment.status === 'approved';
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
          <Avatar name={author.name} seed={author.avatar} />
          {author.website ? (
            <a class="author" href={author.website} rel="nofollow ugc noopener" target="_blank">
              {author.name}
            </a>
          ) : (
            <span class="author">{author.name}</span>
          )}
          {author.moderator && <span class="badge">{m.moderator}</span>}
          {comment.pinned && <span class="badge">{m.pinned}</span>}
          <time dateTime={comment.createdAt} title={formatFullDate(comment.createdAt, t.lang)}>
            {formatDate(comment.createdAt, t.lang)}
            {comment.editedAt && ` · ${m.edited}`}
          </time>
          {comment.status === 'pending' && <span class="badge">{m.pending}</span>}
        </header>
      )}
      {inReplyTo && <p class="to">↳ {t.fill(m.inReplyTo, { name: inReplyTo })}</p>}
      {comment.status === 'deleted' ? (
        <p class="deleted">{m.deleted}</p>
      ) : editing && token ? (
        <Lazy
          t={t}
          render={(x) => (
            <x.EditForm
              widget={widget}
              comment={comment}
              token={token.editToken}
              source={token.body ?? ''}
              onClose={() => setEditing(false)}
            />
          )}
        />
      ) : (
        // Safe by contract: the server renders Markdown to HTML with no raw HTML and only http(s)/mailto
        // links (API.md, "Rules for POST /comments"); the widget never builds HTML from reader input.
        <div class="body" dangerouslySetInnerHTML={{ __html: comment.html }} />
      )}
      {comment.status !== 'deleted' && !editing && (
        <div class="tools">
          {approved && (
            <LikeButton
              likeKey={comment.id}
              count={comment.likes}
              label={t.fill(m.likeComment, { name: author?.name ?? '' })}
              hidden
              send={(reader, like) => likeComment(options.origin, comment.id, reader, like)}
              onError={(code) => errorText(t, code).then(announce)}
            />
          )}
          {onReply && (
            <button ref={replyButton} type="button" class="link" aria-expanded={replying} onClick={onReply}>
              {m.reply}
            </button>
          )}
          {token && (
            <>
              <button type="button" class="link" onClick={() => setEditing(true)}>
                {m.edit}
              </button>
              <button
                type="button"
                class="link"
                disabled={busy}
                aria-busy={busy}
                onClick={async () => {
                  if (busy) return;
                  setBusy(true);
                  setError(null);
                  const failure = await loadExtras().then(
                    (x) => x.remove(widget, comment.id, token.editToken),
                    () => offline,
                  );
                  setBusy(false);
                  setError(failure ?? null);
                }}
              >
                {m.remove}
              </button>
            </>
          )}
          {error && (
            <span class="error" role="alert">
              <ErrorText t={t} error={error} />
            </span>
          )}
        </div>
      )}
      {children}
    </article>
  );
};
