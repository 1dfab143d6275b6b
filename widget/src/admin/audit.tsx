/** The audit log: every moderation action, newest first, who did what to which comment or thread. */

import type { AuditEntry } from '../../../worker/types/api.ts';
import { formatDateTime, useAdmin } from './context.ts';
import { usePaged } from './use-paged.ts';

export const AuditLog = () => {
  const { api, t, lang } = useAdmin();
  const log = usePaged(
    (cursor) => api.audit({ limit: 50, ...(cursor && { cursor }) }),
    (page): AuditEntry[] => page.entries,
  );
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t.auditHeading}</h2>
      <ol class="rows" aria-busy={log.loading}>
        {log.list.map((entry) => (
          <li key={entry.id} class="row" data-testid="audit-entry">
            <time dateTime={entry.at}>{formatDateTime(lang, entry.at)}</time>{' '}
            <strong>{t.auditActions[entry.action] ?? entry.action}</strong> <code>{entry.action}</code>{' '}
            <span class="muted">({entry.actor})</span>
            {entry.commentId && (
              <span>
                {' '}
                · {t.auditComment} <code>{entry.commentId}</code>
              </span>
            )}
            {entry.threadKey && (
              <span>
                {' '}
                · {t.auditThread} <code>{entry.threadKey}</code>
              </span>
            )}
            {Object.keys(entry.detail).length > 0 && (
              <code class="detail">{JSON.stringify(entry.detail)}</code>
            )}
          </li>
        ))}
      </ol>
      {log.loading && <p class="muted">{t.loading}</p>}
      {!log.loading && log.list.length === 0 && <p class="muted">{t.auditEmpty}</p>}
      {log.nextCursor && !log.loading && (
        <button type="button" onClick={log.loadMore}>
          {t.loadMore}
        </button>
      )}
    </section>
  );
};
