/**
 * WordPress WXR 1.0, 1.1 and 1.2 (rss > channel > item > wp:comment) → the import model. Each item is a
 * page (keyed by its link: post ids repeat across items in real files), each wp:comment a comment whose id
 * is unique only within its item.
 */
import { htmlToMarkdown } from '../html-to-markdown.ts';
import {
  field,
  type ImportParser,
  type ImportSink,
  type ImportStatus,
  type ImportThread,
  isoDate,
  website,
} from './model.ts';
import { children, childText, createRecordReader, type XNode } from './xml-records.ts';

// http://wordpress.org/export/1.0/, …/1.1/, …/1.2/: one prefix covers every version.
const WP = 'http://wordpress.org/export/';

/** wp:comment_approved → our status; `null` for anything we do not keep. */
const STATUSES: Record<string, ImportStatus> = {
  '1': 'approved',
  approve: 'approved',
  '0': 'pending',
  hold: 'pending',
  spam: 'spam',
  trash: 'deleted',
  'post-trashed': 'deleted',
};

const wp = (node: XNode, name: string): string | null => childText(node, name, WP);

const readComment = (comment: XNode, sink: ImportSink, thread: ThreadRef): void => {
  const id = field(wp(comment, 'comment_id'));
  const type = field(wp(comment, 'comment_type'));
  if (comment.error) {
    sink.error({
      position: comment.error.position,
      message: `comment ${id ?? '?'}: ${comment.error.message}`,
    });
    return;
  }
  // Pingbacks and trackbacks are notices from other sites, not comments (WordPress lists them apart).
  if (type === 'pingback' || type === 'trackback') {
    sink.skip();
    return;
  }
  if (!id) {
    sink.error({ position: `line ${comment.line}`, message: 'a wp:comment without wp:comment_id' });
    return;
  }
  const status = STATUSES[field(wp(comment, 'comment_approved')) ?? '1'] ?? 'pending';
  const createdAt =
    isoDate(wp(comment, 'comment_date_gmt')) ??
    isoDate(wp(comment, 'comment_date')) ??
    thread.createdAt ??
    new Date(0).toISOString();
  const parent = field(wp(comment, 'comment_parent'));
  sink.comment({
    thread: thread.thread,
    importKey: `${thread.thread.importKey}:${id}`,
    parentKey: parent && parent !== '0' ? `${thread.thread.importKey}:${parent}` : null,
    status,
    createdAt,
    // WordPress stores comments as text with a little HTML and shows newlines as breaks (wpautop).
    body: htmlToMarkdown(wp(comment, 'comment_content') ?? '', { newlines: 'break' }),
    author: {
      name: field(wp(comment, 'comment_author')),
      email: field(wp(comment, 'comment_author_email'))?.toLowerCase() ?? null,
      website: website(wp(comment, 'comment_author_url')),
    },
    ip: field(wp(comment, 'comment_author_IP')),
  });
};

interface ThreadRef {
  thread: ImportThread;
  createdAt: string | null;
}

const readItem = (item: XNode, sink: ImportSink): void => {
  const comments = children(item, 'comment', WP);
  if (comments.length === 0) return;
  if (item.error && !comments.some((c) => c.error)) {
    sink.error({ position: item.error.position, message: `item skipped: ${item.error.message}` });
    for (const _ of comments) sink.skip();
    return;
  }
  const link = field(childText(item, 'link')) ?? field(childText(item, 'guid'));
  if (!link) {
    sink.error({ position: `line ${item.line}`, message: 'an item with comments but no link: skipped' });
    for (const _ of comments) sink.skip();
    return;
  }
  const createdAt = isoDate(wp(item, 'post_date_gmt')) ?? isoDate(wp(item, 'post_date'));
  const thread: ImportThread = {
    importKey: `wxr:${link}`,
    url: link,
    title: field(childText(item, 'title')) ?? '',
    createdAt,
    locked: field(wp(item, 'comment_status')) === 'closed',
  };
  for (const comment of comments) readComment(comment, sink, { thread, createdAt });
};

/**
 * @example const parser = createWxrParser(sink); parser.write(text); parser.close();
 */
export const createWxrParser = (sink: ImportSink): ImportParser =>
  createRecordReader({
    isRecord: (path) => path.length === 3 && path[1] === 'channel' && path[2] === 'item',
    onRecord: (item) => readItem(item, sink),
    onError: (position, message) => sink.error({ position, message }),
  });
