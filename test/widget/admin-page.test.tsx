import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { AdminApp } from '../../widget/src/admin/app.tsx';
import {
  adminComment,
  fakeAdmin,
  isolateAdminTests,
  json,
  problem,
  signedIn,
  TOKEN,
  unauthorized,
} from './admin-fixtures.ts';

const items = () => screen.queryAllByTestId('admin-comment');
const press = (key: string, target: Element = document.body) => fireEvent.keyDown(target, { key });
const pending = [
  adminComment({ id: 'p1', body: 'First', html: '<p>First <em>held</em></p>' }),
  adminComment({ id: 'p2', author: { name: 'Bruno', website: null, avatar: 'ff', moderator: false } }),
];
const queue =
  (comments = pending) =>
  () =>
    json({ comments, nextCursor: null });

isolateAdminTests();

describe('the token', () => {
  it('is asked once, checked against the API, and kept in sessionStorage only', async () => {
    const seen = fakeAdmin({ 'GET /comments': queue() });
    render(<AdminApp home="queue" />);
    fireEvent.input(screen.getByLabelText('Admin token'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/This token was refused/)).toBeTruthy();
    expect(sessionStorage.length).toBe(0);

    fireEvent.input(screen.getByLabelText('Admin token'), { target: { value: TOKEN } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(sessionStorage.getItem('causerie-admin-token')).toBe(TOKEN);
    expect(localStorage.length).toBe(0);
    expect(seen.at(-1)?.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('sends the owner back to the token form when the API answers 401', async () => {
    signedIn();
    fakeAdmin({ 'GET /comments': queue(), 'PATCH /comments/p1': unauthorized });
    render(<AdminApp home="queue" />);
    await waitFor(() => expect(items()).toHaveLength(2));
    fireEvent.click(within(items()[0] as HTMLElement).getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('The server refused the token. Enter it again.')).toBeTruthy();
    expect(screen.getByLabelText('Admin token')).toBeTruthy();
    expect(sessionStorage.getItem('causerie-admin-token')).toBeNull();
  });

  it('signs out on request', async () => {
    signedIn();
    fakeAdmin({ 'GET /comments': queue() });
    render(<AdminApp home="queue" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(screen.getByLabelText('Admin token')).toBeTruthy();
    expect(sessionStorage.getItem('causerie-admin-token')).toBeNull();
  });
});

describe('the queue', () => {
  it('opens on the pending comments, with the count of every status', async () => {
    signedIn();
    const seen = fakeAdmin({ 'GET /comments': queue() });
    render(<AdminApp home="queue" />);
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(seen.find((r) => r.path === '/comments')?.query).toMatchObject({ status: 'pending' });
    const tabs = within(screen.getByRole('group', { name: 'Comments by status' }));
    expect(tabs.getByRole('button', { name: 'Pending 2' }).getAttribute('aria-pressed')).toBe('true');
    expect(tabs.getByRole('button', { name: 'Approved 5' })).toBeTruthy();
    expect(tabs.getByRole('button', { name: 'Spam 1' })).toBeTruthy();
    expect(items()[0]?.querySelector('em')?.textContent).toBe('held');
    expect(items()[0]?.textContent).toContain('alice@example.com');

    fireEvent.click(tabs.getByRole('button', { name: 'Spam 1' }));
    await waitFor(() => expect(seen.at(-1)?.query).toMatchObject({ status: 'spam' }));
  });

  it('approves with PATCH {status: approved}, drops the comment from the pending list and says so', async () => {
    signedIn();
    const seen = fakeAdmin({
      'GET /comments': queue(),
      'PATCH /comments/p1': () => json({ comment: { ...pending[0], status: 'approved' } }),
    });
    render(<AdminApp home="queue" />);
    await waitFor(() => expect(items()).toHaveLength(2));
    fireEvent.click(within(items()[0] as HTMLElement).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(items()).toHaveLength(1));
    const patch = seen.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ status: 'approved' });
    expect(patch?.headers.get('Content-Type')).toBe('application/json');
    expect(screen.getByRole('status').textContent).toBe('Comment approved.');
  });

  it('shows the server’s detail when an action fails', async () => {
    signedIn();
    fakeAdmin({
      'GET /comments': queue(),
      'PATCH /comments/p1': () => problem(404, 'not_found', 'no such comment'),
    });
    render(<AdminApp home="queue" />);
    await waitFor(() => expect(items()).toHaveLength(2));
    fireEvent.click(within(items()[0] as HTMLElement).getByRole('button', { name: 'Spam' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('no such comment'));
    expect(items()).toHaveLength(2);
  });

  it('searches with q and url', async () => {
    signedIn();
    const seen = fakeAdmin({ 'GET /comments': queue() });
    render(<AdminApp home="queue" />);
    await waitFor(() => expect(items()).toHaveLength(2));
    fireEvent.input(screen.getByLabelText('Search comments'), { target: { value: ' viagra ' } });
    fireEvent.input(screen.getByLabelText('Page URL'), { target: { value: 'https://blog.example/post' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(seen.at(-1)?.query).toMatchObject({ q: 'viagra', url: 'https://blog.example/post' }),
    );
    expect(await screen.findByText('2 comments')).toBeTruthy();
  });

  it('applies a bulk action to the selected comments', async () => {
    signedIn();
    const seen = fakeAdmin({
      'GET /comments': queue(),
      'POST /comments/bulk': () => json({ updated: 2 }),
    });
    render(<AdminApp home="queue" />);
    await waitFor(() => expect(items()).toHaveLength(2));
    fireEvent.click(screen.getByLabelText('Select all shown'));
    fireEvent.click(screen.getByRole('button', { name: 'Mark selected as spam' }));
    await screen.findByText('2 comments updated.');
    expect(seen.find((r) => r.path === '/comments/bulk')?.body).toEqual({
      ids: ['p1', 'p2'],
      action: 'spam',
    });
  });

  it('posts a moderator reply under an approved comment', async () => {
    signedIn();
    const root = adminComment({ id: 'a1', status: 'approved' });
    const seen = fakeAdmin({
      'GET /comments': queue([root]),
      'POST /comments': () =>
        json({ comment: adminComment({ id: 'r1', parentId: 'a1', status: 'approved' }) }, 201),
    });
    render(<AdminApp home="queue" />);
    fireEvent.click(await screen.findByRole('button', { name: /^Approved/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Reply' }));
    const form = screen.getByRole('form', { name: 'Reply to Alice' });
    fireEvent.input(within(form).getByLabelText('Your reply (Markdown)'), { target: { value: 'Thanks!' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Post reply' }));
    await screen.findByText('Reply posted.');
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ parentId: 'a1', body: 'Thanks!' });
    expect(screen.queryByRole('form', { name: 'Reply to Alice' })).toBeNull();
  });

  it('bans the author of a comment by its id', async () => {
    signedIn();
    vi.stubGlobal('confirm', () => true);
    const seen = fakeAdmin({
      'GET /comments': queue(),
      'POST /bans': () => json({ bans: [{ kind: 'email' }, { kind: 'ip' }] }, 201),
    });
    render(<AdminApp home="queue" />);
    await waitFor(() => expect(items()).toHaveLength(2));
    fireEvent.click(within(items()[0] as HTMLElement).getByRole('button', { name: 'Ban author' }));
    await screen.findByText('Author banned (E-mail, IP hash).');
    expect(seen.find((r) => r.path === '/bans')?.body).toEqual({ commentId: 'p1' });
  });
});

describe('keyboard shortcuts', () => {
  const setup = async () => {
    signedIn();
    const seen = fakeAdmin({
      'GET /comments': queue(),
      'PATCH /comments/p1': (r) => json({ comment: { ...pending[0], ...(r.body as object) } }),
      'PATCH /comments/p2': (r) => json({ comment: { ...pending[1], ...(r.body as object) } }),
    });
    render(<AdminApp home="queue" />);
    await waitFor(() => expect(items()).toHaveLength(2));
    return seen;
  };
  const patches = (seen: { method: string; path: string; body: unknown }[]) =>
    seen.filter((r) => r.method === 'PATCH').map((r) => [r.path, r.body]);

  it('j and k move the cursor; a approves the comment under it', async () => {
    const seen = await setup();
    expect(items()[0]?.getAttribute('aria-current')).toBe('true');
    press('j');
    expect(items()[1]?.getAttribute('aria-current')).toBe('true');
    expect(document.activeElement).toBe(items()[1]);
    press('k');
    press('j');
    press('a');
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(patches(seen)).toEqual([['/comments/p2', { status: 'approved' }]]);
    // The cursor and the focus stay in the list, on the comment that is left.
    await waitFor(() => expect(document.activeElement).toBe(items()[0]));
    expect(items()[0]?.getAttribute('aria-current')).toBe('true');
  });

  it('s marks as spam and p pins', async () => {
    const seen = await setup();
    press('p');
    await screen.findByText('Comment pinned.');
    press('s');
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(patches(seen)).toEqual([
      ['/comments/p1', { pinned: true }],
      ['/comments/p1', { status: 'spam' }],
    ]);
  });

  it('d asks first, and deletes only on yes', async () => {
    const seen = await setup();
    // happy-dom has no window.confirm: the page's own is stubbed.
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    press('d');
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Delete the comment by Alice'));
    expect(patches(seen)).toEqual([]);
    confirm.mockReturnValue(true);
    press('d');
    await waitFor(() => expect(patches(seen)).toEqual([['/comments/p1', { status: 'deleted' }]]));
  });

  it('stay quiet while typing in a field', async () => {
    const seen = await setup();
    const search = screen.getByLabelText('Search comments');
    press('a', search);
    press('j', search);
    expect(items()[0]?.getAttribute('aria-current')).toBe('true');
    expect(patches(seen)).toEqual([]);
  });

  it('/ focuses the search and ? opens the help, Escape closes it', async () => {
    await setup();
    press('/');
    expect(document.activeElement).toBe(screen.getByLabelText('Search comments'));
    (document.activeElement as HTMLElement).blur();
    press('?');
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(help.textContent).toContain('Approve');
    press('Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('ignore keys held with Ctrl or Meta', async () => {
    const seen = await setup();
    fireEvent.keyDown(document.body, { key: 'a', ctrlKey: true });
    fireEvent.keyDown(document.body, { key: 'a', metaKey: true });
    expect(patches(seen)).toEqual([]);
  });
});
