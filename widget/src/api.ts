/**
 * The reader API calls (API.md, "Reader endpoints"), each returning a typed result instead of throwing, so
 * callers handle failure by `code` (never by message text) and a network failure is just another code.
 */
import type {
  CreatedComment,
  ErrorCode,
  FieldError,
  NewComment,
  Problem,
  SortOrder,
  ThreadPage,
} from '../../worker/types/api.ts';

export interface ApiError {
  /** `network`: no HTTP answer at all (offline, DNS, CORS refusal, aborted). */
  code: ErrorCode | 'network';
  fields: FieldError[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ThreadQuery {
  url: string;
  id?: string;
  sort?: SortOrder;
  cursor?: string;
}

/** A body with a `code` we can act on; anything else (a proxy's HTML 502 page, say) counts as `internal`. */
const toError = async (response: Response): Promise<ApiError> => {
  try {
    const problem = (await response.json()) as Partial<Problem>;
    if (typeof problem.code === 'string') return { code: problem.code, fields: problem.errors ?? [] };
  } catch {
    // not JSON: fall through
  }
  return { code: 'internal', fields: [] };
};

const call = async <T>(input: string, init: RequestInit): Promise<ApiResult<T>> => {
  let response: Response;
  try {
    response = await fetch(input, init);
  } catch {
    return { ok: false, error: { code: 'network', fields: [] } };
  }
  if (!response.ok) return { ok: false, error: await toError(response) };
  try {
    return { ok: true, value: (await response.json()) as T };
  } catch {
    return { ok: false, error: { code: 'network', fields: [] } }; // the body was cut off mid-way
  }
};

export interface Api {
  getThread: (query: ThreadQuery, signal?: AbortSignal) => Promise<ApiResult<ThreadPage>>;
  postComment: (comment: NewComment) => Promise<ApiResult<CreatedComment>>;
}

/** The API of the deployment at `origin` (the origin `embed.js` came from). */
export const createApi = (origin: string): Api => {
  const base = `${origin}/api/v1`;
  return {
    getThread: (query, signal) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
      // A plain GET with no custom header stays a "simple" CORS request: no preflight round trip.
      return call(`${base}/threads?${params}`, { signal });
    },
    postComment: (comment) =>
      call(`${base}/comments`, {
        method: 'POST',
        // The API refuses writes that are not application/json (415): that is its CSRF guard.
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(comment),
      }),
  };
};
