/**
 * Moderating the whole queue with the keyboard alone: every action has its key (j/k a s d p r x / ?), the
 * focus stays on the comment under the cursor after each one, and a reply opens and closes from the keys.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { AdminApp } from '../../widget/src/admin/app.tsx';
import { adminComment, fakeAdmin, isolateAdminTests, json, signedIn } from './admin-fixtures.ts';

const items = () => screen.queryAllByTestId('admin-comment');
const press = (key: string, target: Element = document.activeElement ?? document.body) =>
  fireEvent.keyDown(target, { key });

isolateAdminTests();

describe('keyboard-only moderation', () => {
  it('works through a queue of four: approve, spam, delete, and a reply under an approved one', async () => {
    signedIn();
    vi.stubGlobal('confirm', () => true);
    const queue = ['k1', 'k2', 'k3', 'k4'].map((id, i) =>
      adminComment({
        id,
        status: i === 3 ? 'approved' : 'pending',
        author: { name: `N${i}`, website: null, avatar: 'a', moderator: false },
      }),
    );
    let shown = queue;
    const seen = fakeAdmin({
      'GET /comments': () => json({ comments: shown, nextCursor: null }),
      ...Object.fromEntries(
        queue.map((c) => [
          `PATCH /comments/${c.id}`,
          (r: { body: unknown }) => {
            shown = shown.filter((s) => s.id !== c.id);
            return json({ comment: { ...c, ...(r.body as object) } });
          },
        ]),
      ),
      'POST /comments': () =>
        json({ comment: adminComment({ id: 'r1', parentId: 'k4', status: 'approved' }) }, 201),
    });
    render(<AdminApp home="queue" />);
    await waitFor(() => expect(items()).toHaveLength(4));
    press('j');
    expect(document.activeElement).toBe(items()[1]);
    press('a');
    await waitFor(() => expect(items()).toHaveLength(3));
    // The focus stays in the list, on the comment that took the removed one's place.
    await waitFor(() => expect(document.activeElement?.getAttribute('data-id')).toBe('k3'));
    press('s');
    await waitFor(() => expect(items()).toHaveLength(2));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-id')).toBe('k4'));
    press('k');
    expect(document.activeElement?.getAttribute('data-id')).toBe('k1');
    press('d');
    await waitFor(() => expect(items()).toHaveLength(1));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-id')).toBe('k4'));
    // r on the approved one: the form opens with the focus in it; typing there is not a shortcut.
    press('r');
    const form = await screen.findByRole('form', { name: 'Reply to N3' });
    const body = within(form).getByLabelText('Your reply (Markdown)');
    expect(document.activeElement).toBe(body);
    press('a', body);
    fireEvent.input(body, { target: { value: 'Merci' } });
    fireEvent.submit(form);
    await screen.findByText('Reply posted.');
    expect(screen.queryByRole('form', { name: /^Reply to/ })).toBeNull();
    expect(document.activeElement?.getAttribute('data-id')).toBe('k4');
    expect(seen.filter((r) => r.method !== 'GET').map((r) => [r.method, r.path, r.body])).toEqual([
      ['PATCH', '/comments/k2', { status: 'approved' }],
      ['PATCH', '/comments/k3', { status: 'spam' }],
      ['PATCH', '/comments/k1', { status: 'deleted' }],
      ['POST', '/comments', { parentId: 'k4', body: 'Merci' }],
    ]);
  });

  it('Escape leaves a reply form and gives the focus back to its comment; r skips a held comment', async () => {
    signedIn();
    fakeAdmin({
      'GET /comments': () =>
        json({
          comments: [adminComment({ id: 'h1' }), adminComment({ id: 'a1', status: 'approved' })],
          nextCursor: null,
        }),
    });
    render(<AdminApp home="queue" />);
    await waitFor(() => expect(items()).toHaveLength(2));
    press('r', document.body);
    expect(screen.queryByRole('form', { name: /^Reply to/ })).toBeNull();
    press('j', document.body);
    press('r');
    const body = within(await screen.findByRole('form', { name: 'Reply to Alice' })).getByLabelText(
      'Your reply (Markdown)',
    );
    press('Escape', body);
    await waitFor(() => expect(screen.queryByRole('form', { name: /^Reply to/ })).toBeNull());
    expect(document.activeElement?.getAttribute('data-id')).toBe('a1');
  });

  it('lists r in the help', async () => {
    signedIn();
    fakeAdmin({ 'GET /comments': () => json({ comments: [], nextCursor: null }) });
    render(<AdminApp home="queue" />);
    press('?', document.body);
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(help.textContent).toContain('Reply');
  });
});
