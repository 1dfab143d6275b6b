/**
 * The admin page signs a moderator in with the same popup as the reader widget (issue 13, item 6): the
 * default way in where GET /config offers providers, ADMIN_TOKEN one click away; the session token is then
 * the admin bearer; who is signed in and their role show in the header; signing out revokes the session.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { AdminApp } from '../../widget/src/admin/app.tsx';
import { COUNTS, isolateAdminTests, json, problem } from './admin-fixtures.ts';

const SESSION = `ses_${'m'.repeat(43)}`;
const camille = {
  id: 'u1',
  name: 'Camille',
  email: 'camille@example.org',
  provider: 'github',
  role: 'owner',
};

interface Seen {
  method: string;
  path: string;
  authorization: string | null;
}

/** The worker as the admin page sees it; `moderator: false` makes the admin API refuse the account (403). */
const worker = ({ providers = true, moderator = true, me = true } = {}): Seen[] => {
  const seen: Seen[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const path = new URL(input, location.origin).pathname;
    const authorization = new Headers(init.headers).get('Authorization');
    seen.push({ method: init.method ?? 'GET', path, authorization });
    if (path === '/api/v1/config')
      return json({
        version: 1,
        auth: {
          guests: true,
          sso: false,
          providers: providers
            ? [
                { id: 'github', name: 'GitHub' },
                { id: 'email', name: 'E-mail' },
              ]
            : [],
        },
      });
    if (authorization !== `Bearer ${SESSION}`) return problem(401, 'unauthorized');
    if (path === '/api/v1/me') return me ? json(camille) : problem(401, 'unauthorized');
    if (path === '/api/v1/auth/logout') return new Response(null, { status: 204 });
    if (!moderator) return problem(403, 'forbidden', 'not a moderator');
    if (path === '/api/v1/admin/comments/counts') return json({ counts: COUNTS });
    if (path === '/api/v1/admin/comments') return json({ comments: [], nextCursor: null });
    return problem(404, 'not_found');
  });
  return seen;
};

const popup = {} as Window;
const signInWithGitHub = async () => {
  const open = vi.spyOn(window, 'open').mockReturnValue(popup);
  fireEvent.click(await screen.findByRole('button', { name: 'Sign in with GitHub' }));
  expect(open).toHaveBeenCalledTimes(1);
  return open;
};
const message = (origin: string, data: unknown) =>
  window.dispatchEvent(new MessageEvent('message', { origin, source: popup, data }));

isolateAdminTests();

describe('signing in to the admin page', () => {
  it('offers the providers of GET /config first, and the admin token as the alternative', async () => {
    worker();
    render(<AdminApp />);
    expect(await screen.findByRole('button', { name: 'Sign in with GitHub' })).toBeTruthy();
    // The magic link needs a reader's page to land on: not offered here.
    expect(screen.queryByRole('button', { name: 'Sign in with E-mail' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Use the admin token' }));
    expect(screen.getByLabelText('Admin token')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with an account instead' }));
    expect(screen.getByRole('button', { name: 'Sign in with GitHub' })).toBeTruthy();
  });

  it('keeps the token form where no provider is configured', async () => {
    const seen = worker({ providers: false });
    render(<AdminApp />);
    expect(screen.getByLabelText('Admin token')).toBeTruthy();
    await waitFor(() => expect(seen.map((r) => r.path)).toContain('/api/v1/config'));
    expect(screen.queryByRole('button', { name: /Sign in with/ })).toBeNull();
  });

  it('signs in through the popup, then sends the session as the admin bearer and says who and what role', async () => {
    const seen = worker();
    render(<AdminApp />);
    const open = await signInWithGitHub();
    expect(open.mock.calls[0]?.[0]).toBe(
      `${location.origin}/api/v1/auth/github/start?origin=${encodeURIComponent(location.origin)}`,
    );
    message('https://evil.example', { type: 'causerie:session', token: `ses_${'e'.repeat(43)}` });
    message(location.origin, { type: 'causerie:session', token: SESSION });

    expect(await screen.findByText('Signed in as Camille (owner)')).toBeTruthy();
    expect(sessionStorage.getItem('causerie-admin-token')).toBe(SESSION);
    const admin = seen.filter((r) => r.path.startsWith('/api/v1/admin/') || r.path === '/api/v1/me');
    expect(admin.length).toBeGreaterThan(1);
    expect(admin.every((r) => r.authorization === `Bearer ${SESSION}`)).toBe(true);
  });

  it('turns away an account that is not a moderator, and revokes its session', async () => {
    const seen = worker({ moderator: false });
    render(<AdminApp />);
    await signInWithGitHub();
    message(location.origin, { type: 'causerie:session', token: SESSION });
    expect(await screen.findByText(/This account is not a moderator here/)).toBeTruthy();
    await waitFor(() =>
      expect(seen.filter((r) => r.path === '/api/v1/auth/logout').map((r) => r.authorization)).toEqual([
        `Bearer ${SESSION}`,
      ]),
    );
    expect(sessionStorage.getItem('causerie-admin-token')).toBeNull();
  });

  it('signs out: the session is revoked and the page asks again', async () => {
    sessionStorage.setItem('causerie-admin-token', SESSION);
    const seen = worker();
    render(<AdminApp />);
    // After a reload, GET /me says who the stored session is.
    expect(await screen.findByText('Signed in as Camille (owner)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in with GitHub' })).toBeTruthy();
    const logout = seen.filter((r) => r.path === '/api/v1/auth/logout');
    expect(logout.map((r) => [r.method, r.authorization])).toEqual([['POST', `Bearer ${SESSION}`]]);
    expect(sessionStorage.getItem('causerie-admin-token')).toBeNull();
  });

  it('asks to sign in again when the server refuses the stored session', async () => {
    sessionStorage.setItem('causerie-admin-token', SESSION);
    worker({ me: false });
    render(<AdminApp />);
    expect(await screen.findByText('Your session has ended. Sign in again.')).toBeTruthy();
    expect(sessionStorage.getItem('causerie-admin-token')).toBeNull();
  });
});
