/**
 * Isso → the import model. Two inputs: its generic JSON import format (`[{id: URI, title, comments: [{id,
 * author, email, website, remote_addr, created "YYYY-MM-DD HH:MM:SS", text}]}]`; no parent, no mode: all
 * approved roots, ids unique per thread only), read here; and its SQLite database (`comments.db`), read by
 * the CLI with node:sqlite, which maps each row with `issoRowComment`. Isso stores Markdown, kept as is.
 */
import {
  countOf,
  type ImportComment,
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

/** `comments.mode`: 1 accepted, 2 pending, 4 deleted but kept for its replies. */
const MODES: Record<number, ImportStatus> = { 1: 'approved', 2: 'pending', 4: 'deleted' };

/** An Isso thread (`threads` row or generic thread): its URI joined to the site when it is a path. */
export const issoThread = (
  uri: string,
  title: string | null,
  options: ParserOptions,
): ImportThread | string => {
  const url = pageUrl(uri, options.site);
  if (!url) return `page ${uri} has no host: give the site's origin (--site / site=)`;
  // Titles are kept literally ("Test+post"): Isso stores them so, and decoding could change a real "+".
  return { importKey: `isso:${uri}`, url, title: title ?? '', createdAt: null, locked: false };
};

export interface IssoRow {
  id: number | bigint;
  parent: number | bigint | null;
  created: number | null;
  mode: number | bigint | null;
  remote_addr: string | null;
  text: string | null;
  author: string | null;
  email: string | null;
  website: string | null;
  likes: number | bigint | null;
}

/** One row of the `comments` table; `created` is Unix seconds (a float). */
export const issoRowComment = (thread: ImportThread, uri: string, row: IssoRow): ImportComment | null => {
  const seconds = Number(row.created);
  if (!Number.isFinite(seconds)) return null;
  const status = MODES[Number(row.mode)] ?? 'pending';
  return {
    thread,
    importKey: `isso:${uri}:${row.id}`,
    parentKey: row.parent === null ? null : `isso:${uri}:${row.parent}`,
    status,
    createdAt: new Date(seconds * 1000).toISOString(),
    body: status === 'deleted' ? '' : (row.text ?? '').trim(),
    author: {
      name: loose(row.author),
      email: loose(row.email)?.toLowerCase() ?? null,
      website: website(loose(row.website)),
    },
    // Isso stores the address already anonymized (the last octet zeroed); still hashed, never stored.
    ip: loose(row.remote_addr),
    likes: countOf(Number(row.likes ?? 0)),
  };
};

const readGeneric = (text: string, sink: ImportSink, options: ParserOptions): void => {
  if (text.startsWith('SQLite format 3')) {
    throw new ImportFileError(
      'file',
      'an Isso SQLite database: import it with the command-line tool (npx causerie import isso comments.db --to …)',
    );
  }
  const data = parseJsonFile(text);
  if (!Array.isArray(data))
    throw new ImportFileError('file', "not Isso's generic JSON (an array of threads)");
  data.forEach((value, t) => {
    const entry = (typeof value === 'object' && value !== null ? value : {}) as Json;
    const uri = loose(entry.id);
    if (!uri || !Array.isArray(entry.comments)) {
      sink.error({ position: `[${t}]`, message: 'a thread needs an id (its URI) and a comments array' });
      return;
    }
    const thread = issoThread(uri, loose(entry.title), options);
    if (typeof thread === 'string') {
      sink.error({ position: `[${t}]`, message: thread });
      return;
    }
    entry.comments.forEach((item, i) => {
      const c = (typeof item === 'object' && item !== null ? item : {}) as Json;
      const id = loose(c.id);
      // "YYYY-MM-DD HH:MM:SS" without a zone (Isso reads it as the importing server's local time): UTC here.
      const createdAt = isoDate(loose(c.created));
      if (id === null || !createdAt) {
        sink.error({ position: `[${t}].comments[${i}]`, message: 'missing id or created' });
        return;
      }
      sink.comment({
        thread,
        importKey: `isso:${uri}:${id}`,
        parentKey: null,
        status: 'approved',
        createdAt,
        body: typeof c.text === 'string' ? c.text.trim() : '',
        author: {
          name: loose(c.author),
          email: loose(c.email)?.toLowerCase() ?? null,
          website: website(loose(c.website)),
        },
        ip: loose(c.remote_addr),
      });
    });
  });
};

export const createIssoParser = (sink: ImportSink, options: ParserOptions = {}): ImportParser =>
  wholeFileParser((text) => readGeneric(text, sink, options));
