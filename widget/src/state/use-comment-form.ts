/**
 * The comment form's behaviour: the draft saved as the reader types, the remembered identity, the
 * idempotent submit and its errors. The form component only renders what this returns.
 */
import { useState } from 'preact/hooks';
import type { Comment, NewComment } from '../../../worker/types/api.ts';
import type { Api, ApiError, NewCommentInput } from '../api.ts';
import { newClientId } from '../client-id.ts';
import type { WidgetOptions } from '../options.ts';
import {
  draftKey,
  type Identity,
  loadDraft,
  loadIdentity,
  readerId,
  saveDraft,
  saveEditToken,
  saveIdentity,
} from '../storage.ts';

export interface CommentFormInput {
  api: Api;
  options: WidgetOptions;
  parentId: string | null;
  onPosted: (comment: Comment) => void;
}

/** Only the fields the reader filled in: the API treats a missing field and an empty one differently. */
const authorOf = (identity: Identity): NewComment['author'] => {
  const author: NonNullable<NewComment['author']> = {};
  for (const field of ['name', 'email', 'website'] as const) {
    const value = identity[field].trim();
    if (value) author[field] = value;
  }
  return Object.keys(author).length ? author : undefined;
};

export const useCommentForm = ({ api, options, parentId, onPosted }: CommentFormInput) => {
  const key = draftKey(options.id ?? options.url, parentId);
  // One clientId per draft, kept across failed attempts (and reloads) so a retry can never post twice.
  const [draft, setDraft] = useState(() => loadDraft(key) ?? { body: '', clientId: newClientId() });
  const [identity, setIdentity] = useState(loadIdentity);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const setBody = (body: string) => {
    const next = { ...draft, body };
    setDraft(next);
    saveDraft(key, body ? next : undefined);
  };

  const setField = (field: keyof Identity, value: string) => setIdentity((i) => ({ ...i, [field]: value }));

  /** `honeypot`: the hidden `website2` field, which only bots fill in; sent only then, for the server to judge. */
  const submit = async (honeypot: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    saveIdentity(identity);
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
      reader: readerId(newClientId),
      ...(honeypot ? { website2: honeypot } : {}),
    };
    const result = await api.postComment(payload);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    saveEditToken(result.value, draft.body);
    saveDraft(key, undefined);
    setDraft({ body: '', clientId: newClientId() });
    onPosted(result.value.comment);
  };

  return { body: draft.body, clientId: draft.clientId, identity, busy, error, setBody, setField, submit };
};
