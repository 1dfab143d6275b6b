/** One mounted thread: the count heading, sort and page likes, the comments, "load more", and the form. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Comment, SortOrder } from '../../../worker/types/api.ts';
import { likePage } from '../api.ts';
import { translator } from '../i18n/index.ts';
import { ErrorText, errorText, loadExtras } from '../lazy.tsx';
import type { WidgetOptions } from '../options.ts';
import { useThread } from '../state/use-thread.ts';
import { buildTree } from '../tree.ts';
import { CommentForm } from './comment-form.tsx';
import { CommentList } from './comment-list.tsx';
import type { Widget } from './context.ts';
import { LikeButton } from './like-button.tsx';

export interface AppProps {
  options: WidgetOptions;
  /** Called with the thread's element once a page has loaded (mount.tsx remembers its height). */
  onReady?: (view: HTMLElement) => void;
}

const sorts: SortOrder[] = ['oldest', 'newest', 'top'];

export const App = ({ options, onReady }: AppProps) => {
  const t = useMemo(() => translator(options.lang), [options.lang]);
  const { state, sort, setSort, retry, loadMore, add, change } = useThread(options);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  // Read out by the aria-live region: the result of a post happens away from where the reader is looking.
  const [status, setStatus] = useState('');
  const root = useRef<HTMLElement>(null);
  const focusId = useRef<string | null>(null);
  const tree = useMemo(() => buildTree(state.comments), [state.comments]);
  const { m } = t;
  const { thread } = state;
  const locked = thread?.locked ?? false;
  const count = thread?.commentCount ?? 0;
  const ready = state.status === 'ready';
  const widget: Widget = { options, t, announce: setStatus, change };

  useEffect(() => {
    if (!ready || !root.current) return;
    onReady?.(root.current);
    // The comment a feed link points at (#comment-<id>): rare, so in the extras.
    if (location.hash.startsWith('#comment-')) loadExtras().then((x) => x.showLinked(root.current));
  }, [ready]);

  // After a post, focus moves to the new comment (once it is rendered).
  useEffect(() => {
    const id = focusId.current;
    if (!id) return;
    focusId.current = null;
    root.current?.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(id)}"]`)?.focus();
  }, [state.comments]);

  const onPosted = (comment: Comment) => {
    focusId.current = comment.id;
    add(comment);
    setReplyTo(null);
    // The extras are in: they posted it.
    loadExtras().then((x) => {
      const more = x.extraMessages(t.lang);
      setStatus(comment.status === 'pending' ? more.postedPending : more.posted);
    });
  };

  return (
    <section
      ref={root}
      class="causerie"
      lang={t.lang}
      data-theme={options.theme}
      aria-busy={state.status === 'loading'}
    >
      {/* The same box while loading and once loaded, so the heading does not move the form below it. */}
      <div class="bar">
        <h2 class="count">
          {ready
            ? count > 0
              ? t.plural(m.commentCount, count)
              : m.empty
            : state.status === 'loading'
              ? m.loading
              : m.loadFailed}
        </h2>
        {/* Page likes only once the page has a thread: a like never creates one (issue 11, item 2). */}
        {ready && thread && (count > 0 || thread.likes > 0) && (
          <>
            <LikeButton
              likeKey={`page:${thread.key}`}
              count={thread.likes}
              label={m.likePage}
              text={(n) => t.plural(m.pageLikes, n)}
              send={(reader, like) =>
                likePage(
                  options.origin,
                  { url: options.url, ...(options.id ? { id: options.id } : {}) },
                  reader,
                  like,
                )
              }
              onError={(code) => errorText(t, code).then(setStatus)}
            />
            {count > 1 && (
              <label class="sort">
                {m.sortBy}{' '}
                <select value={sort} onChange={(e) => setSort(e.currentTarget.value as SortOrder)}>
                  {sorts.map((s) => (
                    <option key={s} value={s}>
                      {m.sorts[s]}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </>
        )}
        {state.status === 'error' && (
          <button type="button" class="link" onClick={retry}>
            {m.retry}
          </button>
        )}
      </div>
      {ready && (
        <>
          {tree.length > 0 && (
            <CommentList
              widget={widget}
              nodes={tree}
              replyTo={replyTo}
              canReply={!locked}
              onReply={setReplyTo}
              onPosted={onPosted}
            />
          )}
          {state.nextCursor && (
            <button
              type="button"
              class="more"
              disabled={state.loadingMore}
              aria-busy={state.loadingMore}
              onClick={loadMore}
            >
              {state.loadingMore ? m.loadingMore : m.loadMore}
            </button>
          )}
          {state.error && (
            <p class="error">
              <ErrorText t={t} error={state.error} />
            </p>
          )}
        </>
      )}
      {/* Also after a failed load: what the reader writes does not depend on reading the thread. */}
      {state.status === 'loading' ? null : locked ? (
        <p class="muted">{m.locked}</p>
      ) : (
        <CommentForm widget={widget} onPosted={onPosted} />
      )}
      <p class="sr-only" aria-live="polite">
        {status}
      </p>
    </section>
  );
};
