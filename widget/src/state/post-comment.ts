/** Posting a comment (part of the extras: only writers need it), with the edit token kept for later. */

import { nanoid } from 'nanoid';
import type { Comment, CreatedComment, NewComment } from '../../../worker/types/api.ts';
import type { NewCommentInput } from '../api.ts';
import { _challengeToken, _resetChallenge } from '../challenge/challenge.tsx';
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
  _options: WidgetOptions;
  parentId: string | null;
  _draft: Draft;
  _identity: Identity;
  /** The hidden `website2` field, which only bots fill in; sent only then, for the server to judge. */
  _honeypot: string;
}

export const _postComment = async ({
  _options,
  parentId,
  _draft,
  _identity,
  _honeypot,
}: Post): Promise<ApiResult<Comment>> => {
  const author = authorOf(_identity);
  const formKey = parentId ?? '';
  const waiting = _challengeToken(formKey);
  // No await without a challenge: the post leaves in the same tick as the click.
  const challengeToken = waiting && (await waiting);
  const payload: NewCommentInput = {
    url: _options.url,
    ...(_options.id ? { id: _options.id } : {}),
    title: _options.title,
    ...(parentId ? { parentId } : {}),
    body: _draft.body,
    ...(author ? { author } : {}),
    clientId: _draft.clientId,
    // Rate limits and bans are per reader too (worker/lib/schemas.ts).
    reader: readerId(nanoid),
    ...(_honeypot ? { website2: _honeypot } : {}),
    ...(challengeToken ? { challengeToken } : {}),
  };
  const result = await request<CreatedComment>(`${_options.origin}/api/v1/comments`, send('POST', payload));
  // Spent or refused either way; the draft stays in the form when the post failed (use-comment-form.ts).
  if (challengeToken) _resetChallenge(formKey);
  if (!result.ok) return result;
  saveEditToken(result.value, _draft.body);
  return { ok: true, value: result.value.comment };
};
