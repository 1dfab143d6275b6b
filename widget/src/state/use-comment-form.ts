/**
 * The comment form's behaviour: the draft saved as the reader types, the remembered identity, the
 * idempotent submit and its errors. The form component only renders what this returns; the posting itself
 * is in the extras (state/post-comment.ts), loaded on the first submit.
 */

import { nanoid } from 'nanoid';
import { useState } from 'preact/hooks';
import type { Comment } from '../../../worker/types/api.ts';
import { type ApiError, offline } from '../http.ts';
import { loadExtras } from '../lazy.tsx';
import type { WidgetOptions } from '../options.ts';
import { draftKey, type Identity, loadDraft, loadIdentity, saveDraft, saveIdentity } from '../storage.ts';

export interface CommentFormInput {
  options: WidgetOptions;
  parentId: string | null;
  onPosted: (comment: Comment) => void;
}

export const useCommentForm = ({ options, parentId, onPosted }: CommentFormInput) => {
  const key = draftKey(options.id ?? options.url, parentId);
  // One clientId per draft, kept across failed attempts (and reloads) so a retry can never post twice.
  const [draft, setDraft] = useState(() => loadDraft(key) ?? { body: '', clientId: nanoid() });
  const [identity, setIdentity] = useState(loadIdentity);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const setBody = (body: string) => {
    const next = { ...draft, body };
    setDraft(next);
    saveDraft(key, body ? next : undefined);
  };

  const setField = (field: keyof Identity, value: string) => setIdentity((i) => ({ ...i, [field]: value }));

  /** `honeypot`: the hidden `website2` field, which only bots fill in. */
  const submit = async (honeypot: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    saveIdentity(identity);
    const result = await loadExtras().then(
      (x) => x.postComment({ options, parentId, draft, identity, honeypot }),
      () => ({ ok: false, error: offline }) as const,
    );
    setBusy(false);
    if (!result.ok) return setError(result.error);
    saveDraft(key, undefined);
    setDraft({ body: '', clientId: nanoid() });
    onPosted(result.value);
  };

  return { body: draft.body, clientId: draft.clientId, identity, busy, error, setBody, setField, submit };
};
