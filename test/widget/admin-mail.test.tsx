import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { AdminApp } from '../../widget/src/admin/app.tsx';
import type { MailEntry } from '../../worker/types/api.ts';
import { fakeAdmin, isolateAdminTests, json, signedIn } from './admin-fixtures.ts';

let seq = 100;
const mailEntry = (overrides: Partial<MailEntry> = {}): MailEntry => ({
  id: --seq,
  at: '2026-11-30T09:00:00.000Z',
  kind: 'reply',
  to: 'bob@example.com',
  subject: 'New reply on "A post"',
  transport: 'http',
  status: 'sent',
  attempts: 1,
  lastStatus: 200,
  error: null,
  ...overrides,
});

const sent = mailEntry({ subject: 'Sent one' });
const failed = mailEntry({
  kind: 'owner',
  to: 'owner@example.com',
  subject: 'Lost one',
  status: 'failed',
  attempts: 3,
  lastStatus: 503,
  error: 'HTTP 503',
});
const older = mailEntry({
  kind: 'digest',
  subject: 'Older failure',
  status: 'failed',
  attempts: 3,
  error: 'boom',
});

const open = async () => {
  signedIn();
  render(<AdminApp home="queue" />);
  fireEvent.click(await screen.findByRole('button', { name: 'Mail' }));
};

isolateAdminTests();

describe('mail log', () => {
  it('lists every e-mail newest first with its kind, recipient, status, attempts and error', async () => {
    const seen = fakeAdmin({
      'GET /comments': () => json({ comments: [], nextCursor: null }),
      'GET /mail': () => json({ mail: [sent, failed], nextCursor: null }),
    });
    await open();
    await waitFor(() => expect(screen.getAllByTestId('mail-entry')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('mail-entry');
    expect(first?.textContent).toContain('Sent one');
    expect(second?.textContent).toContain('owner');
    expect(second?.textContent).toContain('owner@example.com');
    expect(second?.textContent).toContain('Failed');
    expect(second?.textContent).toContain('3 attempts');
    expect(within(second as HTMLElement).getByText('HTTP 503')).toBeTruthy();
    expect(second?.querySelector('time')?.getAttribute('datetime')).toBe(failed.at);
    expect(seen.find((r) => r.path === '/mail')?.query).toEqual({ status: 'all', limit: '50' });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('filters the failed ones and pages them with the cursor', async () => {
    const seen = fakeAdmin({
      'GET /comments': () => json({ comments: [], nextCursor: null }),
      'GET /mail': ({ query }) => {
        if (query.status !== 'failed') return json({ mail: [sent, failed], nextCursor: null });
        return query.cursor === 'page2'
          ? json({ mail: [older], nextCursor: null })
          : json({ mail: [failed], nextCursor: 'page2' });
      },
    });
    await open();
    await waitFor(() => expect(screen.getAllByTestId('mail-entry')).toHaveLength(2));
    const tab = screen.getByRole('button', { name: 'Failed' });
    fireEvent.click(tab);
    expect(tab.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(screen.getAllByTestId('mail-entry')).toHaveLength(1));
    expect(screen.getByTestId('mail-entry').textContent).toContain('Lost one');
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(screen.getAllByTestId('mail-entry')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('mail-entry');
    expect(first?.textContent).toContain('Lost one');
    expect(second?.textContent).toContain('Older failure');
    expect(second?.textContent).toContain('boom');
    const mailRequests = seen.filter((r) => r.path === '/mail').map((r) => r.query);
    expect(mailRequests.slice(1)).toEqual([
      { status: 'failed', limit: '50' },
      { status: 'failed', limit: '50', cursor: 'page2' },
    ]);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('says so when a filter has nothing', async () => {
    fakeAdmin({
      'GET /comments': () => json({ comments: [], nextCursor: null }),
      'GET /mail': ({ query }) => json({ mail: query.status === 'failed' ? [] : [sent], nextCursor: null }),
    });
    await open();
    await screen.findByTestId('mail-entry');
    fireEvent.click(screen.getByRole('button', { name: 'Failed' }));
    await screen.findByText('No failed e-mail: everything went out.');
    expect(screen.queryByTestId('mail-entry')).toBeNull();
  });
});
