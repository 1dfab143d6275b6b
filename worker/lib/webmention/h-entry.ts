/**
 * What a source page says about itself, read from its microformats2 (`h-entry`, http://microformats.org/wiki/h-entry)
 * with microformats-parser: the author (`h-card` name, url, photo), the content (HTML, which the service
 * turns into Markdown and renders again: no source HTML is ever shown), when it was published, and whether
 * it is a reply to, a like of or a repost of the target. A page without an h-entry is a plain mention,
 * titled from its <title> or meta tags (the parser's metaformats).
 */
import { mf2 } from 'microformats-parser';
import type { SourceType } from '../../types/api.ts';
import { comparableUrl } from './links-to.ts';

type Root = ReturnType<typeof mf2>['items'][number];
type Property = Root['properties'][string][number];

export interface ParsedMention {
  type: SourceType;
  authorName: string | null;
  authorUrl: string | null;
  authorPhoto: string | null;
  /** The entry's `e-content` HTML, unsanitized: never stored as is. */
  contentHtml: string | null;
  contentText: string | null;
  /** The entry's title (`p-name`), when it differs from its content. */
  name: string | null;
  /** ISO 8601, only when the page gave a date that parses. */
  published: string | null;
}

const isRoot = (p: Property): p is Root => typeof p === 'object' && 'properties' in p;

/** The plain value of a property: a string, an h-* object's `value` or `url`/`name`, an image's `value`. */
const text = (p: Property | undefined): string | null => {
  if (p === undefined) return null;
  if (typeof p === 'string') return p.trim() || null;
  if (isRoot(p)) {
    const nested = p.properties.url?.[0] ?? p.properties.name?.[0];
    return (typeof p.value === 'string' ? p.value : null) ?? text(nested);
  }
  return ('value' in p && typeof p.value === 'string' ? p.value.trim() : '') || null;
};

const httpUrl = (value: string | null, base: string): string | null => {
  const url = value ? comparableUrl(value, base) : null;
  return url && /^https?:/i.test(url) ? url : null;
};

const hasType = (root: Root, type: string) => root.type?.includes(type) ?? false;

/** The h-entry the page is about: the one whose url is the page, else the first, searching h-feeds too. */
const findEntry = (items: Root[], pageUrl: string): Root | null => {
  const entries: Root[] = [];
  const queue = [...items];
  for (let item = queue.shift(); item && entries.length < 100; item = queue.shift()) {
    if (hasType(item, 'h-entry')) entries.push(item);
    queue.push(...(item.children ?? []));
  }
  const page = comparableUrl(pageUrl);
  return (
    entries.find((entry) =>
      (entry.properties.url ?? []).some((u) => comparableUrl(text(u) ?? '', pageUrl) === page),
    ) ??
    entries[0] ??
    null
  );
};

const refersTo = (entry: Root, property: string, target: string, base: string): boolean =>
  (entry.properties[property] ?? []).some((p) => comparableUrl(text(p) ?? '', base) === target);

const author = (entry: Root, base: string) => {
  const value = entry.properties.author?.[0];
  if (value === undefined) return { authorName: null, authorUrl: null, authorPhoto: null };
  if (!isRoot(value)) {
    const plain = text(value);
    const url = httpUrl(plain, base);
    return { authorName: url ? null : plain, authorUrl: url, authorPhoto: null };
  }
  const name = text(value.properties.name?.[0]) ?? (typeof value.value === 'string' ? value.value : null);
  return {
    authorName: name?.trim() || null,
    authorUrl: httpUrl(text(value.properties.url?.[0]), base),
    authorPhoto: httpUrl(text(value.properties.photo?.[0]), base),
  };
};

const published = (entry: Root): string | null => {
  const value = text(entry.properties.published?.[0]);
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};

/**
 * @example parseMention(html, 'https://bob.example/re', 'https://blog.example/post').type // 'reply'
 */
export const parseMention = (html: string, pageUrl: string, target: string): ParsedMention => {
  // Metaformats: a page without microformats still has a title and meta tags, read as an implied h-entry.
  const parsed = mf2(html, { baseUrl: pageUrl, experimental: { metaformats: true } });
  const entry = findEntry(parsed.items, pageUrl);
  const wanted = comparableUrl(target) ?? target;
  if (!entry) {
    const none = { authorName: null, authorUrl: null, authorPhoto: null };
    return { type: 'reply', ...none, contentHtml: null, contentText: null, name: null, published: null };
  }
  const type: SourceType = refersTo(entry, 'like-of', wanted, pageUrl)
    ? 'like'
    : refersTo(entry, 'repost-of', wanted, pageUrl)
      ? 'repost'
      : 'reply';
  const content = entry.properties.content?.[0];
  const contentHtml = content && typeof content === 'object' && 'html' in content ? content.html : null;
  const contentText = text(content);
  const name = text(entry.properties.name?.[0]);
  return {
    type,
    ...author(entry, pageUrl),
    contentHtml: contentHtml?.trim() ? contentHtml : null,
    contentText,
    // An entry without an explicit p-name gets its whole text as implied name: not a title then.
    name: name && contentText?.startsWith(name.slice(0, 40)) ? null : name,
    published: published(entry),
  };
};
