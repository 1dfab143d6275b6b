/**
 * Page URL → thread key (API.md "Threads and page identity"): one page, one thread, however the URL is spelled.
 */

const UNRESERVED = /[A-Za-z0-9\-._~]/;
const INDEX_FILE = /\/index\.html?$/i;

/**
 * Decodes percent-escapes of unreserved characters and upper-cases the hex of the others
 * (RFC 3986 §6.2.2.2), so `%7e`, `%7E` and `~` are one path.
 */
const normalizePercent = (path: string): string =>
  path.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });

/**
 * Normalizes a page URL, or returns `null` when it is not an absolute http(s) URL.
 * @example normalizeUrl('HTTPS://Blog.Example:443/post/?utm_source=x#c1', new Set()) // 'https://blog.example/post'
 */
export const normalizeUrl = (input: string, significantParams: ReadonlySet<string>): string | null => {
  if (input.length > MEMO_MAX_INPUT) return normalize(input, significantParams);
  let memo = memos.get(significantParams);
  if (!memo) {
    memo = new Map();
    memos.set(significantParams, memo);
  }
  let key = memo.get(input);
  if (key === undefined) {
    key = normalize(input, significantParams);
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(input, key);
  }
  return key;
};

/**
 * A page's key is a pure function of its URL and the significant parameters, and GET /counts normalizes
 * ten or fifty URLs a request, the same ones for every reader of an index page (about a twentieth of its
 * CPU in `npm run bench:profile`): the isolate keeps the latest ones, per set of parameters (the settings
 * are kept per isolate, so their set is one object). Bounded: at most MEMO_SIZE URLs of MEMO_MAX_INPUT
 * characters, well under a megabyte.
 */
const MEMO_SIZE = 1024;
const MEMO_MAX_INPUT = 512;
const memos = new WeakMap<ReadonlySet<string>, Map<string, string | null>>();

const normalize = (input: string, significantParams: ReadonlySet<string>): string | null => {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;

  // The URL parser already lower-cases scheme and host, drops the default port and resolves dot segments.
  let path = normalizePercent(url.pathname).replace(INDEX_FILE, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  if (path === '') path = '/';

  // Only the parameters the owner declared significant survive, sorted so their order does not matter.
  const kept = [...url.searchParams].filter(([name]) => significantParams.has(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';

  return `${url.protocol}//${url.host}${path}${query}`;
};
