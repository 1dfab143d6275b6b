/** The thread editor's Mastodon toot (issue 18): its state, linking, fetching now, unlinking. */
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { AdminApp } from '../../widget/src/admin/app.tsx';
import type { MastodonLink } from '../../worker/types/api.ts';
import { adminThread, fakeAdmin, isolateAdminTests, json, problem, signedIn } from './admin-fixtures.ts';

isolateAdminTests();

const TOOT = 'https://social.example/@alice/113500000000000001';

const link = (overrides: Partial<MastodonLink> = {}): MastodonLink => ({
  threadKey: 'https://blog.example/post',
  url: TOOT,
  linkedBy: 'owner',
  linkedAt: '2026-11-20T10:00:00.000Z',
  favourites: 7,
  reblogs: 4,
  fetchedAt: '2026-11-20T10:05:00.000Z',
  okAt: '2026-11-20T10:05:00.000Z',
  dueAt: '2026-11-20T10:35:00.000Z',
  failures: 0,
  lastError: null,
  ...overrides,
});

const openEditor = async () => {
  signedIn();
  render(<AdminApp home="queue" />);
  fireEvent.click(await screen.findByRole('button', { name: 'Threads' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
  return screen.findByTestId('admin-mastodon');
};

const empty = () => json({ comments: [], nextCursor: null });
const threads = () => json({ threads: [adminThread()], nextCursor: null });

describe('the thread editor’s Mastodon toot', () => {
  it('links a toot with PUT {key, url}', async () => {
    const seen = fakeAdmin({
      'GET /comments': empty,
      'GET /threads': threads,
      'PUT /threads/mastodon': () => json({ mastodon: link({ fetchedAt: null, favourites: 0, reblogs: 0 }) }),
    });
    const box = await openEditor();
    fireEvent.input(within(box).getByLabelText('Mastodon toot that announced this page'), {
      target: { value: TOOT },
    });
    fireEvent.click(within(box).getByRole('button', { name: 'Link' }));
    await screen.findByText('Toot linked.');
    expect(seen.find((r) => r.method === 'PUT')?.body).toEqual({
      key: 'https://blog.example/post',
      url: TOOT,
    });
    expect(box.textContent).toContain('0 favourites, 0 boosts · not fetched yet');
  });

  it('shows the link’s state and last failure, fetches now and unlinks', async () => {
    const seen = fakeAdmin({
      'GET /comments': empty,
      'GET /threads': threads,
      'GET /threads/mastodon': () => json({ mastodon: link({ failures: 1, lastError: 'toot: HTTP 500' }) }),
      'POST /threads/mastodon/refresh': () =>
        json({ refresh: { ok: true, error: null, added: 2, updated: 1, removed: 0 }, mastodon: link() }),
      'DELETE /threads/mastodon': () => new Response(null, { status: 204 }),
    });
    const box = await openEditor();
    await within(box).findByText('Last fetch failed: toot: HTTP 500');
    expect(box.textContent).toContain('7 favourites, 4 boosts');
    fireEvent.click(within(box).getByRole('button', { name: 'Fetch replies now' }));
    await screen.findByText('Fetched: 2 new, 1 edited, 0 removed.');
    expect(within(box).queryByText('Last fetch failed: toot: HTTP 500')).toBeNull();
    fireEvent.click(within(box).getByRole('button', { name: 'Unlink' }));
    await screen.findByText('Toot unlinked.');
    expect(seen.find((r) => r.method === 'DELETE')?.query).toEqual({ key: 'https://blog.example/post' });
  });

  it('shows the server’s refusal of a bad toot URL', async () => {
    fakeAdmin({
      'GET /comments': empty,
      'GET /threads': threads,
      'PUT /threads/mastodon': () => problem(422, 'validation_failed', 'url must be the https URL of a toot'),
    });
    const box = await openEditor();
    fireEvent.input(within(box).getByLabelText('Mastodon toot that announced this page'), {
      target: { value: 'https://127.0.0.1/@alice/1' },
    });
    fireEvent.click(within(box).getByRole('button', { name: 'Link' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByText('Toot linked.')).toBeNull();
  });
});
