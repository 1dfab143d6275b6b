/**
 * The reader API calls (API.md, "Reader endpoints"), plain functions of the deployment's `origin` (the
 * origin `embed.js` came from), so that unused ones stay out of a bundle. Each returns an `ApiResult`
 * (http.ts): callers handle failure by `code`, never by message text.
 */
import type { Comment, NewComment, SortOrder, ThreadPage } from '../../worker/types/api.ts';
import { bookmark, request, send } from './http.ts';

export interface ThreadQuery {
  url: string;
  id?: string;
  sort?: SortOrder;
  cursor?: string;
}

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

export const getThread = (origin: string, query: ThreadQuery, signal?: AbortSignal) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, bookmark })) if (value) params.set(key, value);
  // A plain GET with no custom header stays a "simple" CORS request: no preflight round trip.
  return request<ThreadPage>(`${origin}/api/v1/threads?${params}`, { signal });
};

export const likeComment = (origin: string, id: string, reader: string, like: boolean) =>
  request<Likes>(`${origin}/api/v1/comments/${id}/like`, send(like ? 'POST' : 'DELETE', { reader }));

export const likePage = (origin: string, page: PageRef, reader: string, like: boolean) =>
  request<Likes>(`${origin}/api/v1/threads/like`, send(like ? 'POST' : 'DELETE', { ...page, reader }));

// The calls only the extras make (lazy.tsx): plain functions, so the app's bundle leaves them out.

export const editComment = (origin: string, id: string, token: string, body: string) =>
  request<{ comment: Comment }>(`${origin}/api/v1/comments/${id}`, send('PATCH', { body }, token));

export const deleteComment = (origin: string, id: string, token: string) =>
  request<unknown>(`${origin}/api/v1/comments/${id}`, send('DELETE', undefined, token));

export const renderPreview = (origin: string, body: string) =>
  request<{ html: string }>(`${origin}/api/v1/preview`, send('POST', { body }));
