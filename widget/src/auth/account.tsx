/**
 * "Your account" under the signed-in name (issue 13, item 5): the reader's own comments (`GET /me/comments`,
 * 10 a page by cursor), their download (`GET /me/export`) and the erasure of the account and its comments
 * (`DELETE /me`, after a second click). Closed at first; the list is asked for when it opens. A failure is
 * said and changes nothing, but for a 401: that session is dead, so it is forgotten as on any other call,
 * and the box says the session ended.
 */
import { useState } from 'preact/hooks';
import type { OwnComment } from '../../../worker/types/api.ts';
import type { Widget } from '../components/widget.ts';
import type { ApiResult } from '../http.ts';
import type { AuthMessages } from '../i18n/messages.ts';
import { type Session, saveSession } from '../storage.ts';
import { eraseAccount, exportAccount, getOwnComments } from './api.ts';

/** Saves `blob` as a file: a link to an object URL, clicked, and the URL revoked once the click took it. */
const saveFile = (blob: Blob, name: string) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url));
};

/**
 * The props' names sort last among the mangled names of their use count (vite.config.ts's table is by use,
 * then by name), so adding them leaves the app's names, and its bytes, as they were.
 */
export interface AccountProps {
  widget: Widget;
  /** The signed-in reader. */
  _you: Session;
  /** The sign-in part's strings, in the thread's language. */
  _words: AuthMessages;
  /** Forgets the session as sign-out does, then says `message` where the box says who is signed in. */
  _whenGone: (message: string) => void;
  /** The words for an error code (the sign-in box's). */
  _why: (code: string) => string;
}

export const Account = ({
  widget: { _options, t },
  _you: { token, user },
  _words: a,
  _whenGone: gone,
  _why: explain,
}: AccountProps) => {
  const { origin } = _options;
  const [items, setItems] = useState<OwnComment[]>();
  const [next, setNext] = useState<string | null>(null);
  /** One call at a time: every button waits while one is under way. */
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [sure, setSure] = useState(false);

  const act =
    <T,>(call: () => Promise<ApiResult<T>>, done: (value: T) => void) =>
    async () => {
      if (busy) return;
      setBusy(true);
      const result = await call();
      setBusy(false);
      if (result.ok) done(result.value);
      else if (result.error.code === 'unauthorized') saveSession(origin, undefined);
      setError(result.ok ? '' : explain(result.error.code));
    };

  const more = act(
    () => getOwnComments(origin, token, next),
    (page) => {
      setItems([...(items ?? []), ...page.comments]);
      setNext(page.nextCursor);
    },
  );

  return (
    <details class="account" onToggle={(e) => e.currentTarget.open && !items && more()}>
      <summary>{a.account}</summary>
      <h4>{a.ownComments}</h4>
      {items &&
        (items.length ? (
          <ul>
            {items.map((c) => (
              <li key={c.id}>
                <a href={`${c.thread.url}#comment-${c.id}`}>{c.thread.title || c.thread.url}</a>{' '}
                <time dateTime={c.createdAt}>
                  {new Date(c.createdAt).toLocaleDateString(t.lang, { dateStyle: 'long' })}
                </time>
                {c.status === 'pending' && <span class="muted"> · {a.pending}</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{a.noComments}</p>
        ))}
      {/* Also the first page's: it says it is loading, or tries again after a failure. */}
      {(next || !items) && (
        <button type="button" class="link" disabled={busy} onClick={more}>
          {busy ? t.m._loadingMore : a.more}
        </button>
      )}
      <button
        type="button"
        class="link"
        disabled={busy}
        // The worker's file name: its Content-Disposition would say so, but CORS does not expose it.
        onClick={act(
          () => exportAccount(origin, token),
          (blob) => saveFile(blob, `causerie-${user.id}.json`),
        )}
      >
        {a.download}
      </button>
      {/* A second click, on a button that appears below the first: clicking the first again takes it back. */}
      <button type="button" class="link" aria-expanded={sure} onClick={() => setSure(!sure)}>
        {a.erase}
      </button>
      {sure && (
        <button
          type="button"
          disabled={busy}
          onClick={act(
            () => eraseAccount(origin, token),
            () => gone(a.erased),
          )}
        >
          {a.eraseAll}
        </button>
      )}
      {error && <p role="alert">{error}</p>}
    </details>
  );
};
