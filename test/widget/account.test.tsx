/**
 * "Your account" in the signed-in sign-in box (issue 13, item 5): the reader's own comments with the
 * session as a bearer and paged by cursor, their download as a file, the erasure after a second click,
 * and failures that change nothing. Each test uses its own deployment origin (GET /config is asked once
 * per page and deployment).
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthConfig } from '../../widget/src/auth/config.ts';
import { syncSession } from '../../widget/src/auth/sync-session.ts';
import { App } from '../../widget/src/components/app.tsx';
import { loadSession, saveSession } from '../../widget/src/storage.ts';
import type { OwnComment, OwnCommentPage, SessionUser } from '../../worker/types/api.ts';
// Register the on-demand parts as if their scripts had loaded (the minified test runs the built ones).
import '../../widget/src/extras.ts';
import '../../widget/src/auth.tsx';
import { comment, fakeFetch, json, options, problem, type Recorded } from './helpers.ts';

let deployments = 0;
const freshOrigin = () => `https://account-${++deployments}.example`;

const token = `ses_${'4'.repeat(43)}`;
const camille: SessionUser = {
  id: 'u1',
  name: 'Camille Dupont',
  email: 'camille@example.org',
  provider: 'github',
};
const offered: AuthConfig = { guests: true, providers: [{ id: 'github', name: 'GitHub' }], sso: false };

const own = (id: string, overrides: Partial<OwnComment> = {}): OwnComment => ({
  ...comment({ id, createdAt: '2026-11-25T10:00:00.000Z' }),
  thread: { key: `https://blog.example/${id}`, url: `https://blog.example/${id}`, title: `Article ${id}` },
  ...overrides,
});

/** The worker: GET /config, /threads, /me, and the account routes answered by `account`. */
const deployment = (account: (request: Recorded) => Response | undefined) =>
  fakeFetch((request) => {
    const { pathname } = request.url;
    if (pathname === '/api/v1/config') return json({ version: 1, auth: offered });
    if (pathname === '/api/v1/threads')
      return json({
        thread: { key: 'k', url: 'u', title: 't', commentCount: 0, likes: 0, locked: false },
        comments: [],
        nextCursor: null,
      });
    const answer = account(request);
    if (answer) return answer;
    if (pathname === '/api/v1/me' && request.method === 'GET') return json(camille);
    return problem({ status: 404, code: 'not_found', title: 'Not found' });
  });

/** A signed-in reader's page, with "Your account" opened. */
const openAccount = async () => {
  const origin = freshOrigin();
  saveSession(origin, { token, user: camille });
  render(<App _options={options({ origin })} />);
  await syncSession(origin, undefined);
  fireEvent.click(await screen.findByText('Votre compte'));
  return origin;
};

const bearers = (requests: Recorded[], path: string, method = 'GET') =>
  requests
    .filter((r) => r.url.pathname === path && r.method === method)
    .map((r) => r.headers.get('Authorization'));

const ownPage = (comments: OwnComment[], nextCursor: string | null = null): OwnCommentPage => ({
  comments,
  nextCursor,
});

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('your comments', () => {
  it('lists them when the disclosure opens, with the session as a bearer: page, date, held ones marked', async () => {
    const requests = deployment((r) =>
      r.url.pathname === '/api/v1/me/comments'
        ? json(ownPage([own('a'), own('b', { status: 'pending' })]))
        : undefined,
    );
    await openAccount();
    const link = await screen.findByRole('link', { name: 'Article a' });
    expect(link.getAttribute('href')).toBe('https://blog.example/a#comment-a');
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(
      within(items[0] as HTMLElement)
        .getByText('25 novembre 2026')
        .getAttribute('datetime'),
    ).toBe('2026-11-25T10:00:00.000Z');
    expect(items[0]?.textContent).not.toContain('En attente de modération');
    expect(items[1]?.textContent).toContain('En attente de modération');
    expect(bearers(requests, '/api/v1/me/comments')).toEqual([`Bearer ${token}`]);
    // Asked once: closing and opening again keeps the list.
    fireEvent.click(screen.getByText('Votre compte'));
    fireEvent.click(screen.getByText('Votre compte'));
    expect(bearers(requests, '/api/v1/me/comments')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Plus' })).toBeNull(); // no next page
  });

  it('follows the cursor with "More", and says when there are none', async () => {
    const requests = deployment((r) => {
      if (r.url.pathname !== '/api/v1/me/comments') return undefined;
      return r.url.searchParams.get('cursor') === '42'
        ? json(ownPage([own('old')]))
        : json(ownPage([own('new')], '42'));
    });
    await openAccount();
    await screen.findByRole('link', { name: 'Article new' });
    fireEvent.click(screen.getByRole('button', { name: 'Plus' }));
    expect(await screen.findByRole('link', { name: 'Article old' })).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Plus' })).toBeNull();
    const asked = requests.filter((r) => r.url.pathname === '/api/v1/me/comments');
    expect(asked.map((r) => r.url.searchParams.get('cursor'))).toEqual([null, '42']);
    expect(asked.map((r) => r.headers.get('Authorization'))).toEqual([`Bearer ${token}`, `Bearer ${token}`]);
    cleanup();

    deployment((r) => (r.url.pathname === '/api/v1/me/comments' ? json(ownPage([])) : undefined));
    await openAccount();
    expect(await screen.findByText('Vous n’avez encore rien commenté.')).toBeTruthy();
  });

  it('says why the list failed, and tries again', async () => {
    let fail = true;
    deployment((r) =>
      r.url.pathname === '/api/v1/me/comments'
        ? fail
          ? problem({ status: 500, code: 'internal', title: 'Internal' })
          : json(ownPage([own('a')]))
        : undefined,
    );
    await openAccount();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Une erreur est survenue sur le serveur\u00a0: réessayez.',
    );
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Plus' }));
    expect(await screen.findByRole('link', { name: 'Article a' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('downloading them', () => {
  it('fetches the export with the bearer and saves it as a file through an object URL', async () => {
    const exported = { version: 1, comments: [] };
    const requests = deployment((r) => {
      if (r.url.pathname === '/api/v1/me/comments') return json(ownPage([]));
      if (r.url.pathname === '/api/v1/me/export') return json(exported);
      return undefined;
    });
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:https://blog.example/1');
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: Array<{ href: string; download: string }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    await openAccount();
    fireEvent.click(await screen.findByRole('button', { name: 'Télécharger vos commentaires' }));
    await vi.waitFor(() => expect(revoked).toHaveBeenCalledWith('blob:https://blog.example/1'));
    expect(bearers(requests, '/api/v1/me/export')).toEqual([`Bearer ${token}`]);
    expect(created).toHaveBeenCalledTimes(1);
    const blob = created.mock.calls[0]?.[0] as Blob;
    expect(JSON.parse(await blob.text())).toEqual(exported);
    expect(clicked).toEqual([{ href: 'blob:https://blog.example/1', download: 'causerie-u1.json' }]);
  });

  it('says why it failed, and saves nothing', async () => {
    deployment((r) => {
      if (r.url.pathname === '/api/v1/me/comments') return json(ownPage([own('a')]));
      if (r.url.pathname === '/api/v1/me/export')
        return problem({ status: 500, code: 'internal', title: 'x' });
      return undefined;
    });
    const created = vi.spyOn(URL, 'createObjectURL');
    const origin = await openAccount();
    await screen.findByRole('link', { name: 'Article a' });
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger vos commentaires' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(created).not.toHaveBeenCalled();
    expect(screen.getByRole('link', { name: 'Article a' })).toBeTruthy(); // the list stays
    expect(loadSession(origin)?.token).toBe(token);
  });
});

describe('erasing the account', () => {
  const erasable = (answer: () => Response) =>
    deployment((r) => {
      if (r.url.pathname === '/api/v1/me/comments') return json(ownPage([own('a')]));
      if (r.url.pathname === '/api/v1/me' && r.method === 'DELETE') return answer();
      return undefined;
    });

  it('asks first, then sends DELETE /me with the bearer and signs the reader out', async () => {
    const requests = erasable(() => new Response(null, { status: 204 }));
    const origin = await openAccount();
    const erase = await screen.findByRole('button', { name: 'Supprimer mon compte et mes commentaires' });
    expect(erase.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(erase);
    expect(erase.getAttribute('aria-expanded')).toBe('true');
    expect(bearers(requests, '/api/v1/me', 'DELETE')).toEqual([]); // nothing sent on the first click
    // The first button again takes the question back.
    fireEvent.click(erase);
    expect(screen.queryByRole('button', { name: 'Oui, tout supprimer' })).toBeNull();
    fireEvent.click(erase);
    fireEvent.click(screen.getByRole('button', { name: 'Oui, tout supprimer' }));
    expect(await screen.findByText('Votre compte et vos commentaires sont supprimés.')).toBeTruthy();
    expect(bearers(requests, '/api/v1/me', 'DELETE')).toEqual([`Bearer ${token}`]);
    expect(loadSession(origin)).toBeUndefined();
    expect(screen.getByRole('button', { name: 'Se connecter' })).toBeTruthy();
    expect(screen.queryByText('Votre compte')).toBeNull();
    // Erased, not ended: no "your session has ended", and no sign-out call for a dead token.
    expect(screen.queryByText(/Votre session a expiré/)).toBeNull();
    expect(requests.filter((r) => r.url.pathname === '/api/v1/auth/logout')).toEqual([]);
  });

  it('says why it failed (500), and keeps the session, the list and the question', async () => {
    erasable(() => problem({ status: 500, code: 'internal', title: 'Internal' }));
    const origin = await openAccount();
    await screen.findByRole('link', { name: 'Article a' });
    fireEvent.click(screen.getByRole('button', { name: 'Supprimer mon compte et mes commentaires' }));
    fireEvent.click(screen.getByRole('button', { name: 'Oui, tout supprimer' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Une erreur est survenue sur le serveur\u00a0: réessayez.',
    );
    expect(loadSession(origin)?.token).toBe(token);
    expect(screen.getByText('Connecté en tant que Camille Dupont')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Article a' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Oui, tout supprimer' })).toBeTruthy();
  });

  it('on a 401, forgets the dead session as every other call does, and says it ended', async () => {
    erasable(() => problem({ status: 401, code: 'unauthorized', title: 'Unauthorized' }));
    const origin = await openAccount();
    fireEvent.click(await screen.findByRole('button', { name: 'Supprimer mon compte et mes commentaires' }));
    fireEvent.click(screen.getByRole('button', { name: 'Oui, tout supprimer' }));
    expect(await screen.findByText('Votre session a expiré : reconnectez-vous.')).toBeTruthy();
    expect(screen.queryByText('Votre compte et vos commentaires sont supprimés.')).toBeNull();
    expect(loadSession(origin)).toBeUndefined();
  });
});

describe('in English', () => {
  it('speaks the page’s language', async () => {
    deployment((r) => (r.url.pathname === '/api/v1/me/comments' ? json(ownPage([])) : undefined));
    const origin = freshOrigin();
    saveSession(origin, { token, user: camille });
    render(<App _options={options({ origin, lang: 'en' })} />);
    fireEvent.click(await screen.findByText('Your account'));
    expect(await screen.findByText('No comments from you yet.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Your comments' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download your comments' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete my account and comments' })).toBeTruthy();
  });
});
