// Per-request usage, counted: replays what readers and writers do (a post page read cold and warm, an index
// page's counts cold and warm, a new comment, a like) against the counting entry point (usage-worker.mjs)
// and reads what each request cost after its waitUntil work settled. Those figures feed the cost model.
import { randomBytes } from 'node:crypto';

/**
 * @typedef {{ invocations: number, d1RowsRead: number, d1RowsWritten: number, d1Queries: number,
 *   kvReads: number, kvWrites: number, kvDeletes: number, kvLists: number, purges: number,
 *   purgedTags: number, kvTtlSeconds: number, status?: number }} RequestUsage
 * @typedef {{ threadCold: RequestUsage, threadWarm: RequestUsage, threadAfterWrite: RequestUsage,
 *   countsCold: RequestUsage, countsWarm: RequestUsage, comment: RequestUsage, like: RequestUsage,
 *   kvTtlSeconds: number, edgeTtlSeconds: { thread: number, counts: number },
 *   headers: { thread: Record<string, string | null>, counts: Record<string, string | null> },
 *   cpuMs: { thread: number, counts: number, comment: number, like: number } }} UsageProfile
 */

const CACHE_HEADERS = [
  'cache-control',
  'cdn-cache-control',
  'cloudflare-cdn-cache-control',
  'cache-tag',
  'x-cache',
];

/**
 * How long Workers Cache would keep a response, from the headers it honours
 * (https://developers.cloudflare.com/workers/cache/configuration/): the CDN-only headers first, then
 * Cache-Control's s-maxage, then a public max-age. 0 when Workers Cache is off in wrangler.toml or the
 * response is not cacheable.
 * @param {Headers} headers
 * @param {boolean} cacheEnabled
 */
export const edgeTtl = (headers, cacheEnabled) => {
  if (!cacheEnabled) return 0;
  const seconds = (value, directive) => {
    const match = new RegExp(`(?:^|[,\\s])${directive}=(\\d+)`, 'i').exec(value ?? '');
    return match ? Number(match[1]) : null;
  };
  for (const name of ['cloudflare-cdn-cache-control', 'cdn-cache-control']) {
    const value = headers.get(name);
    if (value === null) continue;
    if (/no-store|private/i.test(value)) return 0;
    return seconds(value, 's-maxage') ?? seconds(value, 'max-age') ?? 0;
  }
  const cc = headers.get('cache-control') ?? '';
  if (/no-store|private/i.test(cc)) return 0;
  return seconds(cc, 's-maxage') ?? (/public/i.test(cc) ? (seconds(cc, 'max-age') ?? 0) : 0);
};

/** Whether wrangler.toml turns Workers Cache on (`[cache]` with `enabled = true`). */
export const workersCacheEnabled = (wranglerToml) =>
  /^\[cache\][^[]*?^\s*enabled\s*=\s*true/m.test(wranglerToml);

/**
 * @param {{ base: string, pageOrigin: string, threadUrl: string, countUrls: string[], cacheEnabled: boolean,
 *   cpuMs: UsageProfile['cpuMs'] }} options
 * @returns {Promise<UsageProfile>}
 */
export const measureUsage = async ({ base, pageOrigin, threadUrl, countUrls, cacheEnabled, cpuMs }) => {
  // Writes carry the page's origin, which the stack allows (ALLOWED_ORIGINS), as a reader's browser would.
  const origin = pageOrigin;
  /** Runs one request, then reads what it cost (the counter waits for its waitUntil work). */
  const counted = async (path, init) => {
    const response = await fetch(`${base}${path}`, init);
    const body = await response.text();
    if (!response.ok)
      throw new Error(`${init?.method ?? 'GET'} ${path} answered ${response.status}: ${body}`);
    const usage = await (await fetch(`${base}/__usage`)).json();
    return { usage: { ...usage, status: response.status }, headers: response.headers, body };
  };
  const json = (method, payload) => ({
    method,
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(payload),
  });
  await fetch(`${base}/__usage`); // start from zero

  const threadPath = `/api/v1/threads?url=${encodeURIComponent(threadUrl)}`;
  const countsPath = `/api/v1/counts?${countUrls.map((u) => `url=${encodeURIComponent(u)}`).join('&')}`;
  // The stack starts with an empty KV: the first read of each is a miss, the second a hit.
  const countsCold = await counted(countsPath);
  const countsWarm = await counted(countsPath);
  const threadCold = await counted(threadPath);
  const threadWarm = await counted(threadPath);
  const comment = await counted(
    '/api/v1/comments',
    json('POST', {
      url: threadUrl,
      body: 'Counting what one comment costs.',
      author: { name: 'Bench' },
      clientId: randomBytes(16).toString('base64url'),
    }),
  );
  const threadAfterWrite = await counted(threadPath);
  const created = JSON.parse(comment.body).comment.id;
  const like = await counted(
    `/api/v1/comments/${encodeURIComponent(created)}/like`,
    json('POST', { reader: randomBytes(12).toString('base64url') }),
  );

  const pick = (headers) => Object.fromEntries(CACHE_HEADERS.map((h) => [h, headers.get(h)]));
  const all = [countsCold, countsWarm, threadCold, threadWarm, comment, threadAfterWrite, like];
  return {
    threadCold: threadCold.usage,
    threadWarm: threadWarm.usage,
    threadAfterWrite: threadAfterWrite.usage,
    countsCold: countsCold.usage,
    countsWarm: countsWarm.usage,
    comment: comment.usage,
    like: like.usage,
    kvTtlSeconds: Math.max(...all.map((r) => r.usage.kvTtlSeconds)),
    edgeTtlSeconds: {
      thread: edgeTtl(threadWarm.headers, cacheEnabled),
      counts: edgeTtl(countsWarm.headers, cacheEnabled),
    },
    headers: { thread: pick(threadWarm.headers), counts: pick(countsWarm.headers) },
    cpuMs,
  };
};
