/**
 * The live part (issue 17) inside the real app, in happy-dom: the API answers through a fake fetch, and the
 * browser's WebSocket and IntersectionObserver are scripted stand-ins (the real ones run in
 * test/e2e/live-threads.test.ts, against wrangler dev in Chromium).
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../widget/src/components/app.tsx';
import '../../widget/src/extras.ts';
// Registers the live part as if causerie-live.<lang>.js had loaded.
import '../../widget/src/live.ts';
import { langs } from '../../widget/src/i18n/langs.ts';
import { plural } from '../../widget/src/i18n/plural.ts';
import { loadLive } from '../../widget/src/lazy.tsx';
import { newCommentsText } from '../../widget/src/live/i18n/index.ts';
import { backoff, liveUrl, MAX_FAILURES, openLiveSocket } from '../../widget/src/live/socket.ts';
import { comment, created, fakeFetch, json, options, page, type Recorded } from './helpers.ts';
import { ScriptedSocket, screenState, stubLiveGlobals } from './live-fakes.ts';

beforeEach(() => {
  localStorage.clear();
  stubLiveGlobals();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const is = (request: Recorded, path: string) => request.url.pathname === `/api/v1${path}`;

/** The API of a site with live updates on (or off), and this thread. */
const site = (thread: ReturnType<typeof page>, live = true) =>
  fakeFetch((request) =>
    is(request, '/config') ? json({ live, auth: null, challenge: null }) : json(thread),
  );

/** The app shows the thread and its socket is open (the thread on screen). */
const followed = async (first = comment({ html: '<p>Premier</p>' })) => {
  const requests = site(page([first]));
  render(
    <App _options={options({ origin: `https://live-${Math.random().toString(36).slice(2)}.example` })} />,
  );
  await screen.findByText('Premier');
  await vi.waitFor(() => expect(screenState.observing).toBe(true));
  screenState.seen(true);
  await vi.waitFor(() => expect(ScriptedSocket.all).toHaveLength(1));
  const socket = ScriptedSocket.all[0] as ScriptedSocket;
  socket._open();
  socket._say({ type: 'hello', commentCount: 1 });
  return { socket, requests, first };
};

describe('the live part in the app', () => {
  it('keeps a new comment behind the button until the reader asks, then shows and focuses it', async () => {
    const { socket } = await followed();
    expect(socket.url).toMatch(
      /^wss:\/\/live-\w+\.example\/api\/v1\/live\?url=https%3A%2F%2Fblog\.example%2Fpost$/,
    );
    const fresh = comment({ html: '<p>Tout nouveau</p>' });
    socket._say({ type: 'comment', comment: fresh });
    const button = await screen.findByRole('button', { name: '1 nouveau commentaire — afficher' });
    // The positive marker is in: the comment itself is still not in the thread.
    expect(screen.queryByText('Tout nouveau')).toBeNull();
    socket._say({ type: 'comment', comment: comment({ parentId: fresh.id, html: '<p>Une réponse</p>' }) });
    await vi.waitFor(() => expect(button.textContent).toBe('2 nouveaux commentaires — afficher'));
    fireEvent.click(button);
    await screen.findByText('Tout nouveau');
    await screen.findByText('Une réponse');
    expect(button.closest('.live')?.hasAttribute('hidden')).toBe(true);
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('data-comment-id')).toBe(fresh.id));
    expect(document.querySelector('h2.count')?.textContent).toBe('3 commentaires');
  });

  it('updates like counts at once, and removes a comment deleted or moderated away', async () => {
    const { socket, first } = await followed(comment({ html: '<p>Premier</p>', likes: 2 }));
    const like = screen.getByRole('button', { name: /J’aime le commentaire de Alice/ });
    expect(like.textContent).toContain('2');
    socket._say({ type: 'like', id: first.id, likes: 7 });
    await vi.waitFor(() => expect(like.textContent).toContain('7'));
    socket._say({ type: 'remove', id: first.id });
    await vi.waitFor(() => expect(screen.queryByText('Premier')).toBeNull());
    expect(document.querySelector('h2.count')?.textContent).toBe('Pas encore de commentaire');
  });

  it("stops counting the reader's own comment once their post's answer shows it", async () => {
    let answer: (response: Response) => void = () => {};
    let clientId = '';
    const thread = page([comment({ html: '<p>Premier</p>' })]);
    fakeFetch((request) => {
      if (is(request, '/config')) return json({ live: true, auth: null, challenge: null });
      if (request.method === 'POST') {
        clientId = (request.body as { clientId: string }).clientId;
        return new Promise<Response>((resolve) => (answer = resolve));
      }
      return json(thread);
    });
    render(<App _options={options({ origin: 'https://own.example' })} />);
    await screen.findByText('Premier');
    await vi.waitFor(() => expect(screenState.observing).toBe(true));
    screenState.seen(true);
    await vi.waitFor(() => expect(ScriptedSocket.all).toHaveLength(1));
    const socket = ScriptedSocket.all[0] as ScriptedSocket;
    socket._open();
    socket._say({ type: 'hello', commentCount: 1 });
    fireEvent.input(screen.getByLabelText('Commentaire', { exact: true }), { target: { value: 'Le mien' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publier le commentaire' }));
    await vi.waitFor(() => expect(clientId).not.toBe(''));
    const own = comment({ id: `own-${clientId}`, html: '<p>Le mien</p>' });
    // Heard before the POST's answer came back: counted for now.
    socket._say({ type: 'comment', comment: own });
    const button = await screen.findByRole('button', { name: '1 nouveau commentaire — afficher' });
    answer(json(created(own), 201));
    await screen.findByText('Le mien');
    await vi.waitFor(() => expect(button.closest('.live')?.hasAttribute('hidden')).toBe(true));
    expect(screen.getAllByText('Le mien')).toHaveLength(1);
  });

  it('replaces an edited comment where it stands, without the button', async () => {
    const { socket, first } = await followed();
    socket._say({
      type: 'comment',
      comment: { ...first, html: '<p>Premier, corrigé</p>', editedAt: new Date().toISOString() },
    });
    await screen.findByText('Premier, corrigé');
    expect(screen.queryByRole('button', { name: /nouveau/ })).toBeNull();
  });

  it('reloads the thread when the hello of a reconnection counts comments it never heard of', async () => {
    const { socket, requests } = await followed();
    socket._drop();
    // Back after the backoff: the server's object restarted and a comment came meanwhile.
    await vi.waitFor(() => expect(ScriptedSocket.all).toHaveLength(2), { timeout: 3000 });
    const again = ScriptedSocket.all[1] as ScriptedSocket;
    again._open();
    again._say({ type: 'hello', commentCount: 2 });
    const button = await screen.findByRole('button', { name: '1 nouveau commentaire — afficher' });
    const reads = requests.filter((r) => is(r, '/threads')).length;
    fireEvent.click(button);
    await vi.waitFor(() => expect(requests.filter((r) => is(r, '/threads')).length).toBe(reads + 1));
  });

  it('never connects where GET /config says live: false', async () => {
    const origin = 'https://off.example';
    const requests = site(page([comment({ html: '<p>Calme</p>' })]), false);
    render(<App _options={options({ origin })} />);
    await screen.findByText('Calme');
    // The positive marker: the app's own question about live updates has been answered.
    await vi.waitFor(() => expect(requests.some((r) => is(r, '/config'))).toBe(true));
    expect(await loadLive(origin)).toBeUndefined();
    screenState.seen(true);
    expect(ScriptedSocket.all).toHaveLength(0);
  });
});

describe('the live socket', () => {
  it('backs off exponentially with full jitter, capped at a minute', () => {
    expect(backoff(0, () => 1)).toBe(1000);
    expect(backoff(3, () => 1)).toBe(8000);
    expect(backoff(20, () => 1)).toBe(60_000);
    expect(backoff(5, () => 0)).toBe(0);
    expect(backoff(2, () => 0.5)).toBe(2000);
  });

  it('speaks ws:// to an http origin and names the thread by its id too', () => {
    expect(liveUrl('http://127.0.0.1:8787', 'https://blog.example/a?b=1', 'post-7')).toBe(
      'ws://127.0.0.1:8787/api/v1/live?url=https%3A%2F%2Fblog.example%2Fa%3Fb%3D1&id=post-7',
    );
  });

  it(`gives up silently after ${MAX_FAILURES} attempts that never opened: WebSockets are blocked`, async () => {
    vi.useFakeTimers();
    const socket = openLiveSocket('wss://blocked.example/api/v1/live?url=x', () => {});
    socket._want(true);
    for (let attempt = 1; attempt <= MAX_FAILURES; attempt++) {
      expect(ScriptedSocket.all).toHaveLength(attempt);
      (ScriptedSocket.all.at(-1) as ScriptedSocket)._drop();
      await vi.advanceTimersByTimeAsync(120_000);
    }
    expect(ScriptedSocket.all).toHaveLength(MAX_FAILURES);
    socket._want(true);
    expect(ScriptedSocket.all).toHaveLength(MAX_FAILURES);
  });

  it('keeps a working socket alive with pings, and closes it when no longer wanted', async () => {
    vi.useFakeTimers();
    const socket = openLiveSocket('wss://ok.example/api/v1/live?url=x', () => {});
    socket._want(true);
    const first = ScriptedSocket.all[0] as ScriptedSocket;
    first._open();
    await vi.advanceTimersByTimeAsync(46_000);
    expect(first.sent).toEqual(['ping']);
    socket._want(false);
    expect(first.readyState).toBe(3);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(ScriptedSocket.all).toHaveLength(1);
  });
});

describe('the button in every language', () => {
  for (const lang of langs) {
    it(`says how many new comments in ${lang}`, () => {
      const forms = newCommentsText(lang);
      for (const n of [1, 2, 3, 5, 11, 21]) expect(plural(lang, forms, n).length).toBeGreaterThan(3);
      // Its own catalog, not English as a fallback.
      if (lang !== 'en') expect(forms).not.toEqual(newCommentsText('en'));
    });
  }
});
