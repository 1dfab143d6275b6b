/**
 * The reader API calls (API.md, "Reader endpoints"), plain functions of the deployment's `origin` (the
 * origin `embed.js` came from), so that unused ones stay out of a bundle. Each returns an `ApiResult`
 * (http.ts): callers handle failure by `code`, never by message text.
 */
import type { Comment, NewComment, RepliesPage, ThreadPage } from '../../worker/types/api.ts';
import { request, send } from './http.ts';
import { search, type ThreadQuery, threadUrl } from './thread-url.ts';

export type { ThreadQuery } from './thread-url.ts';

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

// A plain GET with no custom header stays a "simple" CORS request: no preflight round trip.
export const getThread = (origin: string, query: ThreadQuery, signal?: AbortSignal) =>
  request<ThreadPage>(threadUrl(origin, query), { signal });

/**
 * Likes or unlikes what `url` names (`/comments/:id/like`, `/threads/like` with the page in `body`). Sent
 * by the extras (state/toggle-like.ts): the app only says where, so `send` stays out of its bundle.
 */
export const sendLike = (url: string, body: object, reader: string, like: boolean) =>
  request<Likes>(url, send(like ? 'POST' : 'DELETE', { ...body, reader }));

export const likeUrl = (origin: string, commentId?: string) =>
  `${origin}/api/v1/${commentId ? `comments/${commentId}` : 'threads'}/like`;

export const likeComment = (origin: string, id: string, reader: string, like: boolean) =>
  sendLike(likeUrl(origin, id), {}, reader, like);

export const likePage = (origin: string, page: PageRef, reader: string, like: boolean) =>
  sendLike(likeUrl(origin), page, reader, like);

// The calls only the extras make (lazy.tsx): plain functions, so the app's bundle leaves them out.

export const editComment = (origin: string, id: string, token: string, body: string) =>
  request<{ comment: Comment }>(`${origin}/api/v1/comments/${id}`, send('PATCH', { body }, token));

export const deleteComment = (origin: string, id: string, token: string) =>
  request<unknown>(`${origin}/api/v1/comments/${id}`, send('DELETE', undefined, token));

/** `root`: a root comment's id; `cursor`: its `replies.more`, then each answer's `nextCursor`. */
export interface RepliesQuery extends PageRef {
  root: string;
  cursor?: string;
}

export const getReplies = (origin: string, query: RepliesQuery) =>
  request<RepliesPage>(`${origin}/api/v1/threads/replies?${search(query)}`, {});

export const renderPreview = (origin: string, body: string) =>
  request<{ html: string }>(`${origin}/api/v1/preview`, send('POST', { body }));
