/**
 * What a Mastodon status becomes here: Markdown made from its HTML by the import's parser
 * (lib/html-to-markdown.ts: scripts, styles and attributes never survive; links keep their text and
 * target), an author name bounded like a guest's, and its place in the thread (the nearest imported
 * ancestor, or a root when it answers the toot itself).
 */
import { htmlToMarkdown } from './html-to-markdown.ts';
import type { MastodonStatus } from './mastodon-status.ts';
import { LIMITS } from './schemas.ts';

export interface ReplyText {
  body: string;
  authorName: string;
}

/**
 * @example replyText(status, 10_000).body // 'Great post! [@alice](https://mastodon.social/@alice)'
 */
export const replyText = (status: MastodonStatus, maxLength: number): ReplyText => {
  const text = htmlToMarkdown(status.content, { newlines: 'collapse' }).trim();
  // A content warning stays in front of what it warns about (readers see both, as on a server that
  // shows the text at once).
  const warning = status.spoiler_text.trim().replace(/\s+/g, ' ');
  const body = (warning ? `**${warning.replace(/\*/g, '')}**\n\n${text}` : text).slice(0, maxLength);
  const name = status.account.display_name.trim().replace(/\s+/g, ' ') || status.account.acct;
  return { body: body || '…', authorName: [...name].slice(0, LIMITS.name).join('') };
};

/**
 * The status id of the nearest ancestor already imported (or imported earlier in this fetch), walking
 * `in_reply_to_id` through the statuses of the context that were not imported (not public, say);
 * `null` when the walk reaches the toot, or leaves the context: the reply becomes a root.
 */
export const importedAncestor = (
  status: MastodonStatus,
  tootId: string,
  byId: ReadonlyMap<string, MastodonStatus>,
  imported: (statusId: string) => boolean,
): string | null => {
  let parentId = status.in_reply_to_id;
  const seen = new Set<string>([status.id]);
  while (parentId && parentId !== tootId && !seen.has(parentId)) {
    if (imported(parentId)) return parentId;
    seen.add(parentId);
    parentId = byId.get(parentId)?.in_reply_to_id ?? null;
  }
  return null;
};
