/** The owner's view of comments: the moderation queue with filters, counts per status, and body edits. */
import type { EditableRow } from './edits.ts';
import { PUBLIC_COMMENT_COLUMNS, type PublicCommentRow } from './rows.ts';

/** Everything the owner may see of a comment: its personal data and its page. */
export interface AdminCommentRow extends PublicCommentRow {
  body: string;
  author_email: string | null;
  ip_hash: string | null;
  reader_hash: string | null;
  notify: number;
  reply_count: number;
  thread_id: number;
  thread_key: string;
  thread_url: string;
  thread_title: string;
  /** The signed-in author's account (issue 13), `null` for a guest. */
  user_id: string | null;
  spam_score: number | null;
  spam_reasons: string | null;
}

const ADMIN_COLUMNS = `${PUBLIC_COMMENT_COLUMNS}, c.body, c.author_email, c.ip_hash, c.reader_hash, c.notify,
  c.user_id, c.reply_count, c.thread_id, t.key AS thread_key, t.url AS thread_url, t.title AS thread_title,
  c.spam_score, c.spam_reasons`;

export interface QueueFilter {
  /** `null`: every status. */
  status: EditableRow['status'] | null;
  /** Thread keys the page may go by (its normalized URL, or the explicit id as given); `null`: all. */
  threadKeys: [string, string] | null;
  /** Searched in the body, the author's name and e-mail (LIKE, case-insensitive for ASCII). */
  q: string | null;
  /** The `seq` the previous page ended at. */
  before: number | null;
  limit: number;
}

const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * Newest first, `limit` rows. Each filter adds its condition (and its numbered parameter) only when set,
 * so the status and thread indexes of migration 0004 stay usable.
 */
export const listQueue = async (db: D1Database, filter: QueueFilter): Promise<AdminCommentRow[]> => {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `?${params.length}`;
  };
  if (filter.status !== null) where.push(`c.status = ${param(filter.status)}`);
  if (filter.before !== null) where.push(`c.seq < ${param(filter.before)}`);
  if (filter.threadKeys !== null) {
    const [a, b] = filter.threadKeys;
    where.push(`c.thread_id IN (SELECT id FROM threads WHERE key IN (${param(a)}, ${param(b)}))`);
  }
  if (filter.q !== null) {
    const p = param(likePattern(filter.q));
    where.push(`(c.body LIKE ${p} ESCAPE '\\' OR c.author_name LIKE ${p} ESCAPE '\\'
      OR c.author_email LIKE ${p} ESCAPE '\\')`);
  }
  const sql = `SELECT ${ADMIN_COLUMNS} FROM comments c JOIN threads t ON t.id = c.thread_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.seq DESC LIMIT ${param(filter.limit)}`;
  const { results } = await db
    .prepare(sql)
    .bind(...params)
    .all<AdminCommentRow>();
  return results;
};

export const findAdminComment = (db: D1Database, id: string): Promise<AdminCommentRow | null> =>
  db
    .prepare(`SELECT ${ADMIN_COLUMNS} FROM comments c JOIN threads t ON t.id = c.thread_id WHERE c.id = ?1`)
    .bind(id)
    .first<AdminCommentRow>();

/** How many comments have each status (the admin page's badges). */
export const countByStatus = async (db: D1Database): Promise<Record<EditableRow['status'], number>> => {
  const counts = { pending: 0, approved: 0, spam: 0, deleted: 0 };
  const { results } = await db
    .prepare('SELECT status, count(*) AS n FROM comments GROUP BY status')
    .all<{ status: EditableRow['status']; n: number }>();
  for (const row of results) counts[row.status] = row.n;
  return counts;
};

/** The owner rewrites a comment (a slur, a broken link): new Markdown and HTML, marked as edited. */
export const bodyUpdate = (
  db: D1Database,
  id: string,
  edit: { body: string; html: string; editedAt: string },
): D1PreparedStatement =>
  db
    .prepare('UPDATE comments SET body = ?2, html = ?3, edited_at = ?4 WHERE id = ?1')
    .bind(id, edit.body, edit.html, edit.editedAt);
