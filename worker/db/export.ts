import type { CommentKind, SourceType } from '../types/api.ts';

/**
 * The SQL of the export: threads by id and each thread's comments by seq, a page at a time (the export is
 * streamed, never read in one query) (services/transfer/export-stream.ts maps them onto the export format).
 */

export interface ExportThreadRow {
  id: number;
  key: string;
  url: string;
  title: string;
  locked: number;
  likes: number;
  created_at: string;
  import_key: string | null;
}

export interface ExportCommentRow {
  seq: number;
  id: string;
  parent_id: string | null;
  import_key: string | null;
  status: 'approved' | 'pending' | 'spam' | 'deleted';
  pinned: number;
  likes: number;
  body: string;
  author_name: string | null;
  author_email: string | null;
  author_website: string | null;
  avatar: string;
  moderator: number;
  ip_hash: string | null;
  reader_hash: string | null;
  client_id: string | null;
  notify: number;
  created_at: string;
  edited_at: string | null;
  /** Where it came from (migration 0016). */
  kind: CommentKind;
  source_url: string | null;
  source_type: SourceType | null;
}

export const listThreadsAfter = async (
  db: D1Database,
  afterId: number,
  limit: number,
): Promise<ExportThreadRow[]> =>
  (
    await db
      .prepare(
        `SELECT id, key, url, title, locked, likes, created_at, import_key FROM threads
         WHERE id > ?1 ORDER BY id LIMIT ?2`,
      )
      .bind(afterId, limit)
      .all<ExportThreadRow>()
  ).results;

/** One page of a thread's comments in creation order (index comments_by_thread, migration 0005). */
export const listCommentsAfter = async (
  db: D1Database,
  threadId: number,
  afterSeq: number,
  limit: number,
): Promise<ExportCommentRow[]> =>
  (
    await db
      .prepare(
        `SELECT seq, id, parent_id, import_key, status, pinned, likes, body, author_name, author_email,
           author_website, avatar, moderator, ip_hash, reader_hash, client_id, notify, created_at, edited_at,
           kind, source_url, source_type
         FROM comments WHERE thread_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3`,
      )
      .bind(threadId, afterSeq, limit)
      .all<ExportCommentRow>()
  ).results;
