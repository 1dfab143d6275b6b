/** Queries on the comments table used by the reader API. */

import { newCommentStatement } from './daily-stats.ts';
import { PUBLIC_COMMENT_COLUMNS, type PublicCommentRow } from './rows.ts';
import type { SpamRecord } from './spam-record.ts';
import { upsertThread } from './threads.ts';

export interface CommentRef extends PublicCommentRow {
  thread_id: number;
  thread_key: string;
  /** The ordinal of its tree's root in the thread, and whether that root is pinned (see migration 0003). */
  tree_no: number;
  tree_pinned: number;
}

const REF_SQL = `SELECT ${PUBLIC_COMMENT_COLUMNS}, c.thread_id, t.key AS thread_key, c.tree_no, c.tree_pinned
  FROM comments c JOIN threads t ON t.id = c.thread_id`;

/** The comment of this id as a `CommentRef` row (or none), as a statement for a batch. */
export const findCommentStatement = (db: D1Database, id: string): D1PreparedStatement =>
  db.prepare(`${REF_SQL} WHERE c.id = ?1`).bind(id);

/** The comment a client made with this idempotency key (or none), as a statement for a batch. */
export const findCommentByClientIdStatement = (db: D1Database, clientId: string): D1PreparedStatement =>
  db.prepare(`${REF_SQL} WHERE c.client_id = ?1`).bind(clientId);

export const findComment = (db: D1Database, id: string): Promise<CommentRef | null> =>
  findCommentStatement(db, id).first<CommentRef>();

export const findCommentByClientId = (db: D1Database, clientId: string): Promise<CommentRef | null> =>
  findCommentByClientIdStatement(db, clientId).first<CommentRef>();

/** The condition "a comment with the client id `?n` exists", for statements that repeat it. */
export const clientIdMatch = (n: number): string => `SELECT 1 FROM comments WHERE client_id = ?${n}`;

/** "first-time" moderation: one row when this e-mail, from this reader, had a comment approved before. */
export const approvedCommentStatement = (
  db: D1Database,
  email: string,
  readerHash: string,
): D1PreparedStatement =>
  db
    .prepare(
      "SELECT 1 FROM comments WHERE author_email = ?1 AND status = 'approved' AND reader_hash = ?2 LIMIT 1",
    )
    .bind(email, readerHash);

/** "first-time" moderation: has this e-mail address, from this reader, had a comment approved before? */
export const hasApprovedComment = async (
  db: D1Database,
  email: string,
  readerHash: string,
): Promise<boolean> => (await approvedCommentStatement(db, email, readerHash).first()) !== null;

export interface NewCommentRow {
  id: string;
  thread: { key: string; url: string; title: string };
  parentId: string | null;
  rootId: string;
  /** A reply's tree: its parent's ordinal and pin; `null` for a root, which takes the thread's next one. */
  tree: { no: number; pinned: number } | null;
  status: 'approved' | 'pending' | 'spam';
  body: string;
  html: string;
  authorName: string | null;
  authorEmail: string | null;
  authorWebsite: string | null;
  avatar: string;
  ipHash: string | null;
  readerHash: string | null;
  clientId: string | null;
  notify: boolean;
  createdAt: string;
  /** The owner's reply from the admin API (`author.moderator: true`). */
  moderator?: boolean;
  /** A signed-in author's account and the provider that vouched for its name (issue 13); absent for a guest. */
  userId?: string | null;
  authorProvider?: string | null;
  /** What the spam pipeline said (migration 0010); unset for the owner's replies, which it does not screen. */
  spam?: SpamRecord;
}

/**
 * The statements that create the thread if needed, the comment, and the counters, for one transaction;
 * the comment's own INSERT is the second (`INSERT_INDEX`).
 * A `client_id` seen before inserts nothing (the caller then returns the earlier comment), and the
 * counters only move when this very comment was inserted approved: retries and races never double-count.
 */
export const insertCommentStatements = (db: D1Database, row: NewCommentRow): D1PreparedStatement[] => {
  const insertedApproved = `EXISTS (SELECT 1 FROM comments WHERE id = ?1 AND status = 'approved')`;
  const statements = [
    upsertThread(db, { ...row.thread, createdAt: row.createdAt }),
    db
      .prepare(
        `INSERT INTO comments (id, thread_id, parent_id, root_id, status, body, html, author_name, author_email,
           author_website, avatar, ip_hash, client_id, notify, created_at, reader_hash, tree_no, tree_pinned, moderator,
           user_id, author_provider, spam_score, spam_reasons, spam_verdict, spam_tokens)
         VALUES (?1, (SELECT id FROM threads WHERE key = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,
           ?15, ?16, coalesce(?17, (SELECT roots_total + 1 FROM threads WHERE key = ?2)), ?18, ?19, ?20, ?21, ?22, ?23,
           ?24, ?25)
         ON CONFLICT (client_id) DO NOTHING`,
      )
      .bind(
        row.id,
        row.thread.key,
        row.parentId,
        row.rootId,
        row.status,
        row.body,
        row.html,
        row.authorName,
        row.authorEmail,
        row.authorWebsite,
        row.avatar,
        row.ipHash,
        row.clientId,
        row.notify ? 1 : 0,
        row.createdAt,
        row.readerHash,
        row.tree?.no ?? null,
        row.tree?.pinned ?? 0,
        row.moderator ? 1 : 0,
        row.userId ?? null,
        row.authorProvider ?? null,
        row.spam?.score ?? null,
        row.spam?.reasons ?? null,
        row.spam?.verdict ?? null,
        row.spam?.tokens ?? null,
      ),
    db
      .prepare(`UPDATE threads SET comment_count = comment_count + 1 WHERE key = ?2 AND ${insertedApproved}`)
      .bind(row.id, row.thread.key),
  ];
  if (!row.parentId) {
    statements.push(
      db
        .prepare(
          `UPDATE threads SET roots_total = roots_total + 1
           WHERE key = ?2 AND EXISTS (SELECT 1 FROM comments WHERE id = ?1)`,
        )
        .bind(row.id, row.thread.key),
    );
  }
  if (row.parentId) {
    statements.push(
      db
        .prepare(`UPDATE comments SET reply_count = reply_count + 1 WHERE id = ?2 AND ${insertedApproved}`)
        .bind(row.id, row.parentId),
    );
  }
  // The dashboard's counters (migration 0012): one row, for this very insert only.
  statements.push(newCommentStatement(db, row.id));
  return statements;
};

const INSERT_INDEX = 1;

/** D1's `changes` counts the rows the tree-heads trigger (migration 0015) writes too: any change means inserted. */
const wasInserted = (results: readonly D1Result<unknown>[]): boolean =>
  (results[INSERT_INDEX]?.meta.changes ?? 0) > 0;

/**
 * Creates the thread if needed, the comment, and the counters, in one transaction (`insertCommentStatements`).
 * @returns whether the comment was inserted.
 */
export const insertComment = async (db: D1Database, row: NewCommentRow): Promise<boolean> =>
  wasInserted(await db.batch(insertCommentStatements(db, row)));

/**
 * `insertComment` and the read-back in ONE round trip: D1 runs a batch as one transaction, in order
 * (https://developers.cloudflare.com/d1/worker-api/d1-database/#batch), so a SELECT as its last statement
 * sees what the statements before it wrote. `also` run between them, in the same transaction (a write that
 * goes with the comment). With a clientId the read-back is by it: this comment when it was inserted, the
 * one a concurrent retry made first when it was not.
 */
export const insertCommentAndRead = async (
  db: D1Database,
  row: NewCommentRow,
  also: readonly D1PreparedStatement[] = [],
): Promise<{ inserted: boolean; stored: CommentRef | null }> => {
  const readBack = row.clientId
    ? findCommentByClientIdStatement(db, row.clientId)
    : findCommentStatement(db, row.id);
  const results = await db.batch<unknown>([...insertCommentStatements(db, row), ...also, readBack]);
  return {
    inserted: wasInserted(results),
    stored: (results.at(-1)?.results[0] as CommentRef | undefined) ?? null,
  };
};

/**
 * Pins or unpins a root comment. The whole tree carries the pin (`tree_pinned`), so pinned trees are one
 * range of the page index (migration 0003). Pinning a reply does nothing: only roots come first.
 */
export const pinStatements = (db: D1Database, rootId: string, pinned: boolean): D1PreparedStatement[] => [
  db
    .prepare('UPDATE comments SET pinned = ?2 WHERE id = ?1 AND parent_id IS NULL')
    .bind(rootId, pinned ? 1 : 0),
  db
    .prepare(
      `UPDATE comments SET tree_pinned = ?2
       WHERE root_id = ?1 AND EXISTS (SELECT 1 FROM comments WHERE id = ?1 AND parent_id IS NULL)`,
    )
    .bind(rootId, pinned ? 1 : 0),
];

/** `pinStatements` in a transaction of their own. */
export const setPinned = (db: D1Database, rootId: string, pinned: boolean): Promise<D1Result[]> =>
  db.batch(pinStatements(db, rootId, pinned));
