/**
 * Commento's JSON export (`{ version: 1, comments, commenters }`) → the import model. Commento stores
 * Markdown already, and pages as `domain` + path; the file is read whole (Commento exports are small).
 */
import {
  field,
  type ImportParser,
  type ImportSink,
  type ImportStatus,
  type ImportThread,
  isoDate,
  website,
  wholeFileParser,
} from './model.ts';

interface CommentoComment {
  commentHex?: unknown;
  domain?: unknown;
  url?: unknown;
  /** Comentario's v1 export names the page `host` + `path` where Commento wrote `domain` + `url`. */
  host?: unknown;
  path?: unknown;
  commenterHex?: unknown;
  markdown?: unknown;
  parentHex?: unknown;
  state?: unknown;
  creationDate?: unknown;
  deleted?: unknown;
}

interface CommentoCommenter {
  commenterHex?: unknown;
  email?: unknown;
  name?: unknown;
  link?: unknown;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? field(value) : null);

const STATES: Record<string, ImportStatus> = { approved: 'approved', unapproved: 'pending', flagged: 'spam' };

const pageUrl = (domain: string, path: string): string =>
  /^https?:\/\//i.test(path) ? path : `https://${domain}${path.startsWith('/') ? '' : '/'}${path}`;

export interface CommentoExport {
  version?: unknown;
  comments?: unknown;
  commenters?: unknown;
}

const readFile = (text: string, sink: ImportSink): void => {
  let data: CommentoExport;
  try {
    data = JSON.parse(text);
  } catch (err) {
    sink.error({ position: 'file', message: `not JSON: ${(err as Error).message}` });
    return;
  }
  if (data.version !== 1 || !Array.isArray(data.comments)) {
    sink.error({ position: 'file', message: 'not a Commento export (version 1 with a comments array)' });
    return;
  }
  readCommentoExport(data, sink);
};

/** A parsed version 1 export (Commento's, or Comentario's v1 shape), its `comments` an array. */
export const readCommentoExport = (data: CommentoExport, sink: ImportSink): void => {
  const commenters = new Map<string, CommentoCommenter>();
  for (const c of Array.isArray(data.commenters) ? (data.commenters as CommentoCommenter[]) : []) {
    const hex = str(c?.commenterHex);
    if (hex) commenters.set(hex, c);
  }
  const threads = new Map<string, ImportThread>();
  (data.comments as CommentoComment[]).forEach((c, index) => {
    const hex = str(c?.commentHex);
    const domain = str(c?.domain) ?? str(c?.host);
    const path = str(c?.url) ?? str(c?.path);
    const createdAt = isoDate(str(c?.creationDate));
    if (!hex || !domain || !path || !createdAt) {
      sink.error({
        position: `comments[${index}]`,
        message: 'missing commentHex, domain (host), url (path) or creationDate',
      });
      return;
    }
    const url = pageUrl(domain, path);
    let thread = threads.get(url);
    if (!thread) {
      thread = { importKey: `commento:${url}`, url, title: '', createdAt: null, locked: false };
      threads.set(url, thread);
    }
    // "anonymous" has no commenter entry; every field may also be the literal string "undefined".
    const who = commenters.get(str(c.commenterHex) ?? '');
    const parent = str(c.parentHex);
    sink.comment({
      thread,
      importKey: `commento:${domain}:${hex}`,
      parentKey: parent && parent !== 'root' ? `commento:${domain}:${parent}` : null,
      status: c.deleted === true ? 'deleted' : (STATES[str(c.state) ?? 'approved'] ?? 'pending'),
      createdAt,
      body: c.deleted === true ? '' : typeof c.markdown === 'string' ? c.markdown.trim() : '',
      author: {
        name: str(who?.name),
        email: str(who?.email)?.toLowerCase() ?? null,
        website: website(str(who?.link)),
      },
      ip: null,
    });
  });
};

export const createCommentoParser = (sink: ImportSink): ImportParser =>
  wholeFileParser((text) => readFile(text, sink));
