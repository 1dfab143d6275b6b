/** Posting a comment (part of the extras: only writers need it), with the edit token kept for later. */

import { nanoid } from 'nanoid';
import type { Comment, CreatedComment, NewComment } from '../../../worker/types/api.ts';
import type { NewCommentInput } from '../api.ts';
import { type ApiResult, request, send } from '../http.ts';
import type { WidgetOptions } from '../options.ts';
import { type Draft, type Identity, readerId, saveEditToken } from '../storage.ts';

/** Only the fields the reader filled in: the API treats a missing field and an empty one differently. */
const authorOf = (identity: Identity): NewComment['author'] => {
  const author: NonNullable<NewComment['author']> = {};
  for (const field of ['name', 'email', 'website'] as const) {
    const value = identity[field].trim();
    if (value) author[field] = value;
  }
  return Object.keys(author).length ? author : undefined;
};

export interface Post {
  options: WidgetOptions;
  parentId: string | null;
  draft: Draft;
  identity: Identity;
  /** The hidden `website2` field, which only bots fill in; sent only then, for the server to judge. */
  honeypot: string;
}

export const postComment = async ({
  options,
  parentId,
  draft,
  identity,
  honeypot,
}: Post): Promise<ApiResult<Comment>> => {
  const author = authorOf(identity);
  const payload: NewCommentInput = {
    url: options.url,
    ...(options.id ? { id: options.id } : {}),
    title: options.title,
    ...(parentId ? { parentId } : {}),
    body: draft.body,
    ...(author ? { author } : {}),
    clientId: draft.clientId,
    // Rate limits and bans are per reader too (worker/lib/schemas.ts).
    reader: readerId(nanoid),
    ...(honeypot ? { website2: honeypot } : {}),
  };
  const result = await request<CreatedComment>(`${options.origin}/api/v1/comments`, send('POST', payload));
  if (!result.ok) return result;
  saveEditToken(result.value, draft.body);
  return { ok: true, value: result.value.comment };
};
