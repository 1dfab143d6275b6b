/**
 * Remark42's native backup (`remark42 backup`) → the import model: a meta value (`{version, users, posts}`),
 * then one `store.Comment` per JSON value (`{id, pid, text (HTML), user, locator {site, url}, score, time,
 * delete?, pin?}`). Streamed value by value; gzip is undone before (the route, the CLI).
 */
import { htmlToMarkdown } from '../html-to-markdown.ts';
import { createJsonValueSplitter } from './json-values.ts';
import {
  field,
  flagOf,
  ImportFileError,
  type ImportParser,
  type ImportSink,
  type ImportThread,
  isoDate,
  loose,
  type ParserOptions,
  pageUrl,
} from './model.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const createRemark42Parser = (sink: ImportSink, options: ParserOptions = {}): ImportParser => {
  const readOnly = new Set<string>();
  const threads = new Map<string, ImportThread>();

  const threadOf = (site: string, url: string): ImportThread => {
    const key = `remark42:${site}:${url}`;
    let thread = threads.get(key);
    if (!thread) {
      thread = { importKey: key, url, title: '', createdAt: null, locked: readOnly.has(url) };
      threads.set(key, thread);
    }
    return thread;
  };

  const readMeta = (meta: Json): void => {
    if (meta.version !== 1) {
      throw new ImportFileError(
        'version',
        `unsupported Remark42 backup version ${JSON.stringify(meta.version)} (1 is known)`,
      );
    }
    for (const post of Array.isArray(meta.posts) ? meta.posts : []) {
      const url = isObject(post) ? loose(post.url) : null;
      if (url && post.read_only === true) readOnly.add(url);
    }
  };

  const readComment = (c: Json, index: number): void => {
    const locator = isObject(c.locator) ? c.locator : {};
    const id = loose(c.id);
    const site = loose(locator.site) ?? '';
    const key = loose(locator.url);
    const createdAt = isoDate(loose(c.time));
    if (!id || !key || !createdAt) {
      sink.error({ position: `value ${index}`, message: 'missing id, locator.url or time' });
      return;
    }
    const url = pageUrl(key, options.site);
    if (!url) {
      sink.error({
        position: `value ${index}`,
        message: `page ${key} has no host: give the site's origin (site=)`,
      });
      return;
    }
    const user = isObject(c.user) ? c.user : {};
    const pid = loose(c.pid);
    const deleted = flagOf(c.delete);
    sink.comment({
      thread: threadOf(site, url),
      importKey: `remark42:${site}:${id}`,
      parentKey: pid ? `remark42:${site}:${pid}` : null,
      status: deleted ? 'deleted' : 'approved',
      createdAt,
      body: deleted ? '' : htmlToMarkdown(typeof c.text === 'string' ? c.text : ''),
      // Remark42 keeps no e-mail with a comment, and `user.ip` is already its own keyed hash, not an IP.
      author: { name: field(loose(user.name)), email: null, website: null },
      ip: null,
      likes: typeof c.score === 'number' && c.score > 0 ? Math.floor(c.score) : 0,
      pinned: flagOf(c.pin),
    });
  };

  const splitter = createJsonValueSplitter((text, index) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new ImportFileError('file', `JSON value ${index} is not valid JSON: ${(err as Error).message}`);
    }
    if (!isObject(value)) {
      sink.error({ position: `value ${index}`, message: 'not a JSON object' });
      return;
    }
    // The meta value comes first; a backup written without one starts with a comment (it has a locator).
    if (index === 1 && !('locator' in value)) readMeta(value);
    else readComment(value, index);
  });
  return splitter;
};
