/**
 * The widget as it ships (as Preact tests its minified build): dist/embed.js, causerie-view.js,
 * causerie-app.fr.js and causerie-extras.fr.js, run in happy-dom against the fake API of helpers.ts. What only the minified build
 * can break (a renamed property that crosses into JSON, the DOM or between the app and its parts) breaks
 * here: the boot mounts a thread, a reader posts a comment and replies to one; on a deployment that offers
 * sign-in, the sign-in part (causerie-auth.fr.js) signs the reader in with the host's SSO token and lists
 * their own comments. `npm test` builds first;
 * run `npm run build` when running alone.
 */
// This one test reads the build from disk: Node's types here, rather than in the widget's tsconfig.
/// <reference types="node" />
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { fireEvent, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NewComment } from '../../worker/types/api.ts';
import { comment, echoPost, fakeFetch, json, origin, page, server } from './helpers.ts';

const dist = fileURLToPath(new NodeURL('../../dist/', import.meta.url));
const built = existsSync(`${dist}embed.js`);

/** Runs a built file as the page would run its classic script: in the global scope, not as a module. */
const run = (file: string) => new Function(readFileSync(`${dist}${file}`, 'utf8'))();

/** Answers a POST the way the worker does: the comment it describes, approved. */
const echo = echoPost();

/**
 * A page with the element `#id` and the embed's `script` tag, booted by the built embed.js as a browser
 * would; `root()` is the widget's thread once it has rendered (not busy), in the element's shadow root.
 */
const embed = (id: string, script: string) => {
  document.body.innerHTML = `<div id="${id}"></div>`;
  document.body.insertAdjacentHTML('beforeend', script);
  run('embed.js');
  const host = document.getElementById(id) as HTMLElement;
  const root = () => host.shadowRoot?.querySelector<HTMLElement>('.causerie[aria-busy="false"]');
  return { host, root };
};

/**
 * Types into a field, then lets the bundle's own Preact re-render: testing-library's `act` flushes only
 * its Preact, not the copy inside the build, and a click before that render would submit the old state.
 */
const type = async (scope: HTMLElement, label: string, value: string) => {
  fireEvent.input(within(scope).getByLabelText(label), { target: { value } });
  await new Promise((resolve) => setTimeout(resolve));
};

describe.skipIf(!built && !process.env.CI)('the minified build (dist/)', () => {
  beforeAll(() => {
    expect(built, 'dist/ is missing: the build must run before the tests').toBe(true);
    // The app and its extras first: they register on window, so the boot finds them instead of loading
    // them with <script src> (happy-dom does not fetch scripts here).
    run('causerie-view.js');
    run('causerie-app.fr.js');
    run('causerie-extras.fr.js');
    run('causerie-auth.fr.js');
  });

  afterEach(() => vi.unstubAllGlobals());

  it('boots from its script tag, shows the thread, posts a comment and a reply', async () => {
    localStorage.clear();
    const requests = fakeFetch(server(page([comment({ id: 'alice', html: '<p>Premier !</p>' })]), echo));
    const { host, root } = embed(
      'comments',
      `<script type="text/plain" src="${origin}/embed.js" data-target="#comments" data-loading="eager" data-lang="fr" data-url="https://blog.example/post" data-origin="https://evil.example"></script>`,
    );
    await vi.waitFor(() => expect(root()?.querySelector('h2.count')?.textContent).toBe('1 commentaire'));
    const thread = root() as HTMLElement;
    expect(thread.textContent).toContain('Premier !');
    // At the script's origin, never data-origin's: the thread's HTML first (this fake server has none, so
    // the boot falls back on the app), then the app's JSON read.
    expect(requests[0]?.url.href).toBe(
      `${origin}/api/v1/threads/html?url=https%3A%2F%2Fblog.example%2Fpost&sort=oldest&lang=fr&theme=light`,
    );
    expect(requests.map((r) => r.url.href)).toContain(
      `${origin}/api/v1/threads?url=https%3A%2F%2Fblog.example%2Fpost&sort=oldest`,
    );

    await type(thread, 'Nom', 'Camille');
    await type(thread, 'Commentaire', 'Un commentaire');
    fireEvent.click(within(thread).getByRole('button', { name: 'Publier le commentaire' }));
    await vi.waitFor(() => expect(thread.textContent).toContain('Un commentaire'));

    const alice = thread.querySelector<HTMLElement>('[data-comment-id="alice"]') as HTMLElement;
    fireEvent.click(within(alice).getAllByRole('button', { name: 'Répondre' })[0] as HTMLElement);
    const replyForm = await within(alice).findByRole('form', { name: 'Répondre à Alice' });
    await type(replyForm, 'Commentaire', 'Une réponse');
    fireEvent.click(within(replyForm).getByRole('button', { name: 'Publier le commentaire' }));
    await vi.waitFor(() => expect(alice.textContent).toContain('Une réponse'));

    const posted = requests.filter((r) => r.method === 'POST').map((r) => r.body as NewComment);
    expect(posted).toMatchObject([
      { url: 'https://blog.example/post', body: 'Un commentaire', author: { name: 'Camille' } },
      { url: 'https://blog.example/post', body: 'Une réponse', parentId: 'alice' },
    ]);
    expect(requests.every((r) => r.url.origin === origin)).toBe(true); // data-origin is not an attribute
    // Same thread and language: re-renders in place (no other app to load), and hands back the handle.
    window.Causerie?.mount(host, { lang: 'fr', url: 'https://blog.example/post' }).unmount();
    expect(host.shadowRoot?.childElementCount).toBe(0);
  });

  it('signs in with the host site’s SSO token (the sign-in part), posts with the session, signs out', async () => {
    localStorage.clear();
    const deployment = 'https://sso.comments.example'; // asked GET /config afresh: once per deployment
    const session = `ses_${'a'.repeat(43)}`;
    const user = { id: 'u1', name: 'Camille Dupont', email: null, provider: 'sso' };
    const requests = fakeFetch((request) => {
      const path = request.url.pathname;
      if (path === '/api/v1/config')
        return json({
          version: 1,
          auth: { guests: true, providers: [{ id: 'github', name: 'GitHub' }], sso: true },
        });
      if (path === '/api/v1/threads') return json(page([]));
      if (path === '/api/v1/auth/sso') return json({ session, user });
      if (path === '/api/v1/auth/logout') return new Response(null, { status: 204 });
      if (path === '/api/v1/me/comments')
        return json({
          comments: [
            {
              ...comment({ id: 'mine' }),
              thread: { key: 'k', url: 'https://blog.example/x', title: 'Mon article' },
            },
          ],
          nextCursor: null,
        });
      return echo(request);
    });
    // One window.Causerie per page, bound to the first embed's origin: this page's embed comes from another.
    delete window.Causerie;
    const { root } = embed(
      'signed',
      `<script type="text/plain" src="${deployment}/embed.js" data-target="#signed" data-loading="eager" data-lang="fr" data-url="https://blog.example/post" data-sso="h.p.s"></script>`,
    );
    await vi.waitFor(() => expect(root()?.textContent).toContain('Connecté en tant que Camille Dupont'));
    const thread = root() as HTMLElement;
    expect(within(thread).queryByLabelText('Nom')).toBeNull();
    await type(thread, 'Commentaire', 'Signé');
    fireEvent.click(within(thread).getByRole('button', { name: 'Publier le commentaire' }));
    await vi.waitFor(() => expect(thread.textContent).toContain('Signé'));
    const [posted] = requests.filter((r) => r.url.pathname === '/api/v1/comments');
    expect(posted?.headers.get('Authorization')).toBe(`Bearer ${session}`);
    expect(requests.find((r) => r.url.pathname === '/api/v1/auth/sso')?.body).toEqual({ token: 'h.p.s' });

    // "Your account": the reader's own comments, asked with the session.
    fireEvent.click(within(thread).getByText('Votre compte'));
    expect(await within(thread).findByRole('link', { name: 'Mon article' })).toBeTruthy();
    expect(requests.find((r) => r.url.pathname === '/api/v1/me/comments')?.headers.get('Authorization')).toBe(
      `Bearer ${session}`,
    );

    fireEvent.click(within(thread).getByRole('button', { name: 'Se déconnecter' }));
    await vi.waitFor(() => expect(thread.textContent).toContain('Vous êtes déconnecté.'));
    expect(requests.find((r) => r.url.pathname === '/api/v1/auth/logout')?.headers.get('Authorization')).toBe(
      `Bearer ${session}`,
    );
  });
});
