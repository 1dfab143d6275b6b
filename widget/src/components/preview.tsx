/** The preview of a Markdown field: the server's rendering (POST /preview), in the form's `.preview` box. */
import { useEffect, useState } from 'preact/hooks';
import { renderPreview } from '../api.ts';
import type { ApiError } from '../http.ts';
import { _extraMessages } from '../i18n/extra.ts';
import type { Widget } from './widget.ts';

export const _Preview = ({ widget, body }: { widget: Widget; body: string }) => {
  const { t, _options } = widget;
  const m = _extraMessages(t.lang);
  // undefined while the server renders; an empty body previews as nothing without asking it.
  const [shown, setShown] = useState<{ html?: string; error?: ApiError } | undefined>(
    body.trim() ? undefined : {},
  );
  useEffect(() => {
    if (!shown)
      renderPreview(_options.origin, body).then((result) =>
        setShown(result.ok ? { html: result.value.html } : { error: result.error }),
      );
  }, []);
  const { error, html } = shown ?? {};
  return error ? (
    <p class="error">{error.code === 'network' ? t.m.errors.network : m.errors[error.code]}</p>
  ) : !shown ? (
    <p class="muted">{t.m._loadingMore}</p>
  ) : html ? (
    // The server's rendering, safe by the same contract as a comment's HTML.
    <div class="body" dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <p class="muted">{m._previewEmpty}</p>
  );
};
