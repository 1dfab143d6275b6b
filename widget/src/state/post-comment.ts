/** Posting a comment (part of the extras: only writers need it), with the edit token kept for later. */

import type { Comment, CreatedComment, NewComment } from '../../../worker/types/api.ts';
import type { NewCommentInput } from '../api.ts';
import { signInOffered } from '../auth/offered.ts';
import { _challengeToken, _resetChallenge } from '../challenge/challenge.tsx';
import { type ApiResult, request, send } from '../http.ts';
import type { WidgetOptions } from '../options.ts';
import { randomId } from '../random-id.ts';
import { type Draft, type Identity, loadSession, readerId, saveEditToken, saveSession } from '../storage.ts';

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
  const { origin } = _options;
  // Signed in: the server takes the verified name, so the guest fields (hidden then) are not sent.
  const session = signInOffered(origin) ? loadSession(origin) : undefined;
  const author = session ? undefined : authorOf(_identity);
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
    reader: readerId(randomId),
    ...(_honeypot ? { website2: _honeypot } : {}),
    ...(challengeToken ? { challengeToken } : {}),
  };
  const result = await request<CreatedComment>(
    `${origin}/api/v1/comments`,
    send('POST', payload, session?.token),
  );
  // Spent or refused either way; the draft stays in the form when the post failed (use-comment-form.ts).
  if (challengeToken) _resetChallenge(formKey);
  if (!result.ok) {
    if (!session || result.error.code !== 'unauthorized') return result;
    // The session expired or was revoked: forget it (the sign-in box shows the reader signed out), keep
    // the draft (the form does), and say what to do.
    saveSession(origin, undefined);
    return { ok: false, error: { code: 'sign_in_required', fields: [] } };
  }
  saveEditToken(result.value, _draft.body);
  return { ok: true, value: result.value.comment };
};
