/**
 * Delivery with retries inside `waitUntil`: a few attempts with growing pauses, each with a timeout, all
 * within the ~30 s a Worker may keep running after its response. A Queue would survive longer outages but
 * needs a Queues binding and a consumer; for an owner's alert, three tries over ~25 s is enough.
 */

export interface RetryPolicy {
  /** Pauses before the 2nd, 3rd… attempts. */
  delaysMs: readonly number[];
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  delaysMs: [2_000, 8_000],
  timeoutMs: 5_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Network errors, 408, 429 and 5xx may pass; other 4xx mean the request itself is wrong. */
const isRetryable = (status: number): boolean => status === 408 || status === 429 || status >= 500;

export interface DeliveryResult {
  ok: boolean;
  attempts: number;
  status: number | null;
}

/**
 * Calls `attempt` (which builds a fresh request each time: a re-signed timestamp) until it succeeds.
 * @example await deliver((signal) => fetch(url, { method: 'POST', body, signal }))
 */
export const deliver = async (
  attempt: (signal: AbortSignal) => Promise<Response>,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<DeliveryResult> => {
  let status: number | null = null;
  const total = policy.delaysMs.length + 1;
  for (let n = 1; n <= total; n++) {
    if (n > 1) await policy.sleep(policy.delaysMs[n - 2] ?? 0);
    try {
      const res = await attempt(AbortSignal.timeout(policy.timeoutMs));
      status = res.status;
      // Drain the body so the connection is released.
      await res.body?.cancel();
      if (res.ok) return { ok: true, attempts: n, status };
      if (!isRetryable(res.status)) return { ok: false, attempts: n, status };
    } catch {
      status = null;
    }
  }
  return { ok: false, attempts: total, status };
};
