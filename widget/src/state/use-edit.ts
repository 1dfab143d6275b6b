/** Editing and deleting one's own comment with the edit token kept when it was posted. */
import { useState } from 'preact/hooks';
import type { Comment } from '../../../worker/types/api.ts';
import type { Api, ApiError } from '../api.ts';
import { loadEditToken, updateEditToken } from '../storage.ts';

/** `onDone(null)` after a delete, `onDone(comment)` after an edit. */
export const useEdit = (api: Api, comment: Comment, onDone: (comment: Comment | null) => void) => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Read at render: the window closes by itself, and the buttons go with it on the next render.
  const token = comment.status === 'deleted' ? undefined : loadEditToken(comment.id);

  const run = async <T>(
    call: (token: string) => Promise<{ ok: true; value: T } | { ok: false; error: ApiError }>,
  ) => {
    if (!token || busy) return undefined;
    setBusy(true);
    setError(null);
    const result = await call(token.editToken);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return undefined;
    }
    return result.value;
  };

  return {
    /** Whether this reader may edit or delete it now. */
    editable: !!token,
    /** The Markdown the reader typed (the API only returns HTML). */
    source: token?.body ?? '',
    busy,
    error,
    clearError: () => setError(null),
    save: async (body: string) => {
      const value = await run((t) => api.editComment(comment.id, t, body));
      if (!value) return false;
      updateEditToken(comment.id, body);
      onDone(value.comment);
      return true;
    },
    remove: async () => {
      const done = await run((t) => api.deleteComment(comment.id, t));
      if (done === undefined) return false;
      updateEditToken(comment.id, undefined);
      onDone(null);
      return true;
    },
  };
};
