/**
 * Signing in from the reader widget (issue 13, item 7): the choice in the form where GET /config offers
 * sign-in, the popup's message and its checks, the session kept per deployment and sent as a bearer, a
 * refused session, sign-out, the host site's SSO token, the verified mark. Each test uses its own
 * deployment origin: the widget asks for GET /config once per page and deployment.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthConfig } from '../../widget/src/auth/config.ts';
import { syncSession } from '../../widget/src/auth/sync-session.ts';
import { App } from '../../widget/src/components/app.tsx';
import { loadAuth } from '../../widget/src/lazy.tsx';
import type { WidgetOptions } from '../../widget/src/options.ts';
import { loadSession, saveSession } from '../../widget/src/storage.ts';
import type { Comment, NewComment, SessionUser } from '../../worker/types/api.ts';
// Register the on-demand parts as if their scripts had loaded (the minified test runs the built ones).
import '../../widget/src/extras.ts';
import '../../widget/src/auth.tsx';
import { comment, created, fakeFetch, json, options, page, problem, type Recorded } from './helpers.ts';

let deployments = 0;
/** A deployment nobody on this page has asked GET /config of yet. */
const freshOrigin = () => `https://comments-${++deployments}.example`;

const token = (n: number) => `ses_${String(n).repeat(43).slice(0, 43)}`;
const camille: SessionUser = {
  id: 'u1',
  name: 'Camille Dupont',
  email: 'camille@example.org',
  provider: 'github',
};

const providers = (...ids: string[]) =>
  ids.map((id) => ({ id, name: id === 'email' ? 'E-mail' : id === 'github' ? 'GitHub' : id }));

interface Deployment {
  auth?: AuthConfig | null;
  thread?: Comment[];
  /** Answers GET /me for a bearer token (default: Camille for any token). */
  me?: (request: Recorded) => Response;
  post?: (request: Recorded) => Response;
}

/** The worker's answers, recorded: GET /config, /threads, /me, POST /comments, /auth/*. */
const deployment = ({ auth, thread = [], me, post }: Deployment) =>
  fakeFetch((request) => {
    const { pathname } = request.url;
    if (pathname === '/api/v1/config') return json({ version: 1, auth });
    if (pathname === '/api/v1/threads') return json(page(thread));
    if (pathname === '/api/v1/me') return me ? me(request) : json(camille);
    if (pathname === '/api/v1/auth/logout') return new Response(null, { status: 204 });
    if (pathname === '/api/v1/auth/email') return new Response(null, { status: 202 });
    if (pathname === '/api/v1/auth/sso')
      return json({ session: token(9), user: { ...camille, name: 'Camille (SSO)', provider: 'sso' } });
    if (pathname === '/api/v1/comments' && post) return post(request);
    return problem({ status: 404, code: 'not_found', title: 'Not found' });
  });

const echo = (request: Recorded) => {
  const body = request.body as NewComment;
  return json(created(comment({ id: `new-${body.clientId}`, html: `<p>${body.body}</p>` })), 201);
};

const open = async (overrides: Partial<WidgetOptions>) => {
  const opts = options({ origin: freshOrigin(), ...overrides });
  render(<App _options={opts} />);
  await screen.findByRole('heading', { name: 'Laisser un commentaire' });
  // The box's first check of a stored session or SSO token (once per page), over before the test acts.
  await syncSession(opts.origin, opts.sso);
  return opts;
};

const offered: AuthConfig = { guests: true, providers: providers('github', 'email'), sso: false };

/** A stand-in for the popup window: only its identity matters (`event.source`). */
const stubPopup = () => {
  const popup = {} as Window;
  const spy = vi.spyOn(window, 'open').mockReturnValue(popup);
  return { popup, spy };
};

const post = (from: string, source: unknown, data: unknown) =>
  window.dispatchEvent(new MessageEvent('message', { origin: from, source: source as Window, data }));

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the sign-in choice', () => {
  it('appears where GET /config offers sign-in: providers as buttons, the magic link as a field', async () => {
    deployment({ auth: offered });
    await open({});
    // Guests keep the form they know; "Sign in" is one click away.
    const guest = await screen.findByRole('button', { name: 'Commenter en invité' });
    expect(guest.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByLabelText('Nom')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(screen.getByRole('button', { name: 'Se connecter avec GitHub' })).toBeTruthy();
    expect(screen.getByLabelText('Votre adresse e-mail')).toBeTruthy();
    expect(screen.queryByLabelText('Nom')).toBeNull();
  });

  it('does not appear, nor load the sign-in part, where sign-in is off', async () => {
    for (const auth of [null, undefined, { guests: true, providers: [], sso: false }]) {
      const requests = deployment({ auth });
      const { origin } = await open({});
      // The positive marker: the widget's own reading of GET /config is over, and found nothing to offer.
      expect(await loadAuth(origin)).toBeNull();
      expect(requests.filter((r) => r.url.pathname === '/api/v1/config')).toHaveLength(1);
      expect(screen.getByLabelText('Nom')).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Commenter en invité' })).toBeNull();
      expect(screen.queryByRole('button', { name: 'Se connecter' })).toBeNull();
      cleanup();
    }
  });

  it('asks to sign in first, with no guest fields, when the owner requires sign-in', async () => {
    deployment({ auth: { ...offered, guests: false } });
    await open({});
    expect(await screen.findByText('Connectez-vous pour commenter.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Se connecter avec GitHub' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Commenter en invité' })).toBeNull();
    expect(screen.queryByLabelText('Nom')).toBeNull();
  });

  it('speaks English on an English page', async () => {
    deployment({ auth: offered });
    render(<App _options={options({ origin: freshOrigin(), lang: 'en' })} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('button', { name: 'Comment as guest' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in with GitHub' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Email me a sign-in link' })).toBeTruthy();
  });
});

describe('the sign-in popup', () => {
  it('opens on the worker, and takes a session only from the worker’s origin and the popup it opened', async () => {
    const requests = deployment({ auth: { ...offered, guests: false } });
    const { origin } = await open({});
    const { popup, spy } = stubPopup();
    fireEvent.click(await screen.findByRole('button', { name: 'Se connecter avec GitHub' }));
    expect(spy).toHaveBeenCalledTimes(1);
    const start = new URL(spy.mock.calls[0]?.[0] as string);
    expect(start.origin + start.pathname).toBe(`${origin}/api/v1/auth/github/start`);
    expect(start.searchParams.get('origin')).toBe(location.origin);

    post('https://evil.example', popup, { type: 'causerie:session', token: token(1) }); // wrong origin
    post(origin, window, { type: 'causerie:session', token: token(2) }); // wrong source: another window
    post(origin, popup, { type: 'causerie:session', token: token(3) });

    expect(await screen.findByText('Connecté en tant que Camille Dupont')).toBeTruthy();
    expect(loadSession(origin)?.token).toBe(token(3));
    const asked = requests.filter((r) => r.url.pathname === '/api/v1/me');
    expect(asked.map((r) => r.headers.get('Authorization'))).toEqual([`Bearer ${token(3)}`]);
  });

  it('says what went wrong: an error posted by the popup, a blocked popup; nothing for a cancel', async () => {
    deployment({ auth: { ...offered, guests: false } });
    const { origin } = await open({});
    const { popup } = stubPopup();
    fireEvent.click(await screen.findByRole('button', { name: 'Se connecter avec GitHub' }));
    post(origin, popup, { type: 'causerie:error', code: 'origin_not_allowed' });
    expect(await screen.findByText('Les commentaires ne sont pas autorisés sur ce site.')).toBeTruthy();
    // A code of the popup's own (SignInFailure), not an API error code: the generic message.
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter avec GitHub' }));
    post(origin, popup, { type: 'causerie:error', code: 'provider_error' });
    expect(await screen.findByText('La connexion n’a pas abouti : réessayez.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter avec GitHub' }));
    post(origin, popup, { type: 'causerie:error', code: 'cancelled' });
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe(''));

    vi.spyOn(window, 'open').mockReturnValue(null);
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter avec GitHub' }));
    expect(await screen.findByText(/La fenêtre de connexion a été bloquée/)).toBeTruthy();
    expect(loadSession(origin)).toBeUndefined();
  });

  it('sends a magic link to the address typed, with the page’s origin', async () => {
    const requests = deployment({ auth: { ...offered, guests: false } });
    await open({});
    fireEvent.input(await screen.findByLabelText('Votre adresse e-mail'), {
      target: { value: ' camille@example.org ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Recevoir un lien de connexion' }));
    expect(await screen.findByText(/Un lien de connexion a été envoyé à camille@example\.org/)).toBeTruthy();
    const sent = requests.filter((r) => r.url.pathname === '/api/v1/auth/email');
    // Back to this very page (without its fragment), where the session will come in the fragment.
    expect(sent.map((r) => [r.method, r.body])).toEqual([
      ['POST', { email: 'camille@example.org', origin: location.origin, url: location.href.split('#')[0] }],
    ]);
  });

  it('takes the session the magic link hands back in the fragment, and removes it from the address', async () => {
    history.replaceState(null, '', `${location.pathname}#causerie-session=${token(5)}`);
    const requests = deployment({ auth: { ...offered, guests: false } });
    const { origin } = await open({});
    expect(await screen.findByText('Connecté en tant que Camille Dupont')).toBeTruthy();
    expect(location.hash).toBe('');
    expect(loadSession(origin)?.token).toBe(token(5));
    const asked = requests.filter((r) => r.url.pathname === '/api/v1/me');
    expect(asked.map((r) => r.headers.get('Authorization'))).toEqual([`Bearer ${token(5)}`]);
  });
});

describe('a signed-in reader', () => {
  const signedIn = (origin: string) => saveSession(origin, { token: token(4), user: camille });

  it('posts with the session as a bearer, and without guest fields', async () => {
    const origin = freshOrigin();
    signedIn(origin);
    const requests = deployment({ auth: offered, post: echo });
    await open({ origin });
    expect(await screen.findByText('Connecté en tant que Camille Dupont')).toBeTruthy();
    expect(screen.queryByLabelText('Nom')).toBeNull();
    fireEvent.input(screen.getByLabelText('Commentaire'), { target: { value: 'Signé' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publier le commentaire' }));
    await vi.waitFor(() => expect(screen.getAllByTestId('comment')).toHaveLength(1));
    const [sent] = requests.filter((r) => r.method === 'POST' && r.url.pathname === '/api/v1/comments');
    expect(sent?.headers.get('Authorization')).toBe(`Bearer ${token(4)}`);
    expect(sent?.body).toMatchObject({ body: 'Signé' });
    expect((sent?.body as NewComment | undefined)?.author).toBeUndefined();
  });

  it('is signed out, draft kept, when the server refuses the session (401)', async () => {
    const origin = freshOrigin();
    signedIn(origin);
    deployment({
      auth: offered,
      post: () => problem({ status: 401, code: 'unauthorized', title: 'Unauthorized' }),
    });
    await open({ origin });
    await screen.findByText('Connecté en tant que Camille Dupont');
    fireEvent.input(screen.getByLabelText('Commentaire'), { target: { value: 'Mon brouillon' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publier le commentaire' }));
    expect(await screen.findByText('Votre session a expiré : reconnectez-vous.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Connectez-vous pour commenter.');
    expect((screen.getByLabelText('Commentaire') as HTMLTextAreaElement).value).toBe('Mon brouillon');
    expect(screen.getByRole('button', { name: 'Commenter en invité' })).toBeTruthy();
    expect(loadSession(origin)).toBeUndefined();
  });

  it('is signed out on arrival when GET /me refuses the stored session', async () => {
    const origin = freshOrigin();
    signedIn(origin);
    const requests = deployment({
      auth: offered,
      me: () => problem({ status: 401, code: 'unauthorized', title: 'Unauthorized' }),
    });
    await open({ origin });
    expect(await screen.findByText('Votre session a expiré : reconnectez-vous.')).toBeTruthy();
    expect(requests.find((r) => r.url.pathname === '/api/v1/me')?.headers.get('Authorization')).toBe(
      `Bearer ${token(4)}`,
    );
    expect(loadSession(origin)).toBeUndefined();
  });

  it('signs out: the server revokes the session, the widget forgets it', async () => {
    const origin = freshOrigin();
    signedIn(origin);
    const requests = deployment({ auth: offered });
    await open({ origin });
    fireEvent.click(await screen.findByRole('button', { name: 'Se déconnecter' }));
    expect(await screen.findByText('Vous êtes déconnecté.')).toBeTruthy();
    const logout = requests.filter((r) => r.url.pathname === '/api/v1/auth/logout');
    expect(logout.map((r) => [r.method, r.headers.get('Authorization')])).toEqual([
      ['POST', `Bearer ${token(4)}`],
    ]);
    expect(loadSession(origin)).toBeUndefined();
    expect(screen.getByRole('button', { name: 'Se connecter' })).toBeTruthy();
  });

  it('posts as the guest the form shows where sign-in is off, whatever session is stored', async () => {
    const origin = freshOrigin();
    signedIn(origin);
    const requests = deployment({ auth: null, post: echo });
    await open({ origin });
    expect(await loadAuth(origin)).toBeNull(); // the marker: no sign-in box will come
    fireEvent.input(screen.getByLabelText('Nom'), { target: { value: 'Camille' } });
    fireEvent.input(screen.getByLabelText('Commentaire'), { target: { value: 'En invitée' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publier le commentaire' }));
    await vi.waitFor(() => expect(screen.getAllByTestId('comment')).toHaveLength(1));
    const [sent] = requests.filter((r) => r.method === 'POST' && r.url.pathname === '/api/v1/comments');
    expect(sent?.headers.get('Authorization')).toBeNull();
    expect(sent?.body).toMatchObject({ author: { name: 'Camille' } });
  });

  it('keeps one session per deployment', async () => {
    const origin = freshOrigin();
    signedIn(origin);
    expect(loadSession(origin)?.token).toBe(token(4));
    expect(loadSession(freshOrigin())).toBeUndefined();
  });
});

describe('the host site’s SSO token', () => {
  it('is exchanged on mount, and the reader is signed in without a click', async () => {
    const requests = deployment({ auth: { guests: true, providers: [], sso: true } });
    const { origin } = await open({ sso: 'header.payload.signature-of-the-host' });
    expect(await screen.findByText('Connecté en tant que Camille (SSO)')).toBeTruthy();
    const exchanged = requests.filter((r) => r.url.pathname === '/api/v1/auth/sso');
    expect(exchanged.map((r) => [r.method, r.body])).toEqual([
      ['POST', { token: 'header.payload.signature-of-the-host' }],
    ]);
    expect(loadSession(origin)?.token).toBe(token(9));
    // Only a fragment of the host's token is kept, to recognise it: not a usable token.
    expect(JSON.stringify(loadSession(origin))).not.toContain('header.payload');
  });
});

describe('the verified mark', () => {
  it('names the provider of a signed-in author, and a guest of the same name has none', async () => {
    deployment({
      thread: [
        comment({
          id: 'signed',
          author: {
            name: 'Alice',
            website: null,
            avatar: 'aa',
            moderator: false,
            verified: { provider: 'github' },
          },
        }),
        comment({ id: 'guest' }),
      ],
    });
    render(<App _options={options({ origin: freshOrigin() })} />);
    const signed = await screen.findByRole('img', { name: 'Vérifié\u00a0: github' });
    expect(signed.closest('[data-comment-id]')?.getAttribute('data-comment-id')).toBe('signed');
    const guest = screen.getAllByTestId('comment').find((el) => el.dataset.commentId === 'guest');
    expect(within(guest as HTMLElement).queryByRole('img')).toBeNull();
  });
});
