// HTTP load with autocannon, bounded in time, beside the CPU the worker's workerd spent over the run:
// CPU per request is what Workers bill and limit, and it is steadier than wall time on a shared machine.
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { cpuMs } from './stack.mjs';

/**
 * @typedef {{ requests: number, rps: number, p50: number, p99: number, errors: number, non2xx: number,
 *   cpuMsPerRequest: number | null, durationS: number, reloaded?: boolean }} LoadResult
 */

const EMPTY = {
  requests: 0,
  rps: 0,
  p50: 0,
  p99: 0,
  errors: 0,
  non2xx: 0,
  cpuMsPerRequest: null,
  durationS: 0,
};

/** CPU ms of all `pids`, or NaN when one of them is gone. */
const totalCpu = (pids) => {
  try {
    return pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
  } catch {
    return Number.NaN;
  }
};

/**
 * One bounded autocannon run.
 * @param {{ url: string, duration: number, connections: number, cpuPids: number[],
 *   method?: string, headers?: Record<string, string>, body?: () => string }} options
 * @returns {Promise<LoadResult>}
 */
export const load = async ({ url, duration, connections, cpuPids, method = 'GET', headers = {}, body }) => {
  const cpuBefore = totalCpu(cpuPids);
  if (Number.isNaN(cpuBefore)) return { ...EMPTY, reloaded: true };
  const result = await autocannon({
    url,
    method,
    headers,
    connections,
    duration,
    // A fresh body per request (unique clientId): a repeated one would be an idempotent retry, not a write.
    requests: body ? [{ setupRequest: (request) => ({ ...request, body: body() }) }] : undefined,
  });
  // A process that vanished mid-run (wrangler reloaded the worker) makes the CPU figure meaningless.
  const cpuAfter = totalCpu(cpuPids);
  const requests = result.requests.total;
  return {
    requests,
    rps: requests / duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    cpuMsPerRequest: requests > 0 && cpuPids.length ? (cpuAfter - cpuBefore) / requests : null,
    reloaded: Number.isNaN(cpuAfter),
    durationS: duration,
  };
};

/** A POST /comments body for a page on `origin`, with a unique clientId (16 to 64 URL-safe characters). */
export const commentBody = (origin, path) => () =>
  JSON.stringify({
    url: `${origin}${path}`,
    title: 'Benchmark post',
    body: 'Merci pour cet article. *Très* clair, et les chiffres parlent d’eux-mêmes.',
    author: { name: 'Bench', email: 'bench@example.org' },
    clientId: randomBytes(16).toString('base64url'),
  });

/**
 * Whether a thread response came from KV. The cache is being added; until it answers with a header we
 * know, every response is an uncached ("miss") read. This is the one place to teach the bench its header.
 * @param {Headers} headers
 * @returns {'hit' | 'miss' | 'unknown'}
 */
export const cacheState = (headers) => {
  const value = (headers.get('x-cache') ?? headers.get('cf-cache-status') ?? '').toLowerCase();
  if (value.startsWith('hit')) return 'hit';
  if (value.startsWith('miss')) return 'miss';
  return 'unknown';
};
