/**
 * Writes a Causerie-format file into D1, keeping every invariant of the comment tree: root_id, tree_no
 * and tree_pinned from the root, reply_count = listed direct replies (a deleted placeholder becomes listed
 * with its first listed reply, and then counts for its own parent), comment_count = approved comments,
 * roots_total advanced. Idempotent: comments already present (by id or import key) are left alone.
 * Writes go in db.batch transactions of at most CHUNK comments, each with the counters it moves.
 * A little past 200 lines: the four steps share the plan (nodes, bumps) and read best in one place.
 */
import { importedCommentsStatement } from '../../db/daily-stats.ts';
import {
  bumpReplyCountStatement,
  createThreadStatement,
  fillTitleStatement,
  findPresent,
  findThreadsByKey,
  findTreeNodes,
  type ImportedCommentRow,
  insertImportedStatement,
  type TreeNodeRow,
  threadCountersStatement,
} from '../../db/import.ts';
import { recountByIdStatement } from '../../db/mention-comments.ts';
import type { Settings } from '../../env.ts';
import { keyedHash } from '../../lib/crypto.ts';
import { normalizeUrl } from '../../lib/normalize-url.ts';
import { commentFeatures } from '../../lib/spam/features.ts';
import type { ExportComment, ExportFile } from '../../lib/transfer/causerie-format.ts';
import { checkImport } from '../../lib/transfer/import-checks.ts';
import type { ImportError } from '../../lib/transfer/model.ts';
import type { ImportWarning } from '../../types/api.ts';
import { renderImportedHtml } from '../posting/comment-html.ts';
import { classOf, learnImportedStatements } from '../spam/learning.ts';

const CHUNK = 40;

export interface ImportResult {
  /** Threads created, comments inserted. */
  threads: number;
  comments: number;
  /** Comments left out on purpose (pingbacks, orphans of deleted threads…) or unusable. */
  skipped: number;
  /** Comments already present: a re-import counts them here and creates nothing. */
  duplicates: number;
  errors: ImportError[];
  /** Keys of the threads written to (for cache invalidation). */
  touched: string[];
  /** Fields dropped, cut or kept on the owner's word by the API's rules (lib/import-checks.ts). */
  warnings: ImportWarning[];
}

interface Unit {
  row: ImportedCommentRow;
  bumps: string[];
}

/**
 * Parents before replies, whatever the order in the file; a reply to itself or in a cycle becomes a root.
 * A loop, not recursion: a chain as deep as the file allows (tens of thousands) must not overflow the stack.
 */
export const parentFirst = (comments: ExportComment[]): ExportComment[] => {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const out: ExportComment[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of comments) {
    // Up the ancestors not placed yet, then place them from the top down.
    const path: ExportComment[] = [];
    let c: ExportComment | undefined = start;
    while (c && !state.has(c.id)) {
      state.set(c.id, 'visiting');
      path.push(c);
      const parent: ExportComment | undefined = c.parentId ? byId.get(c.parentId) : undefined;
      if (parent && state.get(parent.id) === 'visiting') c.parentId = null;
      c = parent;
    }
    for (const placed of path.reverse()) {
      state.set(placed.id, 'done');
      out.push(placed);
    }
  }
  return out;
};

const toRow = async (
  c: ExportComment,
  settings: Settings,
): Promise<Omit<ImportedCommentRow, 'threadId' | 'parentId' | 'rootId'>> => {
  const deleted = c.status === 'deleted';
  const name = deleted ? null : c.author.name?.trim() || null;
  const email = deleted ? null : c.author.email?.trim().toLowerCase() || null;
  const ipHash = deleted
    ? null
    : (c.ipHash ?? (c.ip ? await keyedHash(settings.secretKey, 'ip', c.ip) : null));
  const html = deleted ? '' : renderImportedHtml(c.body);
  const authorWebsite = deleted ? null : c.author.website?.trim() || null;
  // The importer's approved and spam flags are the old system's moderation decisions: the filter learns them.
  const learns = settings.spam.filter && classOf(c.status) !== null;
  return {
    id: c.id,
    status: c.status,
    pinned: c.pinned,
    likes: c.likes,
    body: deleted ? '' : c.body,
    html,
    authorName: name,
    authorEmail: email,
    authorWebsite,
    avatar:
      c.author.avatar ?? (await keyedHash(settings.secretKey, 'avatar', email ?? name ?? ipHash ?? c.id, 16)),
    moderator: c.author.moderator,
    ipHash,
    readerHash: deleted ? null : c.readerHash,
    clientId: deleted ? null : c.clientId,
    notify: !deleted && c.notify,
    createdAt: c.createdAt,
    editedAt: c.editedAt,
    importKey: c.importKey,
    spamTokens: learns ? JSON.stringify(commentFeatures({ html, authorName: name, authorWebsite })) : null,
    // Export format version 2 (issue 18): an open-web comment keeps its kind only with its source.
    ...(c.kind !== 'comment' && c.source
      ? { kind: c.kind, sourceUrl: c.source.url, sourceType: c.source.type }
      : {}),
  };
};

/** A like or a repost is a face, not a comment: it is not in comment_count (migration 0018). */
const isFace = (row: ImportedCommentRow): boolean => row.sourceType === 'like' || row.sourceType === 'repost';

export const importFile = async (
  db: D1Database,
  settings: Settings,
  input: ExportFile,
): Promise<ImportResult> => {
  // The reader API's rules first, whatever the importer: what the file may not store never reaches D1.
  const { file, warnings, errors, skipped } = checkImport(input, settings);
  const result: ImportResult = {
    threads: 0,
    comments: 0,
    skipped,
    duplicates: 0,
    errors,
    touched: [],
    warnings,
  };

  // 1. Threads: keyed as given (a Causerie export), else by the normalized page URL.
  const targets = file.threads.flatMap((t, index) => {
    const url = t.key ? t.url : normalizeUrl(t.url, settings.significantQueryParams);
    if (!url) {
      result.errors.push({ position: `threads[${index}]`, message: `not an absolute http(s) URL: ${t.url}` });
      result.skipped += t.comments.length;
      return [];
    }
    return [{ source: t, key: t.key ?? url, url }];
  });
  const known = await findThreadsByKey(
    db,
    targets.map((t) => t.key),
  );
  const retitled = new Set<string>();
  const threadWrites = targets.flatMap(({ source, key, url }) => {
    const row = known.get(key);
    if (row && row.title === '' && source.title) retitled.add(key);
    if (row) return retitled.has(key) ? [fillTitleStatement(db, row.id, source.title)] : [];
    const first = source.comments.map((c) => c.createdAt).sort()[0];
    const createdAt = source.createdAt ?? first ?? new Date().toISOString();
    return [createThreadStatement(db, { ...source, key, url, createdAt })];
  });
  if (threadWrites.length) await db.batch(threadWrites);
  const threads = await findThreadsByKey(
    db,
    targets.map((t) => t.key),
  );
  result.threads = threads.size - known.size;

  // 2. What is already there, and the parents in the database that new replies attach to.
  const all = targets.flatMap((t) => t.source.comments);
  const present = await findPresent(
    db,
    all.map((c) => c.id),
    all.flatMap((c) => (c.importKey ? [c.importKey] : [])),
  );
  const nodes = new Map<string, TreeNodeRow>();
  const fileIds = new Set(all.map((c) => c.id));
  const outside = all.flatMap((c) =>
    c.parentId && (!fileIds.has(c.parentId) || present.ids.has(c.parentId)) ? [c.parentId] : [],
  );
  for (const row of await findTreeNodes(db, outside)) nodes.set(row.id, row);
  const node = async (id: string): Promise<TreeNodeRow | undefined> => {
    if (!nodes.has(id)) for (const row of await findTreeNodes(db, [id])) nodes.set(row.id, row);
    return nodes.get(id);
  };
  // A listed reply lists a deleted placeholder, which then counts as a listed reply of its own parent.
  const bump = async (id: string, out: string[]): Promise<void> => {
    const parent = await node(id);
    if (!parent) return;
    parent.reply_count += 1;
    out.push(id);
    if (parent.status === 'deleted' && parent.reply_count === 1 && parent.parent_id)
      await bump(parent.parent_id, out);
  };

  // 3. Plan each new comment: its parent (or none, when missing or in another thread), root and counters.
  const units: Unit[] = [];
  for (const { source, key } of targets) {
    const thread = threads.get(key);
    if (!thread) continue;
    const fresh = source.comments.filter(
      (c) => !present.ids.has(c.id) && !(c.importKey && present.importKeys.has(c.importKey)),
    );
    result.duplicates += source.comments.length - fresh.length;
    // A filled title changes the cached pages too (issue 11, item 10).
    if (fresh.length || !known.has(key) || retitled.has(key)) result.touched.push(key);
    for (const c of parentFirst(fresh)) {
      const parent = c.parentId ? nodes.get(c.parentId) : undefined;
      const parentId = parent && parent.thread_id === thread.id ? parent.id : null;
      const rootId = parentId && parent ? parent.root_id : c.id;
      const row: ImportedCommentRow = {
        ...(await toRow(c, settings)),
        threadId: thread.id,
        parentId,
        rootId,
      };
      nodes.set(c.id, {
        id: c.id,
        thread_id: thread.id,
        parent_id: parentId,
        root_id: rootId,
        status: c.status,
        reply_count: 0,
      });
      const bumps: string[] = [];
      if (parentId && c.status === 'approved') await bump(parentId, bumps);
      units.push({ row, bumps });
    }
  }

  // 4. Write in transactions: each chunk's inserts with the counters they move.
  for (let i = 0; i < units.length; i += CHUNK) {
    const statements: D1PreparedStatement[] = [];
    const added = new Map<number, { roots: number; approved: number }>();
    for (const { row, bumps } of units.slice(i, i + CHUNK)) {
      const counters = added.get(row.threadId) ?? { roots: 0, approved: 0 };
      added.set(row.threadId, counters);
      if (!row.parentId) counters.roots += 1;
      if (row.status === 'approved' && !isFace(row)) counters.approved += 1;
      statements.push(insertImportedStatement(db, row, row.parentId ? 0 : counters.roots));
      for (const id of bumps) statements.push(bumpReplyCountStatement(db, id));
    }
    for (const [threadId, counters] of added)
      statements.push(threadCountersStatement(db, threadId, counters));
    // A source already in the thread under another id is not inserted (unique per thread, migration
    // 0016): the count of a thread that got open-web comments is taken again from its rows.
    const sourced = new Set(
      units.slice(i, i + CHUNK).flatMap(({ row }) => (row.sourceUrl ? [row.threadId] : [])),
    );
    for (const threadId of sourced) statements.push(recountByIdStatement(db, threadId));
    // What this chunk teaches the filter, in the same transaction (a fixed few statements per class).
    const byClass = { ham: [] as string[], spam: [] as string[] };
    for (const { row } of units.slice(i, i + CHUNK)) {
      const taught = row.spamTokens ? classOf(row.status) : null;
      if (taught) byClass[taught].push(row.id);
    }
    statements.push(...learnImportedStatements(db, settings.spam, byClass));
    // The dashboard's counters: one row per (day, thread) of the chunk, not one per comment.
    const chunkIds = units.slice(i, i + CHUNK).map(({ row }) => row.id);
    statements.push(importedCommentsStatement(db, chunkIds));
    await db.batch(statements);
    result.comments += Math.min(CHUNK, units.length - i);
  }
  return result;
};
