/**
 * The comments the open web makes (issue 18): a Webmention's reply, like or repost in its target's thread,
 * found by its source URL (unique per thread, migration 0016). A like or repost is not in the thread's
 * comment_count (migration 0018), so every write here takes the count again from the thread's rows.
 */

import type { CommentKind, SourceType } from '../types/api.ts';
import { newCommentStatement } from './daily-stats.ts';
import type { SpamRecord } from './spam-record.ts';
import { upsertThread } from './threads.ts';

const RECOUNT = `UPDATE threads SET comment_count = (
    SELECT count(*) FROM comments
    WHERE thread_id = threads.id AND status = 'approved' AND coalesce(source_type, 'reply') = 'reply'
  )`;

/** threads.comment_count from its rows: approved comments, likes and reposts aside. */
export const recountStatement = (db: D1Database, threadKey: string): D1PreparedStatement =>
  db.prepare(`${RECOUNT} WHERE key = ?1`).bind(threadKey);

/** The same, by the thread's id (the import plans by id). */
export const recountByIdStatement = (db: D1Database, threadId: number): D1PreparedStatement =>
  db.prepare(`${RECOUNT} WHERE id = ?1`).bind(threadId);

/** The comment a source made in a thread, if any. */
export const findMentionCommentId = async (
  db: D1Database,
  threadKey: string,
  sourceUrl: string,
): Promise<string | null> =>
  (
    await db
      .prepare(
        `SELECT c.id FROM comments c JOIN threads t ON t.id = c.thread_id
         WHERE t.key = ?1 AND c.source_url = ?2`,
      )
      .bind(threadKey, sourceUrl)
      .first<{ id: string }>()
  )?.id ?? null;

export interface NewMentionRow {
  id: string;
  thread: { key: string; url: string; title: string };
  kind: Exclude<CommentKind, 'comment'>;
  sourceUrl: string;
  sourceType: SourceType;
  status: 'approved' | 'pending' | 'spam';
  spam: SpamRecord;
  body: string;
  html: string;
  authorName: string | null;
  authorWebsite: string | null;
  avatar: string;
  createdAt: string;
}

/**
 * A new root comment from a source, the thread created if needed, in one transaction. A source already in
 * the thread inserts nothing (a concurrent attempt won): the caller then updates that one.
 * @returns whether it was inserted.
 */
export const insertMentionComment = async (db: D1Database, row: NewMentionRow): Promise<boolean> => {
  const results = await db.batch([
    upsertThread(db, { ...row.thread, createdAt: row.createdAt }),
    db
      .prepare(
        `INSERT INTO comments (id, thread_id, parent_id, root_id, status, body, html, author_name, author_website,
           avatar, created_at, tree_no, tree_pinned, kind, source_url, source_type, spam_score, spam_reasons,
           spam_verdict, spam_tokens)
         VALUES (?1, (SELECT id FROM threads WHERE key = ?2), NULL, ?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9,
           (SELECT roots_total + 1 FROM threads WHERE key = ?2), 0, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
         ON CONFLICT DO NOTHING`,
      )
      .bind(
        row.id,
        row.thread.key,
        row.status,
        row.body,
        row.html,
        row.authorName,
        row.authorWebsite,
        row.avatar,
        row.createdAt,
        row.kind,
        row.sourceUrl,
        row.sourceType,
        row.spam.score,
        row.spam.reasons,
        row.spam.verdict,
        row.spam.tokens,
      ),
    db
      .prepare(
        `UPDATE threads SET roots_total = roots_total + 1
         WHERE key = ?2 AND EXISTS (SELECT 1 FROM comments WHERE id = ?1)`,
      )
      .bind(row.id, row.thread.key),
    newCommentStatement(db, row.id),
    recountStatement(db, row.thread.key),
  ]);
  // D1's `changes` counts the rows the tree-heads trigger (migration 0015) writes too: any change means inserted.
  return (results[1]?.meta.changes ?? 0) > 0;
};

/** A source sent again: what it says now (text, author, what it is), its status left to moderation. */
export const updateMentionComment = (
  db: D1Database,
  threadKey: string,
  id: string,
  change: {
    sourceType: SourceType;
    body: string;
    html: string;
    authorName: string | null;
    authorWebsite: string | null;
    editedAt: string;
  },
): Promise<D1Result[]> =>
  db.batch([
    db
      .prepare(
        `UPDATE comments SET source_type = ?2, body = ?3, html = ?4, author_name = ?5, author_website = ?6,
           edited_at = CASE WHEN body = ?3 AND source_type = ?2 THEN edited_at ELSE ?7 END
         WHERE id = ?1`,
      )
      .bind(
        id,
        change.sourceType,
        change.body,
        change.html,
        change.authorName,
        change.authorWebsite,
        change.editedAt,
      ),
    recountStatement(db, threadKey),
  ]);

/**
 * The thread a target page is: the one keyed by its normalized URL, else one whose page has that URL
 * under an explicit id (`data-id`), else (`null`) a new one keyed by the URL.
 */
export const findThreadKeyForUrl = async (db: D1Database, url: string): Promise<string | null> =>
  (
    await db
      .prepare('SELECT key FROM threads WHERE key = ?1 OR url = ?1 ORDER BY key = ?1 DESC, id LIMIT 1')
      .bind(url)
      .first<{ key: string }>()
  )?.key ?? null;
