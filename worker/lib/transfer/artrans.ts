/**
 * Artrans, Artalk's interchange format (its Artransfer converter writes it from Twikoo, Valine, Waline,
 * Typecho, Disqus and WordPress) → the import model: a JSON array of flat records `{id, rid, page_key,
 * page_title, nick, email, link, content (HTML), ip, created_at, is_pending, vote_up…}`, values loosely typed
 * (booleans and numbers as JSON or as strings). `rid` "", "0" or absent is a root. Read whole (like Commento).
 * A repeated `id` on the same page is the same import key: imported once, the repeat counted as skipped.
 */
import { htmlToMarkdown } from '../html-to-markdown.ts';
import {
  countOf,
  flagOf,
  ImportFileError,
  type ImportParser,
  type ImportSink,
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

/** `site_urls` ("https://a.example,https://b.example"): its first http(s) origin, used when `site` is not given. */
const firstSiteUrl = (value: unknown): string | null => {
  for (const part of (loose(value) ?? '').split(',')) {
    try {
      const url = new URL(part.trim());
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
    } catch {}
  }
  return null;
};

const readFile = (text: string, sink: ImportSink, options: ParserOptions): void => {
  const data = parseJsonFile(text);
  if (!Array.isArray(data))
    throw new ImportFileError('file', 'not an Artrans file (a JSON array of comments)');
  const threads = new Map<string, ImportThread>();
  // Artalk writes `site_urls` on some records only (those of a site it knew): one origin for the file.
  let fileSite: string | null = null;
  for (const value of data) {
    fileSite ??= typeof value === 'object' && value !== null ? firstSiteUrl((value as Json).site_urls) : null;
  }
  data.forEach((value, index) => {
    if (typeof value !== 'object' || value === null) {
      sink.error({ position: `[${index}]`, message: 'not an object' });
      return;
    }
    const c = value as Json;
    const id = loose(c.id);
    const key = loose(c.page_key);
    const createdAt = isoDate(loose(c.created_at)) ?? isoDate(loose(c.updated_at));
    if (!id || !key || !createdAt) {
      sink.error({ position: `[${index}]`, message: 'missing id, page_key or created_at' });
      return;
    }
    const url = pageUrl(key, options.site ?? fileSite);
    if (!url) {
      sink.error({
        position: `[${index}]`,
        message: `page ${key} has no host: give the site's origin (site=)`,
      });
      return;
    }
    let thread = threads.get(url);
    if (!thread) {
      thread = {
        importKey: `artrans:${url}`,
        url,
        title: loose(c.page_title) ?? '',
        createdAt: null,
        locked: false,
      };
      threads.set(url, thread);
    }
    const rid = loose(c.rid);
    sink.comment({
      thread,
      importKey: `artrans:${url}:${id}`,
      parentKey: rid && rid !== '0' ? `artrans:${url}:${rid}` : null,
      status: flagOf(c.is_pending) ? 'pending' : 'approved',
      createdAt,
      body: htmlToMarkdown(typeof c.content === 'string' ? c.content : ''),
      author: {
        name: loose(c.nick),
        email: loose(c.email)?.toLowerCase() ?? null,
        website: website(loose(c.link)),
      },
      ip: loose(c.ip),
      likes: countOf(c.vote_up),
    });
  });
};

export const createArtransParser = (sink: ImportSink, options: ParserOptions = {}): ImportParser =>
  wholeFileParser((text) => readFile(text, sink, options));
