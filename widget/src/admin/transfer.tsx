/**
 * Export download (fetched with the token, saved through a Blob URL: a plain link could not send the
 * Authorization header) and import upload (the file itself as the body, typed by its format).
 */
import { useState } from 'preact/hooks';
import { IMPORT_FORMATS, type ImportFormat, type ImportResult } from '../../../worker/types/api.ts';
import { useAdmin } from './context.ts';

/** `causerie-export-2026-11-25.json`, dated in the owner's own time zone. */
export const exportName = (now = new Date()): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `causerie-export-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
};

const save = (blob: Blob, name: string) => {
  const href = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the file to the browser's download.
  setTimeout(() => URL.revokeObjectURL(href), 1000);
};

const Export = () => {
  const { api, t, announce, fail } = useAdmin();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    announce(t.exporting);
    const result = await api.exportFile();
    setBusy(false);
    if (!result.ok) return fail(result.error);
    const name = exportName();
    save(result.value, name);
    announce(t.exported(name));
  };
  return (
    <section aria-labelledby="export-heading" class="card">
      <h3 id="export-heading">{t.exportHeading}</h3>
      <p class="hint">{t.exportHint}</p>
      <button type="button" class="primary" disabled={busy} onClick={download}>
        {t.exportButton}
      </button>
    </section>
  );
};

const Import = () => {
  const { api, t, announce, fail } = useAdmin();
  const [format, setFormat] = useState<ImportFormat>('wxr');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<ImportResult | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) return fail({ code: 'bad_request', detail: t.importNoFile, fields: [] });
    setBusy(true);
    setSummary(null);
    announce(t.importing);
    const result = await api.importFile(format, file);
    setBusy(false);
    if (!result.ok) return fail(result.error);
    setSummary(result.value);
    announce(t.imported(result.value.threads, result.value.comments, result.value.skipped));
  };

  return (
    <section aria-labelledby="import-heading" class="card">
      <h3 id="import-heading">{t.importHeading}</h3>
      <form class="form" onSubmit={submit}>
        <div class="field">
          <label for="import-format">{t.importFormat}</label>
          <select
            id="import-format"
            value={format}
            onChange={(e) => setFormat(e.currentTarget.value as ImportFormat)}
          >
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t.importFormats[f]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="import-file">{t.importFile}</label>
          <input
            id="import-file"
            type="file"
            accept={
              format === 'wxr' || format === 'disqus'
                ? '.xml,application/xml'
                : // The peers' files end in .r42, .artrans, .gz…: no filter for them.
                  format === 'commento' || format === 'causerie'
                  ? '.json,application/json'
                  : undefined
            }
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t.importing : t.importButton}
        </button>
      </form>
      {summary && (
        <div class="summary" data-testid="import-summary">
          <p>{t.imported(summary.threads, summary.comments, summary.skipped)}</p>
          {summary.errors.length > 0 && (
            <>
              <h4>{t.importErrors}</h4>
              <ul>
                {summary.errors.map((error) => (
                  <li key={`${error.position}:${error.message}`}>
                    {t.importPosition(error.position)} {error.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
};

export const Transfer = () => {
  const { t } = useAdmin();
  return (
    <section aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{t.sections.transfer}</h2>
      <Export />
      <Import />
    </section>
  );
};
