/**
 * Disqus export XML (disqus > category*, thread*, post*) → the import model. Threads come first in real
 * exports; a post is placed by its <thread dsq:id>, and posts of unknown or deleted threads are skipped.
 */
import { htmlToMarkdown } from '../html-to-markdown.ts';
import { field, type ImportParser, type ImportSink, type ImportThread, isoDate } from './model.ts';
import { child, childText, createRecordReader, type XNode } from './xml-records.ts';

/** `dsq:id`, matched by namespace when the file binds it, by qualified name otherwise. */
const dsqId = (node: XNode | undefined): string | null =>
  field(node?.attrs['dsq:id']) ?? (node?.uri.startsWith('http://disqus.com') ? field(node.attrs.id) : null);

const isTrue = (node: XNode, name: string): boolean => field(childText(node, name))?.toLowerCase() === 'true';

interface DisqusThread {
  thread: ImportThread | null;
  deleted: boolean;
}

export const createDisqusParser = (sink: ImportSink): ImportParser => {
  const threads = new Map<string, DisqusThread>();
  let postIndex = 0;

  const readThread = (node: XNode): void => {
    const id = dsqId(node);
    if (!id) return;
    if (node.error) {
      sink.error({ position: node.error.position, message: `thread ${id}: ${node.error.message}` });
      return;
    }
    const link = field(childText(node, 'link'));
    threads.set(id, {
      deleted: isTrue(node, 'isDeleted'),
      thread: link
        ? {
            importKey: `disqus:${id}`,
            url: link,
            title: field(childText(node, 'title')) ?? '',
            createdAt: isoDate(childText(node, 'createdAt')),
            locked: isTrue(node, 'isClosed'),
          }
        : null,
    });
  };

  const readPost = (node: XNode): void => {
    postIndex += 1;
    // Some real posts lack the dsq:id attribute but carry <id>; the position is the last resort.
    const id = dsqId(node) ?? field(childText(node, 'id')) ?? `#${postIndex}`;
    if (node.error) {
      sink.error({
        position: `${node.error.position} (post ${postIndex})`,
        message: `post ${id} skipped: ${node.error.message}`,
      });
      return;
    }
    const threadId = dsqId(child(node, 'thread'));
    const thread = threadId ? threads.get(threadId) : undefined;
    if (!threadId || !thread?.thread || thread.deleted) {
      sink.skip();
      return;
    }
    const createdAt = isoDate(childText(node, 'createdAt'));
    if (!createdAt) {
      sink.error({
        position: `line ${node.line} (post ${postIndex})`,
        message: `post ${id} skipped: invalid createdAt`,
      });
      return;
    }
    const parentId = dsqId(child(node, 'parent'));
    const author = child(node, 'author');
    const deleted = isTrue(node, 'isDeleted');
    sink.comment({
      thread: thread.thread,
      importKey: `disqus:${threadId}:${id}`,
      parentKey: parentId ? `disqus:${threadId}:${parentId}` : null,
      status: deleted ? 'deleted' : isTrue(node, 'isSpam') ? 'spam' : 'approved',
      createdAt,
      body: deleted ? '' : htmlToMarkdown(childText(node, 'message') ?? ''),
      author: {
        name: field(childText(author, 'name')) ?? field(childText(author, 'username')),
        email: field(childText(author, 'email'))?.toLowerCase() ?? null,
        website: null,
      },
      ip: field(childText(node, 'ipAddress')),
    });
  };

  return createRecordReader({
    isRecord: (path) => path.length === 2 && (path[1] === 'thread' || path[1] === 'post'),
    onRecord: (node) => (node.name === 'thread' ? readThread(node) : readPost(node)),
    onError: (position, message) => sink.error({ position, message }),
  });
};
