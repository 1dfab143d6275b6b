/**
 * One GET to a Mastodon-API server, bounded: a deadline over the whole exchange (headers and body), a
 * size cap read as a stream (an instance that lies about or omits Content-Length is cut all the same), no
 * redirects followed (an API answer never needs one, and a redirect could point anywhere), and JSON only.
 * Every failure is a value, never a throw, so a fetch can be recorded and retried on the next run.
 */

/** The largest answer read: a context of 60 statuses is ~150 KB; anything past this is not one. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

export type FetchJsonResult =
  | { ok: true; value: unknown }
  /** `gone`: the instance says the status does not exist (404) or no longer does (410). */
  | { ok: false; error: string; gone: boolean };

export interface FetchJsonOptions {
  timeoutMs: number;
  maxBytes?: number;
  fetcher?: typeof fetch;
}

const failure = (error: string, gone = false): FetchJsonResult => ({ ok: false, error, gone });

/** The body as text, or `null` once it passes `maxBytes` (the rest is never read). */
const readCapped = async (body: ReadableStream<Uint8Array>, maxBytes: number): Promise<string | null> => {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
};

const exchange = async (url: string, options: FetchJsonOptions, signal: AbortSignal) => {
  const maxBytes = options.maxBytes ?? MAX_ANSWER_BYTES;
  const fetcher = options.fetcher ?? ((input, init) => fetch(input, init));
  const res = await fetcher(url, {
    headers: { Accept: 'application/json', 'User-Agent': 'Causerie (Mastodon replies import)' },
    redirect: 'manual',
    signal,
  });
  if (res.status === 404 || res.status === 410) {
    await res.body?.cancel().catch(() => undefined);
    return failure(`HTTP ${res.status}`, true);
  }
  if (res.status >= 300 && res.status < 400) {
    await res.body?.cancel().catch(() => undefined);
    return failure(`redirect refused (HTTP ${res.status})`);
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel().catch(() => undefined);
    return failure(`HTTP ${res.status}`);
  }
  const declared = Number(res.headers.get('Content-Length') ?? '0');
  if (declared > maxBytes) {
    await res.body.cancel().catch(() => undefined);
    return failure(`answer over ${maxBytes} bytes`);
  }
  const text = await readCapped(res.body, maxBytes);
  if (text === null) return failure(`answer over ${maxBytes} bytes`);
  try {
    return { ok: true, value: JSON.parse(text) as unknown } satisfies FetchJsonResult;
  } catch {
    return failure('answer is not JSON');
  }
};

/**
 * @example const answer = await fetchJson('https://mastodon.social/api/v1/statuses/1', { timeoutMs: 5000 })
 */
export const fetchJson = async (url: string, options: FetchJsonOptions): Promise<FetchJsonResult> => {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A timer of our own rather than AbortSignal.timeout alone: it also ends a body that trickles in.
  const deadline = new Promise<FetchJsonResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(failure(`no answer within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
  });
  try {
    return await Promise.race([
      exchange(url, options, controller.signal).catch((err: unknown) =>
        failure(`fetch failed: ${err instanceof Error ? err.message : String(err)}`.slice(0, 200)),
      ),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
};
