/**
 * The reader API calls (API.md, "Reader endpoints"), each returning a typed result instead of throwing, so
 * callers handle failure by `code` (never by message text) and a network failure is just another code.
 */
import type {
  Comment,
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

/** No HTTP answer at all. */
export const offline: ApiError = { code: 'network', fields: [] };

export const call = async <T>(input: string, init: RequestInit): Promise<ApiResult<T>> => {
  let response: Response;
  try {
    response = await fetch(input, init);
  } catch {
    return { ok: false, error: offline };
  }
  if (!response.ok) return { ok: false, error: await toError(response) };
  if (response.status === 204) return { ok: true, value: null as T };
  try {
    return { ok: true, value: (await response.json()) as T };
  } catch {
    return { ok: false, error: offline }; // the body was cut off mid-way
  }
};

/** What POST /comments takes from the widget: `reader` is in the schema (worker/lib/schemas.ts). */
export type NewCommentInput = NewComment & { reader?: string; website2?: string };

export interface Likes {
  likes: number;
  liked: boolean;
}

/** Which thread a page-level call is about. */
export interface PageRef {
  url: string;
  id?: string;
}

/** A JSON write: the API refuses writes that are not application/json (415), which is its CSRF guard. */
export const send = (method: string, body?: unknown, token?: string): RequestInit => ({
  method,
  headers: {
    ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    // The edit token goes in a header, never a cookie (DESIGN.md, "Security and privacy model").
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

// Plain functions of the deployment's `origin` (the origin `embed.js` came from): unused ones stay out.

export const getThread = (origin: string, query: ThreadQuery, signal?: AbortSignal) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  // A plain GET with no custom header stays a "simple" CORS request: no preflight round trip.
  return call<ThreadPage>(`${origin}/api/v1/threads?${params}`, { signal });
};

export const likeComment = (origin: string, id: string, reader: string, like: boolean) =>
  call<Likes>(`${origin}/api/v1/comments/${id}/like`, send(like ? 'POST' : 'DELETE', { reader }));

export const likePage = (origin: string, page: PageRef, reader: string, like: boolean) =>
  call<Likes>(`${origin}/api/v1/threads/like`, send(like ? 'POST' : 'DELETE', { ...page, reader }));

// The calls only the extras make (lazy.tsx): plain functions, so the app's bundle leaves them out.

export const editComment = (origin: string, id: string, token: string, body: string) =>
  call<{ comment: Comment }>(`${origin}/api/v1/comments/${id}`, send('PATCH', { body }, token));

export const deleteComment = (origin: string, id: string, token: string) =>
  call<unknown>(`${origin}/api/v1/comments/${id}`, send('DELETE', undefined, token));

export const renderPreview = (origin: string, body: string) =>
  call<{ html: string }>(`${origin}/api/v1/preview`, send('POST', { body }));
