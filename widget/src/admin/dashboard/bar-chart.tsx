/**
 * A stacked bar chart drawn by hand in SVG (no chart library: the dashboard needs bars and nothing else,
 * and the smallest maintained libraries weigh more than this whole page). Readable without colour: each
 * series has a fill pattern of its own (solid, stripes, dots) shown in the legend beside its total, the
 * SVG carries a text summary, and a switch turns the chart into a table of every value.
 */
import { useState } from 'preact/hooks';
import { useAdmin } from '../context.ts';
import { formatDay, formatNumber } from './format.ts';

export type Pattern = 'solid' | 'stripes' | 'dots';

export interface Series {
  label: string;
  pattern: Pattern;
}

export interface Bar {
  /** `YYYY-MM-DD`: the day, or the first day of the week the bar sums. */
  date: string;
  values: number[];
}

interface Props {
  /** The id prefix of the heading and the patterns (unique on the page). */
  id: string;
  title: string;
  /** Says what a bar is ("per day", "per week"). */
  caption: string;
  series: Series[];
  /** What the table shows: every day. */
  rows: Bar[];
  /** What the chart draws: the rows, or weeks of them when there are too many for a bar each. */
  bars: Bar[];
}

const WIDTH = 720;
const HEIGHT = 180;

const PatternDef = ({ id, pattern }: { id: string; pattern: Pattern }) => {
  if (pattern === 'solid') {
    return (
      <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect class="ink" width="8" height="8" />
      </pattern>
    );
  }
  if (pattern === 'stripes') {
    return (
      <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect class="paper" width="8" height="8" />
        <rect class="ink" width="4" height="8" />
      </pattern>
    );
  }
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse">
      <rect class="paper" width="6" height="6" />
      <circle class="ink" cx="3" cy="3" r="1.6" />
    </pattern>
  );
};

const Swatch = ({ id, pattern }: { id: string; pattern: Pattern }) => (
  <svg class="swatch" width="16" height="16" aria-hidden="true">
    <defs>
      <PatternDef id={id} pattern={pattern} />
    </defs>
    <rect x="0.5" y="0.5" width="15" height="15" fill={`url(#${id})`} class="outline" />
  </svg>
);

export const BarChart = ({ id, title, caption, series, rows, bars }: Props) => {
  const { t, lang } = useAdmin();
  const [table, setTable] = useState(false);
  const totals = series.map((_, index) => rows.reduce((sum, row) => sum + (row.values[index] ?? 0), 0));
  const max = Math.max(1, ...bars.map((bar) => bar.values.reduce((sum, n) => sum + n, 0)));
  const step = WIDTH / Math.max(1, bars.length);
  const gap = Math.min(2, step / 4);
  const summary = `${title}, ${caption}: ${series
    .map((s, index) => `${s.label} ${formatNumber(lang, totals[index] ?? 0)}`)
    .join(', ')}`;

  return (
    <section class="chart card" aria-labelledby={`${id}-title`}>
      <div class="bar">
        <h3 id={`${id}-title`}>{title}</h3>
        <button type="button" aria-pressed={table} onClick={() => setTable(!table)}>
          {t.dashboard.tableView}
        </button>
      </div>
      <ul class="legend">
        {series.map((s, index) => (
          <li key={s.label}>
            <Swatch id={`${id}-swatch-${index}`} pattern={s.pattern} /> {s.label}{' '}
            <strong>{formatNumber(lang, totals[index] ?? 0)}</strong>
          </li>
        ))}
      </ul>
      {table ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a keyboard must reach a scrolling table to scroll it (axe: scrollable-region-focusable)
        <section class="scroll" tabIndex={0} aria-label={`${title}, ${caption}`}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.dashboard.day}</th>
                {series.map((s) => (
                  <th key={s.label} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.date}>
                  <th scope="row">
                    <time dateTime={row.date}>{formatDay(lang, row.date, true)}</time>
                  </th>
                  {row.values.map((value, index) => (
                    <td key={series[index]?.label}>{formatNumber(lang, value)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : (
        <figure>
          <div class="plot">
            <span class="muted axis-max">{formatNumber(lang, max)}</span>
            <svg
              viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
              role="img"
              aria-label={summary}
              preserveAspectRatio="none"
            >
              <defs>
                {series.map((s, index) => (
                  <PatternDef key={s.label} id={`${id}-fill-${index}`} pattern={s.pattern} />
                ))}
              </defs>
              <line class="axis" x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} />
              {bars.map((bar, i) => {
                let top = HEIGHT;
                return (
                  <g key={bar.date}>
                    {bar.values.map((value, index) => {
                      if (value === 0) return null;
                      const height = (value / max) * HEIGHT;
                      top -= height;
                      return (
                        <rect
                          key={series[index]?.label}
                          x={i * step + gap / 2}
                          y={top}
                          width={Math.max(1, step - gap)}
                          height={height}
                          fill={`url(#${id}-fill-${index})`}
                          class="outline"
                        />
                      );
                    })}
                  </g>
                );
              })}
            </svg>
          </div>
          <figcaption class="muted axis-dates">
            <span>{bars[0] && formatDay(lang, bars[0].date)}</span>
            <span>{caption}</span>
            <span>{rows.at(-1) && formatDay(lang, rows.at(-1)?.date ?? '')}</span>
          </figcaption>
        </figure>
      )}
    </section>
  );
};

/** A bar per day up to 60 days; beyond, a bar per 7 days (a year of day bars would be 2 px wide). */
export const toBars = (rows: Bar[]): Bar[] => {
  if (rows.length <= 60) return rows;
  const weeks: Bar[] = [];
  for (let i = 0; i < rows.length; i += 7) {
    const week = rows.slice(i, i + 7);
    weeks.push({
      date: week[0]?.date ?? '',
      values: (week[0]?.values ?? []).map((_, index) =>
        week.reduce((sum, row) => sum + (row.values[index] ?? 0), 0),
      ),
    });
  }
  return weeks;
};
