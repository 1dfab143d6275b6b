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
