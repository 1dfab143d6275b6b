/**
 * The mail log: every e-mail the worker sent, lost after its retries, held back over the daily cap or
 * folded into a digest, newest first. "Failed" sits right after "All" because it is the view the owner
 * comes for: what never reached a reader.
 */
import { useState } from 'preact/hooks';
import type { MailEntry } from '../../../worker/types/api.ts';
import { formatDateTime, useAdmin } from './context.ts';
import { usePaged } from './use-paged.ts';

export const MAIL_FILTERS = ['all', 'failed', 'sent', 'capped', 'queued', 'digested'] as const;
export type MailFilter = (typeof MAIL_FILTERS)[number];

/** One filter's list; keyed by the filter, so a new filter starts again from its first page. */
const MailList = ({ status }: { status: MailFilter }) => {
  const { api, t, lang } = useAdmin();
  const log = usePaged(
    (cursor) => api.mail({ status, limit: 50, ...(cursor && { cursor }) }),
    (page): MailEntry[] => page.mail,
  );
  return (
    <>
      <ol class="rows" aria-busy={log.loading}>
        {log.list.map((entry) => (
          <li key={entry.id} class="row mail" data-testid="mail-entry">
            <div class="meta">
              <time dateTime={entry.at}>{formatDateTime(lang, entry.at)}</time>
              <strong>{t.mailKinds[entry.kind] ?? entry.kind}</strong>
              <span>
                {t.mailTo} <code>{entry.to}</code>
              </span>
              <span class={`badge mail-${entry.status}`}>{t.mailStatus[entry.status]}</span>
              <span class="muted">
                {t.mailAttempts(entry.attempts)} · {t.mailVia(entry.transport)}
              </span>
            </div>
            <p class="subject">{entry.subject}</p>
            {entry.error && <p class="error">{entry.error}</p>}
          </li>
        ))}
      </ol>
      {log.loading && <p class="muted">{t.loading}</p>}
      {!log.loading && log.list.length === 0 && <p class="muted">{t.mailEmpty(status)}</p>}
      {log.nextCursor && !log.loading && (
        <button type="button" onClick={log.loadMore}>
          {t.loadMore}
        </button>
      )}
    </>
  );
};

export const MailLog = () => {
  const { t } = useAdmin();
  const [status, setStatus] = useState<MailFilter>('all');
  return (
    <section aria-labelledby="mail-heading">
      <h2 id="mail-heading">{t.sections.mail}</h2>
      <fieldset class="switch" aria-label={t.mailFilter}>
        {MAIL_FILTERS.map((s) => (
          <button key={s} type="button" aria-pressed={s === status} onClick={() => setStatus(s)}>
            {t.mailStatus[s]}
          </button>
        ))}
      </fieldset>
      <MailList key={status} status={status} />
    </section>
  );
};
