/**
 * Fetches a Webmention's source the careful way: only http(s), every hop through the SSRF guard
 * (lib/webmention/address-guard.ts), redirects followed by hand (at most MAX_REDIRECTS, W3C Webmention
 * §3.2.2 "SHOULD limit the number of redirects"), one deadline for the whole exchange
 * (AbortSignal.timeout), and the body read as a stream and cut at MAX_SOURCE_BYTES: a huge or endless
 * page costs at most that much. Every outcome is a value, never a throw.
 */
import { checkAddress } from '../../lib/webmention/address-guard.ts';
import type { WebmentionReason } from '../../types/api.ts';

export const MAX_REDIRECTS = 5;
export const MAX_SOURCE_BYTES = 1024 * 1024;
export const SOURCE_TIMEOUT_MS = 10_000;

export interface FetchOptions {
  fetcher: typeof fetch;
  allowLoopbackForTests: boolean;
  timeoutMs?: number;
  maxBytes?: number;
}

export type Fetched =
  | { ok: true; url: string; contentType: string; body: string; truncated: boolean }
  | { ok: false; reason: WebmentionReason; detail: string };

const fail = (reason: WebmentionReason, detail: string): Fetched => ({ ok: false, reason, detail });

/** Reads at most `max` bytes of the body, then cancels the rest (the source may never end it). */
const readCapped = async (res: Response, max: number): Promise<{ bytes: Uint8Array; truncated: boolean }> => {
  const reader = res.body?.getReader();
  if (!reader) return { bytes: new Uint8Array(), truncated: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = max - size;
    chunks.push(value.byteLength > room ? value.subarray(0, room) : value);
    size += Math.min(value.byteLength, room);
    if (value.byteLength >= room) {
      truncated = true;
      await reader.cancel().catch(() => {});
      break;
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { bytes, truncated };
};

const decode = (bytes: Uint8Array, contentType: string): string => {
  const charset = /charset="?([\w-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
};

const isTimeout = (err: unknown): boolean =>
  err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');

/**
 * @example await fetchSource('https://bob.example/re', { fetcher: fetch, allowLoopbackForTests: false })
 */
export const fetchSource = async (source: string, options: FetchOptions): Promise<Fetched> => {
  const signal = AbortSignal.timeout(options.timeoutMs ?? SOURCE_TIMEOUT_MS);
  let url = new URL(source);
  // Detached, so that `fetch` itself may be passed: workerd refuses it called as a method of `options`.
  const fetcher = options.fetcher;
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const guard = checkAddress(url, options.allowLoopbackForTests);
      if (!guard.ok) return fail('blocked_address', `${url.origin} may not be fetched: ${guard.why}`);
      const res = await fetcher(url.href, {
        redirect: 'manual',
        signal,
        headers: {
          Accept: 'text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5',
          'User-Agent': 'Causerie-Webmention/1 (+https://www.w3.org/TR/webmention/)',
        },
      });
      const location = res.headers.get('Location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel().catch(() => {});
        try {
          url = new URL(location, url);
        } catch {
          return fail('source_refused', `a redirect to an invalid URL (${location.slice(0, 200)})`);
        }
        continue;
      }
      if (res.status === 410) {
        await res.body?.cancel().catch(() => {});
        return fail('source_gone', 'the source answered 410 Gone');
      }
      if (res.status === 429 || res.status >= 500) {
        await res.body?.cancel().catch(() => {});
        return fail('source_error', `the source answered ${res.status}`);
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel().catch(() => {});
        return fail('source_refused', `the source answered ${res.status}`);
      }
      const contentType = res.headers.get('Content-Type') ?? '';
      const { bytes, truncated } = await readCapped(res, options.maxBytes ?? MAX_SOURCE_BYTES);
      return { ok: true, url: url.href, contentType, body: decode(bytes, contentType), truncated };
    }
    return fail('too_many_redirects', `more than ${MAX_REDIRECTS} redirects`);
  } catch (err) {
    if (isTimeout(err) || signal.aborted) return fail('timeout', 'the source did not answer in time');
    return fail('source_unreachable', err instanceof Error ? err.message.slice(0, 200) : 'fetch failed');
  }
};
