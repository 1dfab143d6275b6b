/** One mounted thread: the count heading, sort and page likes, the comments, "load more", and the form. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type Comment, SORTS, type SortOrder } from '../../../worker/types/api.ts';
import { likeUrl } from '../api.ts';
import { type Translator, translator } from '../i18n/index.ts';
import { type Auth, ErrorText, loadAuth, loadExtras, loadFollow, loadLive } from '../lazy.tsx';
import type { WidgetOptions } from '../options.ts';
import { type GivenPage, useThread } from '../state/use-thread.ts';
import { buildTree } from '../tree.ts';
import { CommentForm } from './comment-form.tsx';
import { CommentList } from './comment-list.tsx';
import { LikeButton } from './like-button.tsx';
import type { Widget } from './widget.ts';

export interface AppProps {
  _options: WidgetOptions;
  /** Called with the thread's element once a page has loaded (mount.tsx remembers its height). */
  _onReady?: (view: HTMLElement) => void;
  /** The thread's first page, given up front (mount.tsx: the server rendered it): ready at once, no fetch. */
  _page?: GivenPage;
  /**
   * Rendering in the worker (src/ssr/, GET /threads/html), with the worker's translator: absolute dates
   * (the HTML may be read long after); the form's top is there, hidden from readers without JavaScript
   * (services/render/thread-html.ts), its behaviour comes with the script (issue 15).
   */
  _server?: Translator;
}

export const App = ({ _options, _onReady, _page, _server }: AppProps) => {
  const t = useMemo(() => _server ?? translator(_options.lang), [_options.lang]);
  const { state, sort, _setSort, _retry, _loadMore, add, _change } = useThread(_options, _page);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  // Read out by the aria-live region: the result of a post happens away from where the reader is looking.
  const [status, setStatus] = useState('');
  // The sign-in box, once GET /config offers sign-in and its part is in; null (a guest's form) until then
  // and where it is not offered (null again then: no re-render).
  const [auth, setAuth] = useState<Auth | null>(null);
  const root = useRef<HTMLElement>(null);
  const tree = useMemo(() => buildTree(state.comments), [state.comments]);
  const { m } = t;
  const { thread } = state;
  const locked = thread?.locked ?? false;
  const count = thread?.commentCount ?? 0;
  const ready = state.status === 'ready';
  const widget: Widget = {
    _options,
    t,
    _announce: setStatus,
    _change,
    _auth: auth,
    _now: _server && Infinity,
  };

  useEffect(() => {
    loadAuth(_options.origin).then((box) => setAuth(() => box));
  }, []);

  useEffect(() => {
    const section = root.current;
    if (!ready || !section) return;
    _onReady?.(section);
    // The parts below arrive later: by then a single-page app may have unmounted this thread (its section
    // out of the page), and a part must not take up a section that is gone.
    const live = () => section.isConnected;
    // Issue 17: the feed link and "Follow this thread", drawn under the form by a part of their own.
    loadFollow().then(
      (part) => {
        if (live()) part._attach(section, _options);
      },
      () => {},
    );
    // Live threads (issue 17): the live part follows a loaded thread while it is on screen (where LIVE is on).
    loadLive(_options.origin).then((x) => {
      if (live()) x?._follow(section, widget, add, _retry);
    });
    // The comment a feed link points at (#comment-<id>): rare, so in the extras.
    if (location.hash.startsWith('#comment-')) loadExtras().then((x) => x._showLinked(section));
  }, [ready]);

  // The form (in the extras) then says so and moves the focus to the new comment.
  const onPosted = (comment: Comment) => {
    add(comment);
    setReplyTo(null);
  };

  return (
    <section
      ref={root}
      class="causerie"
      lang={t.lang}
      // Always set: `direction` inherits into a shadow tree from the host page (an Arabic page's English
      // widget must stay left to right), and `all: initial` does not reset it.
      dir={m._dir ?? 'ltr'}
      data-theme={_options.theme}
      aria-busy={state.status === 'loading'}
    >
      {/* The same box while loading and once loaded, so the heading does not move the form below it. */}
      <div class="bar">
        <h2 class="count">
          {ready
            ? count > 0
              ? t._plural(m.commentCount, count)
              : m._empty
            : state.status === 'loading'
              ? m._loading
              : m._loadFailed}
        </h2>
        {/* Page likes only once the page has a thread: a like never creates one (issue 11, item 2). */}
        {ready && thread && (count > 0 || thread.likes > 0) && (
          <>
            <LikeButton
              _likeKey={`page:${thread.key}`}
              _count={thread.likes}
              _label={m._likePage}
              text={(n) => t._plural(m._pageLikes, n)}
              _target={{
                _url: likeUrl(_options.origin),
                _body: { url: _options.url, ...(_options.id ? { id: _options.id } : {}) },
              }}
              widget={widget}
            />
            {count > 1 && (
              <label class="sort">
                {m._sortBy}{' '}
                <select value={sort} onChange={(e) => _setSort(e.currentTarget.value as SortOrder)}>
                  {SORTS.map((s) => (
                    <option key={s} value={s}>
                      {m._sorts[s]}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </>
        )}
        {state.status === 'error' && (
          <button type="button" class="link" onClick={_retry}>
            {m._retry}
          </button>
        )}
      </div>
      {ready && (
        <>
          {tree.length > 0 && (
            <CommentList
              widget={widget}
              _nodes={tree}
              _replyTo={replyTo}
              _canReply={!locked}
              _onReply={setReplyTo}
              _onPosted={onPosted}
            />
          )}
          {state.nextCursor && (
            <button
              type="button"
              class="more"
              disabled={state._loadingMore}
              aria-busy={state._loadingMore}
              onClick={_loadMore}
            >
              {state._loadingMore ? m._loadingMore : m._loadMore}
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
        // Rendered by the server too (issue 15): its top is on screen before the script, no empty room.
        <CommentForm widget={widget} _onPosted={onPosted} />
      )}
      <p class="sr-only" aria-live="polite">
        {status}
      </p>
    </section>
  );
};
