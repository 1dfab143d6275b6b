/** One mounted thread: the count heading, the comments, "load more", and the form. */
import { useMemo, useState } from 'preact/hooks';
import type { Comment } from '../../../worker/types/api.ts';
import { type Api, createApi } from '../api.ts';
import { translator } from '../i18n/index.ts';
import type { WidgetOptions } from '../options.ts';
import { useThread } from '../state/use-thread.ts';
import { buildTree } from '../tree.ts';
import { CommentForm } from './comment-form.tsx';
import { CommentList } from './comment-list.tsx';
import { WidgetContext } from './context.ts';

export interface AppProps {
  options: WidgetOptions;
  /** Injected by tests; the real one talks to `options.origin`. */
  api?: Api;
}

export const App = ({ options, api: given }: AppProps) => {
  const api = useMemo(() => given ?? createApi(options.origin), [given, options.origin]);
  const t = useMemo(() => translator(options.lang), [options.lang]);
  const { state, retry, loadMore, add } = useThread(api, options);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  // Read out by the aria-live region: the result of a post happens away from where the reader is looking.
  const [status, setStatus] = useState('');
  const tree = useMemo(() => buildTree(state.comments), [state.comments]);
  const { m } = t;
  const locked = state.thread?.locked ?? false;
  const count = state.thread?.commentCount ?? 0;

  const onPosted = (comment: Comment) => {
    add(comment);
    setReplyTo(null);
    setStatus(comment.status === 'pending' ? m.postedPending : m.posted);
  };

  return (
    <WidgetContext.Provider value={{ options, api, t }}>
      <section
        class="causerie"
        lang={t.lang}
        data-theme={options.theme}
        aria-busy={state.status === 'loading'}
      >
        {state.status === 'loading' && <p class="muted">{m.loading}</p>}
        {state.status === 'error' && (
          <p class="error">
            {m.loadFailed}{' '}
            <button type="button" class="link" onClick={retry}>
              {m.retry}
            </button>
          </p>
        )}
        {state.status === 'ready' && (
          <>
            <h2 class="count">{count > 0 ? t.plural(m.commentCount, count) : m.empty}</h2>
            {tree.length > 0 && (
              <CommentList
                nodes={tree}
                replyTo={replyTo}
                canReply={!locked}
                onReply={setReplyTo}
                onPosted={onPosted}
              />
            )}
            {state.nextCursor && (
              <button type="button" class="more" disabled={state.loadingMore} onClick={loadMore}>
                {m.loadMore}
              </button>
            )}
            {state.error && <p class="error">{m.errors[state.error.code]}</p>}
          </>
        )}
        {locked ? <p class="muted">{m.locked}</p> : <CommentForm onPosted={onPosted} />}
        <p class="sr-only" aria-live="polite">
          {status}
        </p>
      </section>
    </WidgetContext.Provider>
  );
};
