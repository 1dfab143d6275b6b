/**
 * The admin page's first screen on a fresh deployment: what is left to do (from GET /admin/health) and
 * the embed snippet with the worker's own URL, ready to copy; gone once the deployment is set up.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AdminApp } from '../../widget/src/admin/app.tsx';
import { embedSnippet } from '../../widget/src/admin/setup-guide.tsx';
import type { AdminHealth } from '../../worker/types/health.ts';
import { adminComment, adminHealth, fakeAdmin, isolateAdminTests, json, signedIn } from './admin-fixtures.ts';

const fresh = adminHealth();
const setUp: AdminHealth = {
  ...fresh,
  origins: ['https://blog.example'],
  email: { configured: true, ownerEmail: true },
  hasComments: true,
};

const routes = (health: AdminHealth | null) => ({
  'GET /comments': () => json({ comments: [adminComment({ id: 'p1' })], nextCursor: null }),
  ...(health && { 'GET /health': () => json(health) }),
});

const guide = () => screen.queryByRole('region', { name: 'Finish setting up' });

isolateAdminTests();
beforeEach(() => signedIn());

describe('the setup guide', () => {
  it('walks a fresh deployment through origins, moderation, notifications and the embed snippet', async () => {
    fakeAdmin(routes(fresh));
    render(<AdminApp home="queue" />);
    const section = within(await screen.findByRole('region', { name: 'Finish setting up' }));
    const step = (title: string) =>
      section.getByRole('heading', { name: new RegExp(`^${title}`) }).closest('li');
    expect(step('Allowed origins')?.textContent).toContain('To do');
    expect(step('Allowed origins')?.textContent).toContain('Set ALLOWED_ORIGINS in wrangler.toml');
    expect(step('Moderation')?.textContent).toContain('MODERATION = "first-time"');
    expect(step('Notifications')?.textContent).toContain('You will not hear of new comments');
    // Secrets and migrations are fine here: no step for them.
    expect(section.queryByRole('heading', { name: /^Secrets/ })).toBeNull();
    expect(section.queryByRole('heading', { name: /^Database/ })).toBeNull();

    const snippet = section.getByTestId('embed-snippet').textContent;
    expect(snippet).toBe(embedSnippet(location.origin));
    expect(snippet).toContain(`<script src="${location.origin}/embed.js" async data-target="#comments">`);
  });

  it('copies the snippet and says so', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    fakeAdmin(routes(fresh));
    render(<AdminApp home="queue" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy snippet' }));
    expect(await screen.findByText('Snippet copied.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(embedSnippet(location.origin));
  });

  it('names unsafe secrets and missing migrations first', async () => {
    fakeAdmin(
      routes({
        ...setUp,
        secrets: { adminToken: false, secretKey: true },
        migrations: { applied: '0004_moderation.sql', latest: '0005_import.sql' },
      }),
    );
    render(<AdminApp home="queue" />);
    const section = within(await screen.findByRole('region', { name: 'Finish setting up' }));
    const titles = section.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(titles.slice(0, 2)).toEqual(['Secrets To do', 'Database To do']);
    expect(
      section.getByText(/The database is at 0004_moderation.sql; this version needs 0005_import.sql/),
    ).toBeTruthy();
    expect(section.getByText(/Comments may be embedded on https:\/\/blog.example/)).toBeTruthy();
  });

  it('stays away from a deployment that is set up', async () => {
    fakeAdmin(routes(setUp));
    render(<AdminApp home="queue" />);
    // The header shows the deployed version once health has answered.
    expect(await screen.findByText('Causerie 0.1.0')).toBeTruthy();
    await waitFor(() => expect(screen.queryAllByTestId('admin-comment')).toHaveLength(1));
    expect(guide()).toBeNull();
  });

  it('leaves the page as it was with a worker that has no health route (no guide, no alert)', async () => {
    const seen = fakeAdmin(routes(null));
    render(<AdminApp home="queue" />);
    await waitFor(() => expect(screen.queryAllByTestId('admin-comment')).toHaveLength(1));
    await waitFor(() => expect(seen.some((r) => r.path === '/health')).toBe(true));
    expect(screen.getByRole('alert').textContent).toBe('');
    expect(screen.queryByText(/^Causerie \d/)).toBeNull();
  });

  it('hides for good on request', async () => {
    fakeAdmin(routes(fresh));
    render(<AdminApp home="queue" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Hide this guide' }));
    expect(guide()).toBeNull();
    cleanup();

    fakeAdmin(routes(fresh));
    render(<AdminApp home="queue" />);
    expect(await screen.findByText('Causerie 0.1.0')).toBeTruthy();
    expect(guide()).toBeNull();
    expect(localStorage.getItem('causerie-admin-setup-hidden')).toBe('1');
  });
});
