import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { importType } from '../../widget/src/admin/api.ts';
import { AdminApp } from '../../widget/src/admin/app.tsx';
import { exportName } from '../../widget/src/admin/transfer.tsx';
import {
  adminComment,
  adminThread,
  ban,
  fakeAdmin,
  isolateAdminTests,
  json,
  problem,
  signedIn,
} from './admin-fixtures.ts';

/** Signs in and opens one section of the page. */
const open = async (section: string) => {
  signedIn();
  render(<AdminApp home="queue" />);
  fireEvent.click(await screen.findByRole('button', { name: section }));
};
const empty = () => json({ comments: [], nextCursor: null });

isolateAdminTests();

describe('threads', () => {
  it('locks a thread with PATCH {key, locked}', async () => {
    const seen = fakeAdmin({
      'GET /comments': empty,
      'GET /threads': () => json({ threads: [adminThread()], nextCursor: null }),
      'PATCH /threads': () => json({ thread: adminThread({ locked: true }), merged: false }),
    });
    await open('Threads');
    const row = await screen.findByTestId('admin-thread');
    expect(row.textContent).toContain('3 comments · 1 pending');
    fireEvent.click(within(row).getByRole('button', { name: 'Lock' }));
    await screen.findByText('Thread locked.');
    expect(seen.find((r) => r.method === 'PATCH')?.body).toEqual({
      key: 'https://blog.example/post',
      locked: true,
    });
    expect(within(row).getByText('Locked')).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Unlock' })).toBeTruthy();
  });

  it('moves a thread to a new URL and says when it merged into an existing one', async () => {
    const seen = fakeAdmin({
      'GET /comments': empty,
      'GET /threads': () => json({ threads: [adminThread()], nextCursor: 'next' }),
      'PATCH /threads': () =>
        json({
          thread: adminThread({ key: 'https://blog.example/new', url: 'https://blog.example/new' }),
          merged: true,
        }),
    });
    await open('Threads');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit the thread “A post”' });
    fireEvent.input(within(form).getByLabelText('URL'), { target: { value: 'https://blog.example/new' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await screen.findByText('Merged into the existing thread at that URL.');
    expect(seen.find((r) => r.method === 'PATCH')?.body).toEqual({
      key: 'https://blog.example/post',
      url: 'https://blog.example/new',
    });
    expect(seen.filter((r) => r.path === '/threads' && r.method === 'GET')).toHaveLength(2);
    expect(await screen.findByRole('button', { name: 'Load more' })).toBeTruthy();
  });

  it('opens the queue filtered to a thread’s page', async () => {
    const seen = fakeAdmin({
      'GET /comments': () => json({ comments: [adminComment()], nextCursor: null }),
      'GET /threads': () => json({ threads: [adminThread()], nextCursor: null }),
    });
    await open('Threads');
    fireEvent.click(await screen.findByRole('button', { name: 'Show comments' }));
    await waitFor(() =>
      expect(seen.filter((r) => r.path === '/comments').at(-1)?.query).toMatchObject({
        url: 'https://blog.example/post',
      }),
    );
    expect((screen.getByLabelText('Page URL') as HTMLInputElement).value).toBe('https://blog.example/post');
  });
});

describe('bans', () => {
  it('lists bans and lifts one with DELETE', async () => {
    const seen = fakeAdmin({
      'GET /comments': empty,
      'GET /bans': () =>
        json({ bans: [ban({ id: 'b1' }), ban({ id: 'b2', kind: 'ip', value: 'ab12', active: false })] }),
      'DELETE /bans/b1': () => new Response(null, { status: 204 }),
    });
    await open('Bans');
    await waitFor(() => expect(screen.getAllByTestId('ban')).toHaveLength(2));
    expect(screen.getAllByTestId('ban')[1]?.textContent).toContain('Expired');
    fireEvent.click(screen.getByRole('button', { name: 'Lift: spammer@example.com' }));
    await screen.findByText('Ban lifted.');
    expect(screen.getAllByTestId('ban')).toHaveLength(1);
    expect(seen.some((r) => r.method === 'DELETE' && r.path === '/bans/b1')).toBe(true);
  });

  it('adds a ban by e-mail with a reason, and shows a refused value', async () => {
    const seen = fakeAdmin({
      'GET /comments': empty,
      'GET /bans': () => json({ bans: [] }),
      'POST /bans': () => problem(422, 'validation_failed', 'the request has invalid fields'),
    });
    await open('Bans');
    await screen.findByText('No bans.');
    fireEvent.input(screen.getByLabelText('Value'), { target: { value: 'troll@example.com' } });
    fireEvent.input(screen.getByLabelText('Reason (optional)'), { target: { value: 'abuse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add ban' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('the request has invalid fields'));
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({
      email: 'troll@example.com',
      reason: 'abuse',
    });
  });
});

describe('import and export', () => {
  it('downloads the export with the token, as causerie-export-<date>.json', async () => {
    const seen = fakeAdmin({
      'GET /comments': empty,
      'GET /export': () => new Response('{"format":"causerie-export"}', { status: 200 }),
    });
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:export');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    await open('Import / export');
    fireEvent.click(screen.getByRole('button', { name: 'Download export' }));
    await screen.findByText(/^Downloaded causerie-export-\d{4}-\d\d-\d\d\.json\.$/);
    expect(seen.find((r) => r.path === '/export')?.headers.get('Authorization')).toMatch(/^Bearer /);
    expect(createObjectURL).toHaveBeenCalledOnce();
    expect(clicked).toEqual([exportName()]);
    expect(exportName(new Date(2026, 0, 5))).toBe('causerie-export-2026-01-05.json');
  });

  it('uploads the file as the body, typed by its format, and shows the summary', async () => {
    const seen = fakeAdmin({
      'GET /comments': empty,
      'POST /import': () =>
        json({ threads: 2, comments: 7, skipped: 1, errors: [{ position: 3, message: 'no date' }] }),
    });
    await open('Import / export');
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'disqus' } });
    const file = new File(['<disqus/>'], 'disqus.xml', { type: 'text/xml' });
    fireEvent.change(screen.getByLabelText('File'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const summary = await screen.findByTestId('import-summary');
    expect(summary.textContent).toContain('Imported 2 threads and 7 comments; 1 skipped.');
    expect(summary.textContent).toContain('At 3: no date');
    const upload = seen.find((r) => r.path === '/import');
    expect(upload?.query).toEqual({ format: 'disqus' });
    expect(upload?.headers.get('Content-Type')).toBe('application/xml');
    expect(upload?.body).toBe(file);
    expect([importType('wxr'), importType('commento'), importType('causerie')]).toEqual([
      'application/xml',
      'application/json',
      'application/json',
    ]);
  });
});

describe('audit log', () => {
  it('lists the entries, newest first as the API gives them', async () => {
    fakeAdmin({
      'GET /comments': empty,
      'GET /audit': () =>
        json({
          entries: [
            {
              id: 2,
              at: '2026-11-20T10:00:00Z',
              actor: 'admin',
              action: 'comment.pin',
              commentId: 'c1',
              threadKey: 'k',
              detail: { pinned: true },
            },
            {
              id: 1,
              at: '2026-11-20T09:00:00Z',
              actor: 'admin',
              action: 'ban.create',
              commentId: null,
              threadKey: null,
              detail: {},
            },
          ],
          nextCursor: null,
        }),
    });
    await open('Audit log');
    await waitFor(() => expect(screen.getAllByTestId('audit-entry')).toHaveLength(2));
    const [first] = screen.getAllByTestId('audit-entry');
    expect(first?.textContent).toContain('comment.pin');
    expect(first?.textContent).toContain('{"pinned":true}');
  });
});
