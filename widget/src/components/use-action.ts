/**
 * A button's action that runs in the extras (deleting a comment, loading more replies): busy while it runs,
 * then its failure, if any. One hook for both buttons, so the app carries this logic once.
 */
import { useState } from 'preact/hooks';
import type { Extras } from '../extras.ts';
import { type ApiError, offline } from '../http.ts';
import { loadExtras } from '../lazy.tsx';

/** What an action resolves to: its failure, or null (done), or undefined (the reader changed their mind). */
type Action = (extras: Extras) => Promise<ApiError | null | undefined>;

export const useAction = () => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (action: Action) => {
    if (busy) return; // a second click while the first is on its way
    setBusy(true);
    setError(null);
    // Extras that cannot load count as the network failing.
    const failure = await loadExtras().then(action, () => offline);
    setBusy(false);
    setError(failure ?? null);
  };
  return [busy, error, run] as const;
};
