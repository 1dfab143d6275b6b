/**
 * The normalized import model every parser produces (WXR, Disqus, Commento), before ids and hashes: one
 * shape for the worker's own import and for the command-line tool, which share the parsers.
 */

export { IMPORT_FORMATS, type ImportFormat } from '../../types/api.ts';

/** `deleted`: trashed or deleted at the source; kept only as a placeholder for live replies. */
export type ImportStatus = 'approved' | 'pending' | 'spam' | 'deleted';

export interface ImportThread {
  /** `<format>:<source thread id>`: scopes the comment ids, which some sources reuse across pages. */
  importKey: string;
  /** The page URL as the source gives it; the worker normalizes it into the thread key. */
  url: string;
  title: string;
  createdAt: string | null;
  locked: boolean;
}

export interface ImportComment {
  thread: ImportThread;
  /** `<format>:<source thread id>:<source comment id>`: unique, the idempotency key of the import. */
  importKey: string;
  /** The parent's import key, or `null` for a root. */
  parentKey: string | null;
  status: ImportStatus;
  createdAt: string;
  /** Markdown, already converted from the source's HTML where the source stores HTML. */
  body: string;
  author: { name: string | null; email: string | null; website: string | null };
  /** The raw IP: hashed by the worker (keyedHash), never stored. */
  ip: string | null;
  /** Likes (or net votes) the source counted; absent means 0. */
  likes?: number;
  /** Pinned (sticky) at the source. */
  pinned?: boolean;
}

/** A problem in the file: what was skipped and where (`line 147, column 24 (post 6)`). */
export interface ImportError {
  position: string;
  message: string;
}

/** Options of the peer formats whose files name pages by path only (Isso, Artrans, Comentario v3). */
export interface ParserOptions {
  /** The site's origin (`https://blog.example`): a path-only page key becomes a URL on it. */
  site?: string | null;
}

/**
 * A file that cannot be imported at all (not the format, an unknown version): thrown by a parser before
 * anything is stored; the API answers 422 naming `field`, the CLI stops with the message.
 */
export class ImportFileError extends Error {
  /** What is wrong: `file` (not the format), `version`, or a top-level key. */
  readonly field: string;
  // No parameter property: the CLI runs this file with Node's type stripping, which refuses them.
  constructor(field: string, message: string) {
    super(message);
    this.name = 'ImportFileError';
    this.field = field;
  }
}

/**
 * The page URL of a source page key: an absolute http(s) URL as written, a path joined to `site`, or `null`
 * (a path with no site: the caller reports it).
 * @example pageUrl('/posts/1', 'https://blog.example') // 'https://blog.example/posts/1'
 */
export const pageUrl = (key: string, site: string | null | undefined): string | null => {
  if (/^https?:\/\//i.test(key)) return key;
  if (!site) return null;
  return `${site.replace(/\/+$/, '')}${key.startsWith('/') ? '' : '/'}${key}`;
};

/** A loosely typed value (Artrans writes "true", true, 1 or "1"): a string, or `null`. */
export const loose = (value: unknown): string | null =>
  typeof value === 'string'
    ? field(value)
    : typeof value === 'number' || typeof value === 'bigint'
      ? String(value)
      : null;

/** A loosely typed flag: true, "true", 1, "1" (any case). */
export const flagOf = (value: unknown): boolean =>
  value === true || value === 1 || (typeof value === 'string' && /^(true|1)$/i.test(value.trim()));

/** A non-negative whole count from a number or a numeric string; anything else is 0. */
export const countOf = (value: unknown): number => {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
};

/** Where parsers send what they read, in document order. */
export interface ImportSink {
  comment(comment: ImportComment): void;
  /** Something left out on purpose (a pingback, a post of a deleted thread…). */
  skip(): void;
  error(error: ImportError): void;
}

/** A streaming parser: text in, chunk by chunk; `close()` at the end of the file. */
export interface ImportParser {
  write(chunk: string): void;
  close(): void;
}

/** A parser for a format read whole (one JSON document): it collects the chunks and reads the text at close. */
export const wholeFileParser = (read: (text: string) => void): ImportParser => {
  const parts: string[] = [];
  return {
    write: (chunk) => {
      parts.push(chunk);
    },
    close: () => read(parts.join('')),
  };
};

/** The file as JSON; anything else refuses the whole file (422 naming `file`). */
export const parseJsonFile = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ImportFileError('file', `not JSON: ${(err as Error).message}`);
  }
};

/** Trims a field; an empty one, or a literal "undefined" some exporters write, is absent. */
export const field = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' || trimmed === 'undefined' || trimmed === 'null' ? null : trimmed;
};

/** An http(s) website, or `null`: a bare host gets https, anything else is dropped. */
export const website = (value: string | null | undefined): string | null => {
  const text = field(value);
  if (!text) return null;
  try {
    const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
    const { protocol } = new URL(candidate);
    // Kept as written (trimmed), not re-serialized: the owner should find the address they knew.
    return protocol === 'http:' || protocol === 'https:' ? candidate : null;
  } catch {
    return null;
  }
};

/** An ISO 8601 UTC string from a source date, or `null` when the date is missing or invalid. */
export const isoDate = (value: string | null | undefined): string | null => {
  const text = field(value);
  if (!text || text.startsWith('0000-00-00')) return null;
  // WordPress writes "2014-05-12 20:15:07" (UTC in *_gmt fields): make it ISO before Date parses it.
  const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(text) ? `${text.replace(' ', 'T')}Z` : text;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
};
