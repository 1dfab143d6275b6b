import type { CommentKind, SourceType } from '../types/api.ts';

/**
 * The SQL of imports: threads found or created in bulk, comments already present (by id or import key),
 * the parents an import attaches to, and the insert that gives each comment its tree (migration 0003).
 */

/** D1 allows 100 bound parameters per statement: lists are looked up in slices of this many. */
const SLICE = 90;

const slices = <T>(items: T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += SLICE) out.push(items.slice(i, i + SLICE));
  return out;
};

const placeholders = (n: number, from = 1): string =>
  Array.from({ length: n }, (_, i) => `?${i + from}`).join(', ');

export interface ImportThreadRow {
  id: number;
  key: string;
  title: string;
}

export const findThreadsByKey = async (
  db: D1Database,
  keys: string[],
): Promise<Map<string, ImportThreadRow>> => {
  const found = new Map<string, ImportThreadRow>();
  for (const slice of slices([...new Set(keys)])) {
    const { results } = await db
      .prepare(`SELECT id, key, title FROM threads WHERE key IN (${placeholders(slice.length)})`)
      .bind(...slice)
      .all<ImportThreadRow>();
    for (const row of results) found.set(row.key, row);
  }
  return found;
};

export interface NewThread {
  key: string;
  url: string;
  title: string;
  locked: boolean;
  likes: number;
  createdAt: string;
  importKey: string | null;
}

/** Creates a thread; one that exists meanwhile only gets an empty title filled (as upsertThread does). */
export const createThreadStatement = (db: D1Database, t: NewThread): D1PreparedStatement =>
  db
    .prepare(
      `INSERT INTO threads (key, url, title, locked, likes, created_at, import_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
       ON CONFLICT (key) DO UPDATE SET title = excluded.title WHERE threads.title = '' AND excluded.title <> ''`,
    )
    .bind(t.key, t.url, t.title, t.locked ? 1 : 0, t.likes, t.createdAt, t.importKey);

export const fillTitleStatement = (db: D1Database, threadId: number, title: string): D1PreparedStatement =>
  db.prepare("UPDATE threads SET title = ?2 WHERE id = ?1 AND title = ''").bind(threadId, title);

/** The ids and import keys among these that the database already holds. */
export const findPresent = async (
  db: D1Database,
  ids: string[],
  importKeys: string[],
): Promise<{ ids: Set<string>; importKeys: Set<string> }> => {
  const present = { ids: new Set<string>(), importKeys: new Set<string>() };
  for (const slice of slices(ids)) {
    const { results } = await db
      .prepare(`SELECT id FROM comments WHERE id IN (${placeholders(slice.length)})`)
      .bind(...slice)
      .all<{ id: string }>();
    for (const row of results) present.ids.add(row.id);
  }
  for (const slice of slices(importKeys)) {
    const { results } = await db
      .prepare(`SELECT import_key FROM comments WHERE import_key IN (${placeholders(slice.length)})`)
      .bind(...slice)
      .all<{ import_key: string }>();
    for (const row of results) present.importKeys.add(row.import_key);
  }
  return present;
};

export interface TreeNodeRow {
  id: string;
  thread_id: number;
  parent_id: string | null;
  root_id: string;
  status: 'approved' | 'pending' | 'spam' | 'deleted';
  reply_count: number;
}

/** Comments an import attaches replies to (parents sent in an earlier batch, or posted natively). */
export const findTreeNodes = async (db: D1Database, ids: string[]): Promise<TreeNodeRow[]> => {
  const rows: TreeNodeRow[] = [];
  for (const slice of slices([...new Set(ids)])) {
    const { results } = await db
      .prepare(
        `SELECT id, thread_id, parent_id, root_id, status, reply_count FROM comments
         WHERE id IN (${placeholders(slice.length)})`,
      )
      .bind(...slice)
      .all<TreeNodeRow>();
    rows.push(...results);
  }
  return rows;
};

export interface ImportedCommentRow {
  id: string;
  threadId: number;
  parentId: string | null;
  rootId: string;
  status: 'approved' | 'pending' | 'spam' | 'deleted';
  pinned: boolean;
  likes: number;
  body: string;
  html: string;
  authorName: string | null;
  authorEmail: string | null;
  authorWebsite: string | null;
  avatar: string;
  moderator: boolean;
  ipHash: string | null;
  readerHash: string | null;
  clientId: string | null;
  notify: boolean;
  createdAt: string;
  editedAt: string | null;
  importKey: string | null;
  /** The learning filter's features (JSON, migration 0010) of an approved or spam comment, else `null`. */
  spamTokens?: string | null;
  /** Where it came from (export format version 2); absent, an ordinary comment. */
  kind?: CommentKind;
  sourceUrl?: string | null;
  sourceType?: SourceType | null;
}

/**
 * Inserts one comment with its tree: a root takes the thread's roots_total plus its ordinal among this
 * transaction's new roots (`rootOrdinal`; the caller advances roots_total at the end of the same batch),
 * a reply its root's tree_no and pin. reply_count starts at 0 and grows with each listed reply.
 */
export const insertImportedStatement = (
  db: D1Database,
  row: ImportedCommentRow,
  rootOrdinal: number,
): D1PreparedStatement =>
  db
    .prepare(
      `INSERT INTO comments (id, thread_id, parent_id, root_id, status, pinned, likes, body, html, author_name,
         author_email, author_website, avatar, moderator, ip_hash, reader_hash, client_id, notify, created_at,
         edited_at, import_key, tree_no, tree_pinned, spam_tokens, kind, source_url, source_type)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,
         CASE WHEN ?3 IS NULL THEN (SELECT roots_total FROM threads WHERE id = ?2) + ?22
              ELSE (SELECT tree_no FROM comments WHERE id = ?4) END,
         CASE WHEN ?3 IS NULL THEN ?6 ELSE (SELECT tree_pinned FROM comments WHERE id = ?4) END, ?23, ?24, ?25,
         ?26)
       ON CONFLICT DO NOTHING`,
    )
    .bind(
      row.id,
      row.threadId,
      row.parentId,
      row.rootId,
      row.status,
      row.pinned ? 1 : 0,
      row.likes,
      row.body,
      row.html,
      row.authorName,
      row.authorEmail,
      row.authorWebsite,
      row.avatar,
      row.moderator ? 1 : 0,
      row.ipHash,
      row.readerHash,
      row.clientId,
      row.notify ? 1 : 0,
      row.createdAt,
      row.editedAt,
      row.importKey,
      rootOrdinal,
      row.spamTokens ?? null,
      row.kind ?? 'comment',
      row.sourceUrl ?? null,
      row.sourceType ?? null,
    );

export const bumpReplyCountStatement = (db: D1Database, id: string): D1PreparedStatement =>
  db.prepare('UPDATE comments SET reply_count = reply_count + 1 WHERE id = ?1').bind(id);

/** Advances a thread's counters by what one batch inserted. */
export const threadCountersStatement = (
  db: D1Database,
  threadId: number,
  added: { roots: number; approved: number },
): D1PreparedStatement =>
  db
    .prepare(
      'UPDATE threads SET roots_total = roots_total + ?2, comment_count = comment_count + ?3 WHERE id = ?1',
    )
    .bind(threadId, added.roots, added.approved);
