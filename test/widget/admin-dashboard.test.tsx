/**
 * The admin page's home: the dashboard's figures from GET /admin/stats, its charts (drawn, labelled
 * without colour, each with a table of every value) and its period switch.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { AdminApp } from '../../widget/src/admin/app.tsx';
import { toBars } from '../../widget/src/admin/dashboard/bar-chart.tsx';
import { formatDuration } from '../../widget/src/admin/dashboard/format.ts';
import type { AdminStats, StatsDay } from '../../worker/types/api.ts';
import { fakeAdmin, isolateAdminTests, json, signedIn } from './admin-fixtures.ts';

const day = (date: string, counts: Partial<StatsDay> = {}): StatsDay => ({
  date,
  published: 0,
  held: 0,
  spam: 0,
  pageLikes: 0,
  commentLikes: 0,
  ...counts,
});

/** `n` days ending 2026-12-01, with the given counts on some of them. */
const days = (n: number, counts: Record<string, Partial<StatsDay>> = {}): StatsDay[] =>
  Array.from({ length: n }, (_, i) => {
    const date = new Date(Date.UTC(2026, 11, 1) - (n - 1 - i) * 86_400_000).toISOString().slice(0, 10);
    return day(date, counts[date]);
  });

const stats = (period: number): AdminStats => ({
  days: days(period, {
    '2026-11-29': { published: 4, held: 1, spam: 2 },
    '2026-12-01': { published: 3, pageLikes: 5, commentLikes: 2 },
  }),
  pending: 3,
  oldestPendingAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
  medianModerationSeconds: 750,
  decisions: 12,
  topThreads: [
    {
      key: 'https://blog.example/a',
      url: 'https://blog.example/a',
      title: 'Un billet',
      published: 7,
      held: 1,
      spam: 2,
      likes: 7,
    },
  ],
  topAuthors: [
    { name: 'Alice', comments: 4, verified: true },
    { name: 'Bob', comments: 2, verified: false },
  ],
  likes: { page: 5, comment: 2 },
});

const open = (routes = {}) => {
  const seen = fakeAdmin({
    'GET /stats': ({ query }) => json(stats(Number(query.days))),
    ...routes,
  });
  signedIn();
  render(<AdminApp />);
  return seen;
};

isolateAdminTests();

describe('the dashboard', () => {
  it('is the home: the last 30 days, the queue, its oldest item’s age and the median time to moderate', async () => {
    const seen = open();
    await screen.findByRole('heading', { name: 'Dashboard', level: 2 });
    expect(screen.getByRole('button', { name: 'Dashboard' }).getAttribute('aria-current')).toBe('page');
    await screen.findByText('Waiting for moderation');
    expect(seen.filter((r) => r.path === '/stats').map((r) => r.query)).toEqual([{ days: '30' }]);
    const figures = (label: string) =>
      screen.getByText(label, { selector: 'dt' }).closest('div')?.textContent ?? '';
    expect(figures('Waiting for moderation')).toContain('3');
    expect(figures('Oldest waiting for')).toContain('2 hours');
    expect(figures('Median time to moderate')).toContain('13 minutes');
    expect(figures('Median time to moderate')).toContain('from 12 decisions in the period');
    expect(figures('Likes')).toContain('7');
    expect(screen.getByRole('button', { name: 'Last 30 days' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('draws a bar segment per non-zero value, each series with its own pattern, and says the totals in text', async () => {
    open();
    const chart = await screen.findByRole('region', { name: 'Comments' });
    const svg = within(chart).getByRole('img');
    expect(svg.getAttribute('aria-label')).toBe(
      'Comments, per day, last 30 days: Published 7, Held 1, Spam 2',
    );
    // 29 Nov: published, held, spam; 1 Dec: published: four segments, three patterns.
    const fills = [...svg.querySelectorAll('rect[fill]')].map((r) => r.getAttribute('fill'));
    expect(fills).toEqual([
      'url(#chart-comments-fill-0)',
      'url(#chart-comments-fill-1)',
      'url(#chart-comments-fill-2)',
      'url(#chart-comments-fill-0)',
    ]);
    expect(svg.querySelectorAll('pattern')).toHaveLength(3);
    const legend = within(chart)
      .getAllByRole('listitem')
      .map((li) => li.textContent?.trim());
    expect(legend).toEqual(['Published 7', 'Held 1', 'Spam 2']);
  });

  it('turns each chart into a table of every day', async () => {
    open();
    const chart = await screen.findByRole('region', { name: 'Comments' });
    const toggle = within(chart).getByRole('button', { name: 'Table view' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const table = within(chart).getByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(31);
    expect(
      within(rows[0] as HTMLElement)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Day', 'Published', 'Held', 'Spam']);
    const nov29 = rows.find((row) => row.querySelector('time')?.getAttribute('datetime') === '2026-11-29');
    expect([...(nov29?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual(['4', '1', '2']);
    expect(within(chart).queryByRole('img')).toBeNull();

    const likes = screen.getByRole('region', { name: 'Likes given' });
    fireEvent.click(within(likes).getByRole('button', { name: 'Table view' }));
    const last = within(within(likes).getByRole('table')).getAllByRole('row').at(-1);
    expect([...(last?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual(['5', '2']);
  });

  it('lists the most active threads and commenters', async () => {
    open();
    const [thread] = await screen.findAllByTestId('top-thread');
    expect(
      within(thread as HTMLElement)
        .getByRole('link', { name: 'Un billet' })
        .getAttribute('href'),
    ).toBe('https://blog.example/a');
    expect([...(thread?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual(['7', '1', '7']);
    const authors = screen.getAllByTestId('top-author').map((row) => row.textContent);
    expect(authors).toEqual(['Alice Signed in4', 'Bob 2']);
  });

  it('reloads for another period, and sums a year’s bars by week (the table keeps every day)', async () => {
    const seen = open();
    await screen.findByText('Waiting for moderation');
    fireEvent.click(screen.getByRole('button', { name: 'Last 365 days' }));
    await waitFor(() =>
      expect(seen.filter((r) => r.path === '/stats').at(-1)?.query).toEqual({ days: '365' }),
    );
    const chart = await screen.findByRole('region', { name: 'Comments' });
    await waitFor(() =>
      expect(within(chart).getByRole('img').getAttribute('aria-label')).toContain('per week, last 365 days'),
    );
    fireEvent.click(within(chart).getByRole('button', { name: 'Table view' }));
    expect(within(within(chart).getByRole('table')).getAllByRole('row')).toHaveLength(366);
  });

  it('opens the queue from the pending figure', async () => {
    open({ 'GET /comments': () => json({ comments: [], nextCursor: null }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Open the queue' }));
    expect(await screen.findByRole('heading', { name: 'Comments', level: 2 })).toBeTruthy();
  });
});

describe('the dashboard’s helpers', () => {
  it('sums bars by 7 days past 60 days, oldest week first', () => {
    const rows = days(365).map((d, i) => ({ date: d.date, values: [i % 2, 1] }));
    const bars = toBars(rows);
    expect(bars).toHaveLength(53);
    expect(bars[0]).toEqual({ date: rows[0]?.date, values: [3, 7] });
    expect(bars.at(-1)?.values).toEqual([0, 1]);
    expect(bars.reduce((sum, bar) => sum + (bar.values[1] ?? 0), 0)).toBe(365);
    expect(toBars(rows.slice(0, 30))).toHaveLength(30);
  });

  it('writes durations in the page’s language with a unit that fits', () => {
    expect(formatDuration('en', 45)).toBe('45 seconds');
    expect(formatDuration('en', 750)).toBe('13 minutes');
    // French puts a no-break space between the number and its unit.
    expect(formatDuration('fr', 7200)).toBe('2\u00a0heures');
    expect(formatDuration('fr', 3 * 86_400)).toBe('3\u00a0jours');
  });
});
