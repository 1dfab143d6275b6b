/**
 * The admin page's home: what happened over 7, 30 or 365 days (comments per day by status, likes), what
 * waits (the queue and the age of its oldest comment), how fast it is moderated (the median wait), and
 * where and who (the most active threads and commenters). Every figure comes from GET /admin/stats.
 */
import { useState } from 'preact/hooks';
import { type AdminStats, STATS_PERIODS, type StatsPeriod } from '../../../../worker/types/api.ts';
import { useAdmin } from '../context.ts';
import { BarChart, toBars } from './bar-chart.tsx';
import { formatDuration, formatNumber } from './format.ts';
import { TopAuthors, TopThreads } from './top-lists.tsx';
import { useStats } from './use-stats.ts';

const Figures = ({ stats, onOpenQueue }: { stats: AdminStats; onOpenQueue: () => void }) => {
  const { t, lang } = useAdmin();
  const d = t.dashboard;
  const waited = stats.oldestPendingAt
    ? formatDuration(lang, (Date.now() - Date.parse(stats.oldestPendingAt)) / 1000)
    : null;
  return (
    <dl class="figures">
      <div class="card">
        <dt>{d.pending}</dt>
        <dd>
          <strong class="figure">{formatNumber(lang, stats.pending)}</strong>{' '}
          {stats.pending > 0 && (
            <button type="button" class="link" onClick={onOpenQueue}>
              {d.openQueue}
            </button>
          )}
        </dd>
      </div>
      <div class="card">
        <dt>{d.oldestPending}</dt>
        <dd>
          <strong class="figure">{waited ?? '—'}</strong>
          {!waited && <span class="muted"> {d.nothingWaits}</span>}
        </dd>
      </div>
      <div class="card">
        <dt>{d.median}</dt>
        <dd>
          <strong class="figure">
            {stats.medianModerationSeconds === null
              ? '—'
              : formatDuration(lang, stats.medianModerationSeconds)}
          </strong>{' '}
          <span class="muted">{d.decisions(stats.decisions)}</span>
        </dd>
      </div>
      <div class="card">
        <dt>{d.likes}</dt>
        <dd>
          <strong class="figure">{formatNumber(lang, stats.likes.page + stats.likes.comment)}</strong>{' '}
          <span class="muted">{d.likesSplit(stats.likes.page, stats.likes.comment)}</span>
        </dd>
      </div>
    </dl>
  );
};

export const Dashboard = ({ onOpenQueue }: { onOpenQueue: () => void }) => {
  const { t } = useAdmin();
  const d = t.dashboard;
  const [period, setPeriod] = useState<StatsPeriod>(30);
  const { stats, loading } = useStats(period);
  const commentRows =
    stats?.days.map((day) => ({ date: day.date, values: [day.published, day.held, day.spam] })) ?? [];
  const likeRows =
    stats?.days.map((day) => ({ date: day.date, values: [day.pageLikes, day.commentLikes] })) ?? [];
  const caption = period > 60 ? d.perWeek(period) : d.perDay(period);
  return (
    <section aria-labelledby="dashboard-heading" aria-busy={loading}>
      <div class="bar">
        <h2 id="dashboard-heading">{t.sections.dashboard}</h2>
      </div>
      <fieldset class="switch" aria-label={d.period}>
        {STATS_PERIODS.map((days) => (
          <button key={days} type="button" aria-pressed={days === period} onClick={() => setPeriod(days)}>
            {d.lastDays(days)}
          </button>
        ))}
      </fieldset>
      {loading && !stats && <p class="muted">{t.loading}</p>}
      {stats && (
        <>
          <Figures stats={stats} onOpenQueue={onOpenQueue} />
          <BarChart
            id="chart-comments"
            title={d.commentsChart}
            caption={caption}
            series={[
              { label: d.published, pattern: 'solid' },
              { label: d.held, pattern: 'stripes' },
              { label: d.spam, pattern: 'dots' },
            ]}
            rows={commentRows}
            bars={toBars(commentRows)}
          />
          <BarChart
            id="chart-likes"
            title={d.likesChart}
            caption={caption}
            series={[
              { label: d.pageLikes, pattern: 'solid' },
              { label: d.commentLikes, pattern: 'stripes' },
            ]}
            rows={likeRows}
            bars={toBars(likeRows)}
          />
          <TopThreads threads={stats.topThreads} />
          <TopAuthors authors={stats.topAuthors} />
        </>
      )}
    </section>
  );
};
