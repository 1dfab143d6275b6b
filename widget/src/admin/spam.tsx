/**
 * The Spam section (issue 14, item 6): what the learning filter knows and how often it was right on the
 * owner's later decisions, then held vs published per day and why, over a window of 7, 30 or 90 days
 * (GET /admin/spam).
 */
import { useEffect, useState } from 'preact/hooks';
import type { SpamFigures } from '../../../worker/types/api.ts';
import { useAdmin } from './context.ts';

export const SPAM_WINDOWS = [7, 30, 90] as const;

const FilterState = ({ filter }: { filter: SpamFigures['filter'] }) => {
  const { t } = useAdmin();
  const { ham, spam } = filter.decisions;
  const decided = filter.held.spam + filter.held.approved;
  return (
    <div class="spam-filter" data-testid="spam-filter">
      <p>
        {filter.state === 'off'
          ? t.spamFilterState.off
          : filter.state === 'learning'
            ? t.spamFilterState.learning(ham, spam, filter.needed)
            : t.spamFilterState.active(ham, spam, filter.threshold)}
      </p>
      {filter.state !== 'off' && (
        <ul>
          <li>{t.spamPrecision(filter.held.spam, decided, filter.precision)}</li>
          {filter.held.pending > 0 && <li>{t.spamPending(filter.held.pending)}</li>}
          {filter.missed > 0 && <li>{t.spamMissed(filter.missed)}</li>}
        </ul>
      )}
    </div>
  );
};

const reasonsText = (reasons: Record<string, number>): string =>
  Object.entries(reasons)
    .map(([check, n]) => `${check} ${n}`)
    .join(', ');

const Figures = ({ figures }: { figures: SpamFigures }) => {
  const { t } = useAdmin();
  // Newest first, and only days that had comments: a month of empty rows says nothing.
  const days = figures.days.filter((d) => d.published + d.held + d.spam > 0).reverse();
  return (
    <>
      <FilterState filter={figures.filter} />
      <h3>{t.spamByCheck}</h3>
      {figures.reasons.length === 0 ? (
        <p class="muted">{t.spamNone}</p>
      ) : (
        <ul data-testid="spam-by-check">
          {figures.reasons.map((r) => (
            <li key={r.check}>
              <strong>{r.check}</strong>: {r.held} {t.spamColumns.held.toLowerCase()}
              {r.rejected > 0 && `, ${r.rejected} ${t.spamColumns.spam.toLowerCase()}`}
            </li>
          ))}
        </ul>
      )}
      <h3>{t.spamByDay}</h3>
      <table class="spam-days" data-testid="spam-days">
        <thead>
          <tr>
            <th scope="col">{t.spamColumns.date}</th>
            <th scope="col">{t.spamColumns.published}</th>
            <th scope="col">{t.spamColumns.held}</th>
            <th scope="col">{t.spamColumns.spam}</th>
            <th scope="col">{t.spamColumns.reasons}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.date}>
              <th scope="row">{d.date}</th>
              <td>{d.published}</td>
              <td>{d.held}</td>
              <td>{d.spam}</td>
              <td>{reasonsText(d.reasons)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
};

export const Spam = () => {
  const { api, t, fail } = useAdmin();
  const [days, setDays] = useState<number>(30);
  const [figures, setFigures] = useState<SpamFigures | null>(null);
  useEffect(() => {
    let current = true;
    setFigures(null);
    void api.spam(days).then((result) => {
      if (!current) return;
      if (result.ok) setFigures(result.value);
      else fail(result.error);
    });
    // A window chosen while the previous one loads must not be overwritten by it.
    return () => {
      current = false;
    };
  }, [days]);
  return (
    <section aria-labelledby="spam-heading">
      <h2 id="spam-heading">{t.sections.spam}</h2>
      <fieldset class="switch" aria-label={t.spamWindow}>
        {SPAM_WINDOWS.map((n) => (
          <button key={n} type="button" aria-pressed={n === days} onClick={() => setDays(n)}>
            {t.spamDays(n)}
          </button>
        ))}
      </fieldset>
      {figures ? <Figures figures={figures} /> : <p class="muted">{t.loading}</p>}
    </section>
  );
};
