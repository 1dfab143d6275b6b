/** One comment in the queue: who, where, the rendered text, what only the owner sees, and its actions. */
import type { Ref } from 'preact';
import type { AdminComment } from '../../../../worker/types/api.ts';
import { formatDateTime, useAdmin } from '../context.ts';
import { ReplyForm } from './reply-form.tsx';
import { SpamReasons } from './spam-reasons.tsx';

export type CommentAction = 'approve' | 'spam' | 'delete' | 'pin' | 'erase' | 'ban' | 'reply';

interface Props {
  comment: AdminComment;
  active: boolean;
  selected: boolean;
  replying: boolean;
  itemRef?: Ref<HTMLElement>;
  onActivate: () => void;
  onSelect: (selected: boolean) => void;
  onAction: (action: CommentAction) => void;
  onReply: (body: string, name?: string) => Promise<boolean>;
  onReplyClose: () => void;
}

export const QueueItem = (props: Props) => {
  const { comment: c, active, selected } = props;
  const { t, lang } = useAdmin();
  const name = c.author.name;
  const button = (action: CommentAction, label: string, extra = '') => (
    <button type="button" class={extra} onClick={() => props.onAction(action)}>
      {label}
    </button>
  );

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click only moves the j/k cursor here; keys have their own
    <article
      ref={props.itemRef}
      class={`comment${active ? ' active' : ''}`}
      data-testid="admin-comment"
      data-id={c.id}
      tabIndex={-1}
      aria-current={active ? 'true' : undefined}
      aria-label={`${name}, ${t.status[c.status]}`}
      onClick={props.onActivate}
    >
      <div class="meta">
        <input
          type="checkbox"
          checked={selected}
          aria-label={t.select(name)}
          onChange={(e) => props.onSelect(e.currentTarget.checked)}
        />
        <span class="author">{name}</span>
        {c.author.moderator && <span class="badge">{t.moderatorBadge}</span>}
        {c.pinned && <span class="badge">{t.pinnedBadge}</span>}
        <span class={`badge status-${c.status}`}>{t.status[c.status]}</span>
        <time dateTime={c.createdAt}>{formatDateTime(lang, c.createdAt)}</time>
        <span class="muted">
          {t.on}{' '}
          <a href={c.thread.url} rel="noopener noreferrer" target="_blank">
            {c.thread.title || c.thread.url}
          </a>
          {c.replyCount > 0 && ` · ${t.replies(c.replyCount)}`}
        </span>
      </div>
      {/* Safe HTML rendered by the server (the same the readers get). */}
      <div class="body" dangerouslySetInnerHTML={{ __html: c.html }} />
      {/* Older servers (before the spam pipeline) send no record. */}
      {c.spam && <SpamReasons spam={c.spam} />}
      <details class="muted">
        <summary>{t.details}</summary>
        <dl>
          <dt>{t.email}</dt>
          <dd>{c.email ?? '—'}</dd>
          <dt>{t.ipHash}</dt>
          <dd>{c.ipHash ?? '—'}</dd>
          <dt>{t.readerHash}</dt>
          <dd>{c.readerHash ?? '—'}</dd>
          {c.notify && <dd>{t.notifyBadge}</dd>}
          <dt>{t.markdown}</dt>
          <dd>
            <pre class="markdown">{c.body}</pre>
          </dd>
        </dl>
      </details>
      <fieldset class="actions" aria-label={t.actions(name)}>
        {c.status !== 'approved' && button('approve', t.approve, 'primary')}
        {c.status !== 'spam' && button('spam', t.spam)}
        {c.status !== 'deleted' && button('delete', t.remove)}
        {c.parentId === null && c.status !== 'deleted' && button('pin', c.pinned ? t.unpin : t.pin)}
        {c.status === 'approved' && button('reply', t.reply)}
        {(c.email || c.ipHash || c.readerHash) && button('ban', t.ban)}
        {button('erase', t.erase, 'danger')}
      </fieldset>
      {props.replying && (
        <ReplyForm id={c.id} name={name} onSubmit={props.onReply} onClose={props.onReplyClose} />
      )}
    </article>
  );
};
