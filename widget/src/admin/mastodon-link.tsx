/**
 * A thread's toot (issue 18), inside the thread editor: the link's state (favourites and boosts, the last
 * fetch, the last failure), linking or re-linking a toot, unlinking it, and fetching its replies now.
 */
import { useEffect, useState } from 'preact/hooks';
import type { MastodonLink } from '../../../worker/types/api.ts';
import { useAdmin } from './context.ts';

export const MastodonLinkForm = ({ threadKey, id }: { threadKey: string; id: string }) => {
  const { api, t, announce, fail } = useAdmin();
  const [link, setLink] = useState<MastodonLink | null>(null);
  const [url, setUrl] = useState('');

  useEffect(() => {
    void api.mastodon(threadKey).then((result) => {
      if (!result.ok) return fail(result.error);
      setLink(result.value.mastodon);
      setUrl(result.value.mastodon?.url ?? '');
    });
  }, [threadKey]);

  const linkToot = async () => {
    const result = await api.linkMastodon(threadKey, url.trim());
    if (!result.ok) return fail(result.error);
    setLink(result.value.mastodon);
    announce(t.mastodonLinked);
  };
  const unlink = async () => {
    const result = await api.unlinkMastodon(threadKey);
    if (!result.ok) return fail(result.error);
    setLink(null);
    setUrl('');
    announce(t.mastodonUnlinked);
  };
  const refresh = async () => {
    const result = await api.refreshMastodon(threadKey);
    if (!result.ok) return fail(result.error);
    const { refresh: done, mastodon } = result.value;
    setLink(mastodon);
    announce(
      done.ok
        ? t.mastodonFetched(done.added, done.updated, done.removed)
        : t.mastodonFailed(done.error ?? ''),
    );
  };

  return (
    <div class="field" data-testid="admin-mastodon">
      <label for={`${id}-mastodon`}>{t.mastodonLabel}</label>
      <input
        id={`${id}-mastodon`}
        type="url"
        placeholder="https://mastodon.social/@you/123"
        aria-describedby={`${id}-mastodon-hint`}
        value={url}
        onInput={(e) => setUrl(e.currentTarget.value)}
      />
      <p id={`${id}-mastodon-hint`} class="muted">
        {t.mastodonHint}
      </p>
      {link && <p class="muted">{t.mastodonState(link.favourites, link.reblogs, link.fetchedAt)}</p>}
      {link?.lastError && <p class="muted">{t.mastodonFailed(link.lastError)}</p>}
      <div class="actions">
        <button type="button" disabled={!url.trim() || url.trim() === link?.url} onClick={linkToot}>
          {t.mastodonLink}
        </button>
        {link && (
          <button type="button" onClick={refresh}>
            {t.mastodonRefresh}
          </button>
        )}
        {link && (
          <button type="button" onClick={unlink}>
            {t.mastodonUnlink}
          </button>
        )}
      </div>
    </div>
  );
};
