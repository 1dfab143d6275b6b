/**
 * The thread list: lock/unlock, retitle, and move to a new URL (the fix for threads lost when a site
 * changes its URLs); a move onto a URL that already has a thread merges the two, and the page says so.
 */
import { useState } from 'preact/hooks';
import type { AdminThread, ThreadPatch } from '../../../worker/types/api.ts';
import { useAdmin } from './context.ts';
import { MastodonLinkForm } from './mastodon-link.tsx';
import { usePaged } from './use-paged.ts';

const ThreadEditor = ({
  thread,
  onSave,
  onClose,
}: {
  thread: AdminThread;
  onSave: (patch: Omit<ThreadPatch, 'key'>) => Promise<void>;
  onClose: () => void;
}) => {
  const { t } = useAdmin();
  const [title, setTitle] = useState(thread.title);
  const [url, setUrl] = useState(thread.url);
  const id = `thread-${thread.key.replace(/[^A-Za-z0-9]/g, '')}`;
  return (
    <form
      class="form"
      aria-label={t.editThread(thread.title || thread.url)}
      onSubmit={async (e) => {
        e.preventDefault();
        await onSave({
          ...(title !== thread.title && { title }),
          ...(url.trim() !== thread.url && { url: url.trim() }),
        });
      }}
    >
      <div class="field">
        <label for={`${id}-title`}>{t.threadTitle}</label>
        <input id={`${id}-title`} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for={`${id}-url`}>{t.threadUrl}</label>
        <input
          id={`${id}-url`}
          type="url"
          required
          value={url}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
      </div>
      {/* Its own buttons, each saving at once: not part of this form's Save (issue 18). */}
      <MastodonLinkForm threadKey={thread.key} id={id} />
      <div class="actions">
        <button type="submit" class="primary">
          {t.save}
        </button>
        <button type="button" onClick={onClose}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
};

export const Threads = ({ onShowComments }: { onShowComments: (url: string) => void }) => {
  const { api, t, announce, fail } = useAdmin();
  const threads = usePaged(
    (cursor) => api.threads({ limit: 50, ...(cursor && { cursor }) }),
    (page): AdminThread[] => page.threads,
  );
  const [editing, setEditing] = useState<string | null>(null);

  const save = async (thread: AdminThread, patch: Omit<ThreadPatch, 'key'>, message: string) => {
    const result = await api.patchThread({ key: thread.key, ...patch });
    if (!result.ok) return fail(result.error);
    const { thread: updated, merged } = result.value;
    setEditing(null);
    if (merged || updated.key !== thread.key) {
      // The old row is gone (moved or merged): reload rather than guess where the new one sorts.
      void threads.reload();
      announce(merged ? t.threadMerged : t.threadMoved);
      return;
    }
    threads.setList((list) => list.map((th) => (th.key === thread.key ? updated : th)));
    announce(message);
  };

  return (
    <section aria-labelledby="threads-heading">
      <h2 id="threads-heading">{t.threadsHeading}</h2>
      <ol class="rows" aria-busy={threads.loading}>
        {threads.list.map((thread) => (
          <li key={thread.key} class="row" data-testid="admin-thread">
            <div class="meta">
              <a class="author" href={thread.url} rel="noopener noreferrer" target="_blank">
                {thread.title || thread.url}
              </a>
              {thread.locked && <span class="badge">{t.lockedBadge}</span>}
              <span class="muted">
                {t.threadComments(thread.commentCount)}
                {thread.pending > 0 && ` · ${t.threadPending(thread.pending)}`}
              </span>
            </div>
            <p class="muted key">{thread.key}</p>
            <fieldset class="actions" aria-label={thread.title || thread.url}>
              <button
                type="button"
                onClick={() =>
                  save(thread, { locked: !thread.locked }, thread.locked ? t.unlocked : t.locked)
                }
              >
                {thread.locked ? t.unlock : t.lock}
              </button>
              <button
                type="button"
                aria-expanded={editing === thread.key}
                onClick={() => setEditing(editing === thread.key ? null : thread.key)}
              >
                {t.edit}
              </button>
              <button type="button" onClick={() => onShowComments(thread.url)}>
                {t.showComments}
              </button>
            </fieldset>
            {editing === thread.key && (
              <ThreadEditor
                thread={thread}
                onSave={(patch) => save(thread, patch, t.threadSaved)}
                onClose={() => setEditing(null)}
              />
            )}
          </li>
        ))}
      </ol>
      {threads.loading && <p class="muted">{t.loading}</p>}
      {!threads.loading && threads.list.length === 0 && <p class="muted">{t.empty}</p>}
      {threads.nextCursor && !threads.loading && (
        <button type="button" onClick={threads.loadMore}>
          {t.loadMore}
        </button>
      )}
    </section>
  );
};
