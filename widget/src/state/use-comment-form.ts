/**
 * The comment form's behaviour, in the extras with the full form (components/full-form.tsx): the draft
 * saved as the reader types, the remembered identity, the idempotent submit and its errors. The form
 * component only renders what this returns.
 */

import { useState } from 'preact/hooks';
import type { Comment } from '../../../worker/types/api.ts';
import type { ApiError } from '../http.ts';
import type { WidgetOptions } from '../options.ts';
import { randomId } from '../random-id.ts';
import {
  type Draft,
  draftKey,
  type Identity,
  loadDraft,
  loadIdentity,
  saveDraft,
  saveIdentity,
} from '../storage.ts';
import { _postComment } from './post-comment.ts';

export interface CommentFormInput {
  _options: WidgetOptions;
  parentId: string | null;
  _onPosted: (comment: Comment) => void;
}

export const useCommentForm = ({ _options, parentId, _onPosted }: CommentFormInput) => {
  const key = draftKey(_options.id ?? _options.url, parentId);
  // One clientId per draft, kept across failed attempts (and reloads) so a retry can never post twice.
  const [_draft, setDraft] = useState((): Draft => {
    const saved = loadDraft(key);
    if (saved?.clientId) return saved as Draft;
    // Written by the app's form alone (the reader typed before the extras were in): its clientId now.
    const draft = { body: saved?.body ?? '', clientId: randomId() };
    if (saved) saveDraft(key, draft);
    return draft;
  });
  const [_identity, setIdentity] = useState(loadIdentity);
  const [_busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const _setBody = (body: string) => {
    const next = { ..._draft, body };
    setDraft(next);
    saveDraft(key, body ? next : undefined);
  };

  const _setField = (field: keyof Identity, value: string) => setIdentity((i) => ({ ...i, [field]: value }));

  /** `honeypot`: the hidden `website2` field, which only bots fill in. */
  const _submit = async (honeypot: string) => {
    if (_busy) return;
    setBusy(true);
    setError(null);
    saveIdentity(_identity);
    const result = await _postComment({ _options, parentId, _draft, _identity, _honeypot: honeypot });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    saveDraft(key, undefined);
    setDraft({ body: '', clientId: randomId() });
    _onPosted(result.value);
  };

  return {
    body: _draft.body,
    clientId: _draft.clientId,
    _identity,
    _busy,
    error,
    _setBody,
    _setField,
    _submit,
  };
};
