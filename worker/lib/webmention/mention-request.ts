/**
 * The synchronous checks of a received Webmention (W3C Webmention §3.2.1): source and target are absolute
 * http(s) URLs, not the same, and the target is a page of an allowed origin; the source passes the SSRF
 * guard. What is wrong is said in a sentence for the sender's 400. https://www.w3.org/TR/webmention/#request-verification
 */
import { checkAddress } from './address-guard.ts';

/** URLs longer than this are refused (a page address, not a payload). */
export const MAX_MENTION_URL = 2000;

export type MentionCheck = { ok: true; source: URL; target: URL } | { ok: false; detail: string };

const parseHttp = (value: string): URL | null => {
  if (value.length > MAX_MENTION_URL) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
};

const withoutFragment = (url: URL): string => url.href.replace(/#.*$/, '');

/**
 * @example checkMention('https://bob.example/re', 'https://blog.example/post', (o) => o === 'https://blog.example', false)
 */
export const checkMention = (
  source: string,
  target: string,
  isAllowedOrigin: (origin: string) => boolean,
  allowLoopbackForTests: boolean,
): MentionCheck => {
  const sourceUrl = parseHttp(source.trim());
  if (!sourceUrl) return { ok: false, detail: 'source must be an absolute http(s) URL' };
  const targetUrl = parseHttp(target.trim());
  if (!targetUrl) return { ok: false, detail: 'target must be an absolute http(s) URL' };
  if (withoutFragment(sourceUrl) === withoutFragment(targetUrl)) {
    return { ok: false, detail: 'source and target must be different URLs' };
  }
  if (!isAllowedOrigin(targetUrl.origin)) {
    return { ok: false, detail: `target is not a page of this site (${targetUrl.origin} is not allowed)` };
  }
  const guard = checkAddress(sourceUrl, allowLoopbackForTests);
  if (!guard.ok) return { ok: false, detail: `source may not be fetched: ${guard.why}` };
  return { ok: true, source: sourceUrl, target: targetUrl };
};
