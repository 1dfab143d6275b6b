/**
 * Comentario's export (its gzip undone before: the route, the CLI) → the import model. Version 3, what
 * Comentario writes today: `{pages: [{id, path, title, isReadonly}], comments: [{id, pageId, parentId?,
 * markdown, html, isApproved, isPending, isDeleted, isSticky, score, createdTime, userCreated}], commenters:
 * [{id, email, name, websiteUrl?}]}`, pages by path only (the owner gives the site's origin). Version 1 is
 * Commento's shape (with `host` + `path`), read by the Commento importer. Anything else is refused whole.
 */
import { htmlToMarkdown } from '../html-to-markdown.ts';
import { readCommentoExport } from './commento.ts';
import {
  flagOf,
  ImportFileError,
  type ImportParser,
  type ImportSink,
  type ImportStatus,
  type ImportThread,
  isoDate,
  loose,
  type ParserOptions,
  pageUrl,
  parseJsonFile,
  website,
  wholeFileParser,
} from './model.ts';

type Json = Record<string, unknown>;

const list = (data: Json, key: string): Json[] => {
  const value = data[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ImportFileError(key, `must be an array in a Comentario export`);
  return value.filter((v): v is Json => typeof v === 'object' && v !== null);
};

const statusOf = (c: Json): ImportStatus => {
  if (flagOf(c.isDeleted)) return 'deleted';
  if (flagOf(c.isPending)) return 'pending';
  // Neither approved nor pending: rejected by a moderator, kept hidden like spam.
  return flagOf(c.isApproved) ? 'approved' : 'spam';
};

const readV3 = (data: Json, sink: ImportSink, options: ParserOptions): void => {
  const pages = new Map<string, ImportThread | string>();
  for (const page of list(data, 'pages')) {
    const id = loose(page.id);
    const path = loose(page.path);
    if (!id) continue;
    const url = path ? pageUrl(path, options.site) : null;
    pages.set(
      id,
      url
        ? {
            importKey: `comentario:${id}`,
            url,
            title: loose(page.title) ?? '',
            createdAt: isoDate(loose(page.createdTime)),
            locked: flagOf(page.isReadonly),
          }
        : `page ${path ?? id} has no host: give the site's origin (site=)`,
    );
  }
  const commenters = new Map(list(data, 'commenters').map((u) => [loose(u.id) ?? '', u]));
  list(data, 'comments').forEach((c, index) => {
    const id = loose(c.id);
    const pageId = loose(c.pageId);
    const page = pageId ? pages.get(pageId) : undefined;
    const createdAt = isoDate(loose(c.createdTime));
    if (!id || !pageId || !createdAt) {
      sink.error({ position: `comments[${index}]`, message: 'missing id, pageId or createdTime' });
      return;
    }
    if (typeof page !== 'object') {
      sink.error({
        position: `comments[${index}]`,
        message: page ?? `comment ${id}: page ${pageId} is not in the file`,
      });
      return;
    }
    const status = statusOf(c);
    const who = commenters.get(loose(c.userCreated) ?? '');
    const parent = loose(c.parentId);
    const markdown = typeof c.markdown === 'string' ? c.markdown.trim() : '';
    sink.comment({
      thread: page,
      importKey: `comentario:${pageId}:${id}`,
      parentKey: parent ? `comentario:${pageId}:${parent}` : null,
      status,
      createdAt,
      // The Markdown is the source Comentario renders; the HTML only when a file lacks it.
      body: status === 'deleted' ? '' : markdown || htmlToMarkdown(typeof c.html === 'string' ? c.html : ''),
      author: {
        name: loose(who?.name) ?? loose(c.authorName),
        email: loose(who?.email)?.toLowerCase() ?? null,
        website: website(loose(who?.websiteUrl)),
      },
      ip: null,
      likes: typeof c.score === 'number' && c.score > 0 ? Math.floor(c.score) : 0,
      pinned: flagOf(c.isSticky),
    });
  });
};

const readFile = (text: string, sink: ImportSink, options: ParserOptions): void => {
  const data = parseJsonFile(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ImportFileError('file', 'not a Comentario export (a JSON object with a version)');
  }
  const json = data as Json;
  if (json.version === 3) {
    readV3(json, sink, options);
    return;
  }
  if (json.version === 1) {
    const comments = list(json, 'comments');
    readCommentoExport({ ...json, comments, commenters: list(json, 'commenters') }, sink);
    return;
  }
  throw new ImportFileError(
    'version',
    `unsupported Comentario export version ${JSON.stringify(json.version ?? null)} (1 and 3 are known)`,
  );
};

export const createComentarioParser = (sink: ImportSink, options: ParserOptions = {}): ImportParser =>
  wholeFileParser((text) => readFile(text, sink, options));
