// The CLI's calls to the admin API: bearer token, problem+json errors read out, retries on 429/503 and
// network failures (imports are idempotent, so a retried batch never duplicates anything). Typed against
// the contract (worker/types/api.ts) through JSDoc: a plain .mjs that Node runs as is.

/** @import { ErrorCode, Problem } from '../../worker/types/api.ts' */

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An admin API URL under a deployment's origin.
 * @param {string | URL} base
 * @param {string} path
 */
export const adminUrl = (base, path) => new URL(`/api/v1/admin${path}`, base).href;

/**
 * "422 validation_failed: …" from a problem+json answer (its `code`, one of `ErrorCode`), else the raw text.
 * @param {Response} res
 */
const describe = async (res) => {
  const text = await res.text();
  try {
    /** @type {Partial<Problem>} */
    const problem = JSON.parse(text);
    /** @type {ErrorCode | ''} */
    const code = problem.code ?? '';
    return `${res.status} ${code}: ${problem.detail ?? problem.title ?? text}`;
  } catch {
    return `${res.status}: ${text.slice(0, 200)}`;
  }
};

/**
 * fetch with retries: transient failures wait and try again (up to 6 times), others throw at once.
 * @param {string} url
 * @param {string} token
 * @param {RequestInit & { headers?: Record<string, string> }} [init]
 * @returns {Promise<Response>}
 */
export const adminFetch = async (url, token, init = {}) => {
  for (let attempt = 1; ; attempt++) {
    let res;
    try {
      res = await fetch(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });
    } catch (err) {
      if (attempt >= 6) throw new Error(`cannot reach ${url}: ${err.cause?.message ?? err.message}`);
      await sleep(500 * 2 ** attempt);
      continue;
    }
    if (res.ok) return res;
    if ((res.status === 429 || res.status === 503) && attempt < 6) {
      const retryAfter = Number(res.headers.get('Retry-After'));
      await sleep(retryAfter > 0 ? retryAfter * 1000 : 500 * 2 ** attempt);
      continue;
    }
    throw new Error(`${init.method ?? 'GET'} ${url} failed: ${await describe(res)}`);
  }
};
