import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { AdminApp } from '../../widget/src/admin/app.tsx';
import type { SpamFigures } from '../../worker/types/api.ts';
import { adminComment, fakeAdmin, isolateAdminTests, json, signedIn } from './admin-fixtures.ts';

const figures = (overrides: Partial<SpamFigures['filter']> = {}): SpamFigures => ({
  days: [
    { date: '2026-11-29', published: 0, held: 0, spam: 0, reasons: {} },
    { date: '2026-11-30', published: 4, held: 2, spam: 1, reasons: { filter: 1, rules: 1, akismet: 1 } },
    { date: '2026-12-01', published: 3, held: 1, spam: 0, reasons: { moderation: 1 } },
  ],
  reasons: [
    { check: 'filter', held: 1, rejected: 0 },
    { check: 'akismet', held: 0, rejected: 1 },
  ],
  filter: {
    enabled: true,
    state: 'active',
    decisions: { ham: 40, spam: 22 },
    needed: 15,
    threshold: 0.9,
    held: { total: 5, approved: 1, spam: 3, pending: 1, deleted: 0 },
    precision: 0.75,
    missed: 2,
    ...overrides,
  },
});

const openSpam = async () => {
  signedIn();
  render(<AdminApp />);
  const nav = await screen.findByRole('navigation', { name: 'Sections' });
  fireEvent.click(within(nav).getByRole('button', { name: 'Spam' }));
};

isolateAdminTests();

describe('why a comment waits, in the queue', () => {
  it('says which check held it and why, and folds every check’s answer away', async () => {
    const held = adminComment({
      spam: {
        score: 0.97,
        reasons: [
          { check: 'rules', verdict: 'pass', detail: '0 links (limit 3), no blocked phrase' },
          { check: 'filter', verdict: 'hold', detail: 'p(spam) 0.97 ≥ 0.9; "casino"' },
        ],
      },
    });
    fakeAdmin({ 'GET /comments': () => json({ comments: [held], nextCursor: null }) });
    signedIn();
    render(<AdminApp home="queue" />);
    const reasons = await screen.findByTestId('spam-reasons');
    expect(reasons.querySelector('.spam-why')?.textContent).toBe(
      'Held by filter: p(spam) 0.97 ≥ 0.9; "casino"',
    );
    expect(within(reasons).getByText('Spam checks (score 0.97)')).toBeTruthy();
    expect(reasons.querySelectorAll('li')).toHaveLength(2);
    expect(reasons.querySelector('li')?.textContent).toBe(
      'rules passed: 0 links (limit 3), no blocked phrase',
    );
  });

  it('shows nothing for a comment no check screened', async () => {
    fakeAdmin({ 'GET /comments': () => json({ comments: [adminComment()], nextCursor: null }) });
    signedIn();
    render(<AdminApp home="queue" />);
    await screen.findByTestId('admin-comment');
    expect(screen.queryByTestId('spam-reasons')).toBeNull();
  });
});

describe('the Spam section', () => {
  it('shows the filter’s state and precision, and held vs published per day with the reasons', async () => {
    const seen = fakeAdmin({
      'GET /comments': () => json({ comments: [], nextCursor: null }),
      'GET /spam': () => json(figures()),
    });
    await openSpam();
    const filter = await screen.findByTestId('spam-filter');
    expect(filter.textContent).toContain(
      'The learning filter is active: trained on 40 approved comments and 22 spam',
    );
    expect(filter.textContent).toContain('3 of 4 were spam (precision 75 %)');
    expect(filter.textContent).toContain('1 held comment waits for you.');
    expect(filter.textContent).toContain('2 comments it let through, you marked as spam.');
    const rows = within(screen.getByTestId('spam-days')).getAllByRole('row');
    // The header, then the days that had comments, newest first.
    expect(rows).toHaveLength(3);
    expect(rows[1]?.textContent).toBe('2026-12-01310moderation 1');
    expect(rows[2]?.textContent).toBe('2026-11-30421filter 1, rules 1, akismet 1');
    expect(screen.getByTestId('spam-by-check').textContent).toContain('akismet: 0 held, 1 spam');
    expect(seen.find((r) => r.path === '/spam')?.query).toEqual({ days: '30' });
  });

  it('says the filter is still learning, and asks for another window', async () => {
    const seen = fakeAdmin({
      'GET /comments': () => json({ comments: [], nextCursor: null }),
      'GET /spam': () =>
        json(
          figures({
            state: 'learning',
            decisions: { ham: 12, spam: 3 },
            held: { total: 0, approved: 0, spam: 0, pending: 0, deleted: 0 },
            precision: null,
            missed: 0,
          }),
        ),
    });
    await openSpam();
    const filter = await screen.findByTestId('spam-filter');
    expect(filter.textContent).toContain('still learning');
    expect(filter.textContent).toContain('(so far 12 and 3)');
    expect(filter.textContent).toContain('You have not decided on any comment the filter held yet.');
    const week = screen.getByRole('button', { name: '7 days' });
    fireEvent.click(week);
    expect(week.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() =>
      expect(seen.filter((r) => r.path === '/spam').map((r) => r.query.days)).toEqual(['30', '7']),
    );
    await screen.findByTestId('spam-filter');
  });
});
