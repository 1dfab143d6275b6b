/**
 * The reader API calls (API.md, "Reader endpoints"), each returning a typed result instead of throwing, so
 * callers handle failure by `code` (never by message text) and a network failure is just another code.
 */
import type {
  Comment,
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
  if (response.status === 204) return { ok: true, value: null as T };
  try {
    return { ok: true, value: (await response.json()) as T };
  } catch {
    return { ok: false, error: { code: 'network', fields: [] } }; // the body was cut off mid-way
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

export interface Api {
  getThread: (query: ThreadQuery, signal?: AbortSignal) => Promise<ApiResult<ThreadPage>>;
  postComment: (comment: NewCommentInput) => Promise<ApiResult<CreatedComment>>;
  editComment: (id: string, token: string, body: string) => Promise<ApiResult<{ comment: Comment }>>;
  deleteComment: (id: string, token: string) => Promise<ApiResult<unknown>>;
  likeComment: (id: string, reader: string, like: boolean) => Promise<ApiResult<Likes>>;
  likePage: (page: PageRef, reader: string, like: boolean) => Promise<ApiResult<Likes>>;
  preview: (body: string) => Promise<ApiResult<{ html: string }>>;
}

/** A JSON write: the API refuses writes that are not application/json (415), which is its CSRF guard. */
const send = (method: string, body?: unknown, token?: string): RequestInit => ({
  method,
  headers: {
    ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    // The edit token goes in a header, never a cookie (DESIGN.md, "Security and privacy model").
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

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
    postComment: (comment) => call(`${base}/comments`, send('POST', comment)),
    editComment: (id, token, body) => call(`${base}/comments/${id}`, send('PATCH', { body }, token)),
    deleteComment: (id, token) => call(`${base}/comments/${id}`, send('DELETE', undefined, token)),
    likeComment: (id, reader, like) =>
      call(`${base}/comments/${id}/like`, send(like ? 'POST' : 'DELETE', { reader })),
    likePage: (page, reader, like) =>
      call(`${base}/threads/like`, send(like ? 'POST' : 'DELETE', { ...page, reader })),
    preview: (body) => call(`${base}/preview`, send('POST', { body })),
  };
};
