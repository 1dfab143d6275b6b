/**
 * Comments of kind 'mastodon' (migrations 0016 and 0019): the statuses already imported into a thread,
 * and the statements that add one with its counters. The unique index (thread_id, source_url) is the
 * import key: a status imported twice (two fetches racing) inserts once.
 */
import { importedCommentsStatement } from './daily-stats.ts';
import type { SpamRecord } from './spam-record.ts';

export interface ImportedStatusRow {
  comment_id: string;
  status_id: string;
  toot_url: string;
  version: string;
  /** The comment's root, `null` once the owner erased it. */
  root_id: string | null;
  /** `erased`: the owner deleted the comment for good; the status is never imported again. */
  status: 'approved' | 'pending' | 'spam' | 'deleted' | 'erased';
  source_url: string;
}

/**
 * Every status imported into the thread, whichever toot brought it (a reply may answer another's),
 * including those whose comment the owner erased since (migration 0019 keeps their record).
 */
export const importedStatuses = async (db: D1Database, threadId: number): Promise<ImportedStatusRow[]> => {
  const { results } = await db
    .prepare(
      `SELECT m.comment_id, m.status_id, m.toot_url, m.version, c.root_id,
         coalesce(c.status, 'erased') AS status, m.source_url
       FROM mastodon_statuses m LEFT JOIN comments c ON c.id = m.comment_id
       WHERE m.thread_id = ?1`,
    )
    .bind(threadId)
    .all<ImportedStatusRow>();
  return results;
};

/** Whether an earlier reply from this account was approved here ("first-time" moderation). */
export const hasApprovedFromAccount = async (db: D1Database, accountUrl: string): Promise<boolean> =>
  (await db
    .prepare(
      `SELECT 1 FROM mastodon_statuses m JOIN comments c ON c.id = m.comment_id
       WHERE m.account_url = ?1 AND c.status = 'approved' LIMIT 1`,
    )
    .bind(accountUrl)
    .first()) !== null;

export interface NewMastodonReply {
  id: string;
  parentId: string | null;
  rootId: string;
  status: 'approved' | 'pending' | 'spam';
  body: string;
  html: string;
  authorName: string;
  authorWebsite: string;
  avatar: string;
  createdAt: string;
  sourceUrl: string;
  spam: SpamRecord;
  statusId: string;
  tootUrl: string;
  acct: string;
  avatarUrl: string | null;
  version: string;
}

/**
 * The statements that insert a fetch's new replies with their counters, as insertComment (db/comments.ts)
 * does for one post, but in a fixed handful of statements besides one INSERT per reply: D1 counts every
 * statement of a batch as a query, and the Free plan allows 50 per invocation
 * (https://developers.cloudflare.com/d1/platform/limits/). A new root takes the next tree ordinal
 * (`roots_total` + its rank among this batch's roots, migration 0003); a reply its root's ordinal and pin,
 * read in the statement so a root inserted earlier in the same batch is found. A row the unique index
 * refuses (two fetches racing) inserts nothing, and every counter below counts only the rows inserted.
 */
export const insertRepliesStatements = (
  db: D1Database,
  threadId: number,
  rows: readonly NewMastodonReply[],
): D1PreparedStatement[] => {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((row) => row.id));
  const inserted = `SELECT value FROM json_each(?1) WHERE value IN (SELECT id FROM comments)`;
  let rootRank = 0;
  const inserts = rows.map((row) => {
    const rank = row.parentId ? 0 : ++rootRank;
    return db
      .prepare(
        `INSERT INTO comments (id, thread_id, parent_id, root_id, status, body, html, author_name, author_website,
           avatar, created_at, tree_no, tree_pinned, kind, source_url, source_type, spam_score, spam_reasons,
           spam_verdict, spam_tokens)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,
           coalesce((SELECT tree_no FROM comments WHERE id = ?4), (SELECT roots_total FROM threads WHERE id = ?2) + ?17),
           coalesce((SELECT tree_pinned FROM comments WHERE id = ?4), 0),
           'mastodon', ?12, 'reply', ?13, ?14, ?15, ?16)
         ON CONFLICT (thread_id, source_url) WHERE source_url IS NOT NULL DO NOTHING`,
      )
      .bind(
        row.id,
        threadId,
        row.parentId,
        row.rootId,
        row.status,
        row.body,
        row.html,
        row.authorName,
        row.authorWebsite,
        row.avatar,
        row.createdAt,
        row.sourceUrl,
        row.spam.score,
        row.spam.reasons,
        row.spam.verdict,
        row.spam.tokens,
        rank,
      );
  });
  const records = JSON.stringify(
    rows.map((row) => [
      row.id,
      row.statusId,
      row.tootUrl,
      row.authorWebsite,
      row.acct,
      row.avatarUrl,
      row.version,
      row.sourceUrl,
    ]),
  );
  const parents = JSON.stringify([...new Set(rows.flatMap((row) => (row.parentId ? [row.parentId] : [])))]);
  return [
    ...inserts,
    db
      .prepare(
        `INSERT INTO mastodon_statuses (comment_id, thread_id, status_id, toot_url, account_url, acct, avatar_url,
           version, source_url)
         SELECT r.value ->> 0, ?2, r.value ->> 1, r.value ->> 2, r.value ->> 3, r.value ->> 4, r.value ->> 5,
           r.value ->> 6, r.value ->> 7
         FROM json_each(?1) r WHERE r.value ->> 0 IN (SELECT id FROM comments)`,
      )
      .bind(records, threadId),
    db
      .prepare(
        `UPDATE threads SET
           comment_count = comment_count
             + (SELECT count(*) FROM comments WHERE id IN (${inserted}) AND status = 'approved'),
           roots_total = roots_total
             + (SELECT count(*) FROM comments WHERE id IN (${inserted}) AND parent_id IS NULL)
         WHERE id = ?2`,
      )
      .bind(ids, threadId),
    db
      .prepare(
        `UPDATE comments SET reply_count = reply_count + (SELECT count(*) FROM comments r
           WHERE r.parent_id = comments.id AND r.status = 'approved' AND r.id IN (${inserted}))
         WHERE id IN (SELECT value FROM json_each(?2))`,
      )
      .bind(ids, parents),
    importedCommentsStatement(
      db,
      rows.map((row) => row.id),
    ),
  ];
};

/** An edit seen on the instance: the version imported moves on (the body goes through db/edits.ts). */
export const setVersion = (db: D1Database, commentId: string, version: string): D1PreparedStatement =>
  db.prepare('UPDATE mastodon_statuses SET version = ?2 WHERE comment_id = ?1').bind(commentId, version);
