/**
 * The mark of a comment from the open web, in its header: "via Webmention" or "from Mastodon" with the
 * source's host as a link to it, and for Mastodon "Reply on Mastodon" (the toot, where readers answer it).
 * A like or a repost says so instead ("liked this", a link to the source), and the part's styles make its
 * item a compact face beside the other faces (faces.css): names and generated avatars, no third-party image.
 */
import type { Comment } from '../../../worker/types/api.ts';
import type { Translator } from '../i18n/index.ts';
import css from './faces.css?inline';
import { openWebMessages } from './messages.ts';

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
};

export const _Mark = ({ comment, t }: { comment: Comment; t: Translator }) => {
  const { source } = comment;
  if (!source) return null;
  const m = openWebMessages(t.lang);
  const link = { href: source.url, rel: 'nofollow ugc noopener', target: '_blank' };
  if (source.type !== 'reply') {
    return (
      <span class="muted" data-testid="source" data-face={source.type}>
        <style>{css}</style>
        <a {...link}>{source.type === 'like' ? m._liked : m._reposted}</a>
      </span>
    );
  }
  const mastodon = comment.kind === 'mastodon';
  return (
    <span class="muted" data-testid="source">
      {mastodon ? m._fromMastodon : m._viaWebmention} ·{' '}
      <a {...link} dir="auto">
        {hostOf(source.url)}
      </a>
      {mastodon && (
        <>
          {' · '}
          <a {...link}>{m._replyOnMastodon}</a>
        </>
      )}
    </span>
  );
};
