/**
 * Streams the Causerie export (format "causerie-export", version 2: lib/transfer/causerie-format.ts) page by page from D1: one thread per
 * line, one comment per line inside it, so memory stays flat whatever the size of the site.
 */
import {
  type ExportCommentRow,
  type ExportThreadRow,
  listCommentsAfter,
  listThreadsAfter,
} from '../../db/export.ts';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportComment,
  type ExportThread,
} from '../../lib/transfer/causerie-format.ts';

const THREAD_PAGE = 100;
const COMMENT_PAGE = 500;

const toExportThread = (row: ExportThreadRow): Omit<ExportThread, 'comments'> => ({
  key: row.key,
  url: row.url,
  title: row.title,
  locked: row.locked === 1,
  likes: row.likes,
  createdAt: row.created_at,
  importKey: row.import_key,
});

const toExportComment = (row: ExportCommentRow): ExportComment => ({
  id: row.id,
  parentId: row.parent_id,
  importKey: row.import_key,
  status: row.status,
  pinned: row.pinned === 1,
  likes: row.likes,
  body: row.body,
  author: {
    name: row.author_name,
    email: row.author_email,
    website: row.author_website,
    avatar: row.avatar,
    moderator: row.moderator === 1,
  },
  ipHash: row.ip_hash,
  readerHash: row.reader_hash,
  clientId: row.client_id,
  notify: row.notify === 1,
  createdAt: row.created_at,
  editedAt: row.edited_at,
  kind: row.kind,
  source:
    row.kind !== 'comment' && row.source_url
      ? { url: row.source_url, type: row.source_type ?? 'reply' }
      : null,
});

/**
 * @example return c.body(exportStream(c.env.DB, new Date()), 200, { 'Content-Type': 'application/json' })
 */
export const exportStream = (db: D1Database, now: Date): ReadableStream<Uint8Array> => {
  const encoder = new TextEncoder();
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const write = (text: string) => writer.write(encoder.encode(text));

  const run = async () => {
    const header = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString() };
    await write(`${JSON.stringify(header).slice(0, -1)},"threads":[`);
    let afterThread = 0;
    let firstThread = true;
    for (;;) {
      const threads = await listThreadsAfter(db, afterThread, THREAD_PAGE);
      for (const row of threads) {
        const head = JSON.stringify({ ...toExportThread(row), comments: [] }).slice(0, -2);
        await write(`${firstThread ? '' : ','}\n${head}`);
        firstThread = false;
        let afterSeq = 0;
        let firstComment = true;
        for (;;) {
          const comments = await listCommentsAfter(db, row.id, afterSeq, COMMENT_PAGE);
          for (const comment of comments) {
            await write(`${firstComment ? '' : ','}\n${JSON.stringify(toExportComment(comment))}`);
            firstComment = false;
          }
          if (comments.length < COMMENT_PAGE) break;
          afterSeq = comments[comments.length - 1]?.seq ?? afterSeq;
        }
        await write(']}');
      }
      if (threads.length < THREAD_PAGE) break;
      afterThread = threads[threads.length - 1]?.id ?? afterThread;
    }
    await write('\n]}\n');
    await writer.close();
  };
  // A failure mid-stream cannot become a problem+json any more: abort, so the client sees a broken
  // download rather than a truncated file that looks complete.
  run().catch(async (err) => {
    console.error('export failed:', err);
    await writer.abort(err).catch(() => {});
  });
  return readable;
};
