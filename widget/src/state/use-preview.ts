/** The write/preview switch of a Markdown field: the preview is the server's rendering (POST /preview). */
import { useState } from 'preact/hooks';
import type { Api, ApiError } from '../api.ts';

export const usePreview = (api: Api) => {
  const [state, setState] = useState<{ on: boolean; html: string; busy: boolean; error: ApiError | null }>({
    on: false,
    html: '',
    busy: false,
    error: null,
  });
  return {
    ...state,
    write: () => setState((s) => ({ ...s, on: false })),
    /** Renders `body`; an empty body previews as nothing without asking the server. */
    preview: async (body: string) => {
      if (!body.trim()) return setState({ on: true, html: '', busy: false, error: null });
      setState((s) => ({ ...s, on: true, busy: true, error: null }));
      const result = await api.preview(body);
      setState(
        result.ok
          ? { on: true, html: result.value.html, busy: false, error: null }
          : { on: true, html: '', busy: false, error: result.error },
      );
    },
  };
};
