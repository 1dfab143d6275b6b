/** Row shapes as D1 returns them, and the one mapper from a comment row to the public `Comment`. */
import type { Comment, CommentKind, CommentStatus, SourceType, Thread } from '../types/api.ts';

export interface ThreadRow {
  id: number;
  key: string;
  url: string;
  title: string;
  comment_count: number;
  likes: number;
  locked: number;
  /** Roots ever created in the thread: the next root's ordinal (`tree_no`) is this plus one. */
  roots_total: number;
}

/** The columns a reader may see: no e-mail, no IP hash, no client id. */
export interface PublicCommentRow {
  seq: number;
  id: string;
  parent_id: string | null;
  root_id: string;
  status: 'approved' | 'pending' | 'spam' | 'deleted';
  pinned: number;
  likes: number;
  html: string;
  author_name: string | null;
  author_website: string | null;
  avatar: string;
  moderator: number;
  /** The provider that vouched for a signed-in author's name (migration 0009); `null` for a guest. */
  author_provider: string | null;
  created_at: string;
  edited_at: string | null;
  /** Where it came from (migration 0016): the widget, a Webmention or a Mastodon reply. */
  kind: CommentKind;
  source_url: string | null;
  source_type: SourceType | null;
}

export const PUBLIC_COMMENT_COLUMNS =
  'c.seq, c.id, c.parent_id, c.root_id, c.status, c.pinned, c.likes, c.html, c.author_name, ' +
  'c.author_website, c.avatar, c.moderator, c.author_provider, c.created_at, c.edited_at, ' +
  'c.kind, c.source_url, c.source_type';

export const toThread = (row: ThreadRow): Thread => ({
  key: row.key,
  url: row.url,
  title: row.title,
  commentCount: row.comment_count,
  likes: row.likes,
  locked: row.locked === 1,
});

/** An empty thread for a page nobody has commented on yet (not an error: API.md). */
export const emptyThread = (key: string, url: string, title = ''): Thread => ({
  key,
  url,
  title,
  commentCount: 0,
  likes: 0,
  locked: false,
});

export const toComment = (row: PublicCommentRow, anonymousName: string): Comment => {
  const deleted = row.status === 'deleted';
  // Spam never reaches a reader; should a row slip through, it reads as pending (not shown by the widget).
  const status: CommentStatus = row.status === 'spam' ? 'pending' : row.status;
  return {
    id: row.id,
    parentId: row.parent_id,
    author: deleted
      ? null
      : {
          name: row.author_name || anonymousName,
          website: row.author_website,
          avatar: row.avatar,
          moderator: row.moderator === 1,
          verified: row.author_provider ? { provider: row.author_provider } : null,
        },
    html: deleted ? '' : row.html,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    likes: row.likes,
    status,
    pinned: row.pinned === 1,
    kind: row.kind,
    ...(row.kind !== 'comment' && row.source_url
      ? { source: { url: row.source_url, type: row.source_type ?? 'reply' } }
      : {}),
  };
};
