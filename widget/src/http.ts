/**
 * The one HTTP client of the widget and the admin page: every call returns a typed result instead of
 * throwing, so callers act on the `code` of the API's problem+json answer (worker/types/api.ts,
 * `ErrorCode`), never on message text, and a network failure is just one more code.
 */
import type { ErrorCode, FieldError, Problem } from '../../worker/types/api.ts';

export interface ApiError {
  /** `network`: no HTTP answer at all (offline, DNS, CORS refusal, aborted, a body cut off mid-way). */
  code: ErrorCode | 'network';
  /** The server's own explanation, when it gave one (the admin page shows it). */
  detail?: string;
  fields: FieldError[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** No HTTP answer at all. */
export const offline: ApiError = { code: 'network', fields: [] };

/**
 * A body with a `code` we can act on; anything else (a proxy's HTML 502 page, say) counts as `internal`,
 * or `unauthorized` for a bare 401.
 */
const toError = async (response: Response): Promise<ApiError> => {
  try {
    const problem = (await response.json()) as Partial<Problem>;
    // The whole body: `detail` (and `title`, `status`) ride along for the admin page, at no extra bytes.
    if (typeof problem.code === 'string') return { ...problem, fields: problem.errors ?? [] } as ApiError;
  } catch {
    // not JSON: fall through
  }
  return { code: response.status === 401 ? 'unauthorized' : 'internal', fields: [] };
};

/** `Authorization: Bearer`: edit tokens and the admin token go in a header, never a cookie (DESIGN.md). */
export const bearer = (token?: string): Record<string, string> =>
  token ? { Authorization: `Bearer ${token}` } : {};

/**
 * A JSON write: the API refuses writes that are not application/json (415), which is its CSRF guard.
 * @example request<Likes>(url, send('POST', { reader }))
 */
export const send = (method: string, body?: unknown, token?: string): RequestInit => ({
  method,
  headers: {
    ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...bearer(token),
  },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/**
 * The D1 bookmark of this page's last write (worker/middleware/d1-session.ts): the next thread read sends
 * it, so the writer reads their own write from any replica (and past the edge cache).
 */
export let bookmark = '';

/** `fetch`, read as JSON (or by `read`); a 204 is `null`. */
export const request = async <T>(
  input: string,
  init: RequestInit,
  read: (response: Response) => Promise<T> = (response) => response.json() as Promise<T>,
): Promise<ApiResult<T>> => {
  let response: Response;
  try {
    response = await fetch(input, init);
  } catch {
    return { ok: false, error: offline };
  }
  bookmark = response.headers.get('X-D1-Bookmark') || bookmark;
  if (!response.ok) return { ok: false, error: await toError(response) };
  try {
    return { ok: true, value: response.status === 204 ? (null as T) : await read(response) };
  } catch {
    return { ok: false, error: offline }; // the body was cut off mid-way
  }
};
