/**
 * The moderation queue: status tabs with their counts (pending first), a search, bulk selection, the list,
 * and the keyboard (j/k move, a/s/d/p/r act on the current comment, x selects, / searches, ? helps).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  ADMIN_STATUSES,
  type AdminComment,
  type AdminStatus,
  type BulkAction,
} from '../../../../worker/types/api.ts';
import { useAdmin } from '../context.ts';
import { Help } from './help.tsx';
import { type CommentAction, QueueItem } from './queue-item.tsx';
import { SearchForm } from './search-form.tsx';
import { type Filter, useQueue } from './use-queue.ts';
import { useShortcuts } from './use-shortcuts.ts';

interface Props {
  /** A page's URL to filter on (from the thread list), and how to change it. */
  url?: string;
  onUrlChange: (url: string | undefined) => void;
}

const BULK: BulkAction[] = ['approve', 'spam', 'delete'];

export const Queue = ({ url, onUrlChange }: Props) => {
  const { t } = useAdmin();
  const [status, setStatus] = useState<AdminStatus>('pending');
  const [q, setQ] = useState<string | undefined>(undefined);
  const filter: Filter = { status, ...(q && { q }), ...(url && { url }) };
  const queue = useQueue(filter);
  const { comments } = queue;
  const [active, setActive] = useState(0);
  const cursor = useRef(0);
  const select = (index: number) => {
    cursor.current = index;
    setActive(index);
  };
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [replying, setReplying] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const items = useRef(new Map<string, HTMLElement>());

  // A new tab or search starts over: cursor at the top, nothing selected.
  useEffect(() => {
    select(0);
    setSelected(new Set());
    setReplying(null);
  }, [status, q, url]);
  // Acting removes the comment from the list: the cursor stays in place, on the next one, and so does the
  // keyboard focus (which the removed element took with it to <body>).
  // (Through a ref: this effect may run after a key already moved the cursor, and must not undo that.)
  useEffect(() => {
    const index = Math.max(0, Math.min(cursor.current, comments.length - 1));
    select(index);
    const next = comments[index];
    if (next && document.activeElement === document.body) items.current.get(next.id)?.focus();
  }, [comments.length]);

  const current = comments[active];
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(index, comments.length - 1));
    select(next);
    const el = comments[next] && items.current.get(comments[next].id);
    el?.focus();
    el?.scrollIntoView?.({ block: 'nearest' });
  };

  const run = (comment: AdminComment, action: CommentAction) => {
    const name = comment.author.name;
    switch (action) {
      case 'approve':
        return queue.setStatus(comment, 'approved');
      case 'spam':
        return queue.setStatus(comment, 'spam');
      case 'delete':
        return window.confirm(t.confirmDelete(name)) && queue.setStatus(comment, 'deleted');
      case 'pin':
        return comment.parentId === null && comment.status !== 'deleted' && queue.togglePin(comment);
      case 'erase':
        return window.confirm(t.confirmErase(name)) && queue.erase(comment);
      case 'ban':
        return window.confirm(t.confirmBan(name)) && queue.ban(comment);
      case 'reply':
        return setReplying(comment.id);
    }
  };

  const act = (action: CommentAction) => () => current && run(current, action);
  useShortcuts({
    j: () => moveTo(active + 1),
    k: () => moveTo(active - 1),
    a: act('approve'),
    s: act('spam'),
    d: act('delete'),
    p: act('pin'),
    // Like its button: only an approved comment takes a reply (the API refuses one under a held comment).
    r: () => current?.status === 'approved' && run(current, 'reply'),
    x: () => current && toggle(current.id, !selected.has(current.id)),
    '/': () => search.current?.focus(),
    '?': () => setHelp(true),
    Escape: () => setHelp(false),
  });

  const toggle = (id: string, on: boolean) =>
    setSelected((ids) => {
      const next = new Set(ids);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allSelected = comments.length > 0 && comments.every((c) => selected.has(c.id));

  const bulk = async (action: BulkAction) => {
    const ids = comments.filter((c) => selected.has(c.id)).map((c) => c.id);
    if (ids.length === 0) return;
    if (action === 'delete' && !window.confirm(t.confirmBulkDelete(ids.length))) return;
    if (await queue.bulk(ids, action)) setSelected(new Set());
  };

  return (
    <section aria-labelledby="queue-heading">
      <div class="bar">
        <h2 id="queue-heading">{t.sections.queue}</h2>
        <button type="button" class="link" onClick={() => setHelp(true)}>
          {t.shortcutsButton}
        </button>
      </div>
      {help && <Help onClose={() => setHelp(false)} />}
      <fieldset class="switch" aria-label={t.statusTabs}>
        {ADMIN_STATUSES.map((s) => (
          <button key={s} type="button" aria-pressed={s === status} onClick={() => setStatus(s)}>
            {t.status[s]}
            {queue.counts && <span class="count"> {queue.counts[s]}</span>}
          </button>
        ))}
      </fieldset>
      <SearchForm
        q={q}
        url={url}
        inputRef={search}
        onSearch={(text, page) => {
          setQ(text);
          onUrlChange(page);
        }}
      />
      <div class="tools bulk">
        <label class="check">
          <input
            type="checkbox"
            checked={allSelected}
            disabled={comments.length === 0}
            onChange={(e) =>
              setSelected(e.currentTarget.checked ? new Set(comments.map((c) => c.id)) : new Set())
            }
          />
          {t.selectAll}
        </label>
        <span class="muted">{t.selected(selected.size)}</span>
        {BULK.map((action) => (
          <button key={action} type="button" disabled={selected.size === 0} onClick={() => bulk(action)}>
            {t.bulk[action]}
          </button>
        ))}
      </div>
      <ol class="queue" aria-busy={queue.loading}>
        {comments.map((comment, index) => (
          <li key={comment.id}>
            <QueueItem
              comment={comment}
              active={index === active}
              selected={selected.has(comment.id)}
              replying={replying === comment.id}
              itemRef={(el: HTMLElement | null) => {
                if (el) items.current.set(comment.id, el);
                else items.current.delete(comment.id);
              }}
              onActivate={() => select(index)}
              onSelect={(on) => toggle(comment.id, on)}
              onAction={(action) => run(comment, action)}
              onReply={(body, name) => queue.reply(comment, body, name)}
              onReplyClose={() => {
                setReplying(null);
                // Back to the comment the reply was for, so j/k and the actions go on from there.
                items.current.get(comment.id)?.focus();
              }}
            />
          </li>
        ))}
      </ol>
      {queue.loading && <p class="muted">{t.loading}</p>}
      {!queue.loading && comments.length === 0 && <p class="muted">{t.empty}</p>}
      {queue.nextCursor && !queue.loading && (
        <button type="button" onClick={queue.loadMore}>
          {t.loadMore}
        </button>
      )}
    </section>
  );
};
