/**
 * The live watch of a server-rendered thread (causerie-watch.<lang>.js, issues 15 × 17), in happy-dom, on
 * the worker's own HTML of a thread (services/render/thread-html.ts with the widget's components) in a
 * container's shadow root, as the boot puts it there: WebSocket and IntersectionObserver are the scripted
 * stand-ins of live-fakes.ts (the real ones: test/e2e/watch-view.test.ts). Each case runs on the sources
 * and on the minified build (dist/causerie-watch.en.js), which is what ships.
 */
// The built file is read from disk: Node's types here, rather than in the widget's tsconfig.
/// <reference types="node" />
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { fireEvent, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Watch } from '../../widget/src/live/watch-view.ts';
import { LINGER_MS } from '../../widget/src/live/watching.ts';
import { renderThreadHtml } from '../../worker/services/render/thread-html.ts';
import type { Comment, ThreadPage } from '../../worker/types/api.ts';
import { comment, origin, page } from './helpers.ts';
import { ScriptedSocket, screenState, stubLiveGlobals } from './live-fakes.ts';

const dist = fileURLToPath(new NodeURL('../../dist/', import.meta.url));
const built = existsSync(`${dist}causerie-watch.en.js`);

/** Runs the sources' entry, or the built file as the page runs its classic script; answers the English watch. */
let registered: Window['causerieWatch'];
const sources = async (): Promise<Watch> => {
  // A module runs once: what it registered is put back after the built file's turn.
  await import('../../widget/src/watch.ts');
  registered ??= window.causerieWatch;
  window.causerieWatch = registered;
  return window.causerieWatch?.en as Watch;
};
const minified = async (): Promise<Watch> => {
  // The build's own registry, not the sources' (which `sources` puts back).
  window.causerieWatch = {};
  new Function(readFileSync(`${dist}causerie-watch.en.js`, 'utf8'))();
  return window.causerieWatch?.en as Watch;
};

let host: HTMLElement;
beforeEach(() => {
  stubLiveGlobals();
  document.body.innerHTML = '<div id="comments"></div>';
  host = document.getElementById('comments') as HTMLElement;
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/**
 * The worker's HTML of `thread` in the container, as the parser (or the boot) makes it: the template's
 * content in an open shadow root, the JSON island and the feed link in the light DOM. Answers the view.
 * happy-dom reads `<noscript>` content as markup (browsers do only with scripting off), which would hide
 * the buttons here.
 */
const serverView = (thread: ThreadPage): HTMLElement => {
  const { html } = renderThreadHtml({
    page: thread,
    sort: 'oldest',
    lang: ['en'],
    theme: 'light',
    origin,
    feed: { url: thread.thread.url },
  });
  host.innerHTML = html.replace(/<noscript>.*?<\/noscript>/, '');
  const template = host.querySelector('template') as HTMLTemplateElement;
  host.attachShadow({ mode: 'open' }).append(template.content);
  template.remove();
  return host.shadowRoot?.querySelector('[data-causerie-ssr]') as HTMLElement;
};

/** Watches the view and opens its socket (the view on screen), which says hello with the page's count. */
const watching = async (load: () => Promise<Watch>, comments: Comment[], likes = 0) => {
  const thread = page(comments);
  thread.thread.likes = likes;
  const view = serverView(thread);
  // What the server put in the shadow root, before the watch adds anything to it.
  const server = [...(view.getRootNode() as ShadowRoot).children];
  const wake = vi.fn();
  const watch = await load();
  const stop = watch(view, { origin, url: thread.thread.url, lang: 'en' }, wake);
  expect(screenState.observing).toBe(true);
  // The positive marker (the view is observed) is in: nothing connects before the view is on screen.
  expect(ScriptedSocket.all).toHaveLength(0);
  screenState.seen(true);
  expect(ScriptedSocket.all).toHaveLength(1);
  const socket = ScriptedSocket.all[0] as ScriptedSocket;
  socket._open();
  socket._say({ type: 'hello', commentCount: thread.thread.commentCount });
  const root = host.shadowRoot as ShadowRoot;
  const pill = () => root.querySelector<HTMLElement>('.live');
  return { view, root, socket, wake, stop, pill, thread, server };
};

const likeOf = (root: ShadowRoot, c: Comment) =>
  within(root.getElementById(`comment-${c.id}`) as HTMLElement).getAllByRole('button', {
    name: new RegExp(`Like ${c.author?.name}’s comment`),
  })[0] as HTMLElement;

describe.each([
  ['the sources', sources, true],
  ['the minified build (dist/causerie-watch.en.js)', minified, built || !!process.env.CI],
])('the watch of a server-rendered thread, %s', (_name, load, run) => {
  const test = it.skipIf(!run);

  test('registers itself for its languages', async () => {
    expect(typeof (await load())).toBe('function');
  });

  test('counts a new comment behind the button, says it, and a click wakes the app', async () => {
    const alice = comment({ html: '<p>First</p>' });
    const { socket, pill, wake, view, root } = await watching(load, [alice]);
    expect(socket.url).toBe(
      `wss://comments.example/api/v1/live?url=${encodeURIComponent('https://blog.example/post')}`,
    );
    expect(pill()?.hidden).toBe(true);
    const fresh = comment({ html: '<p>Brand new</p>' });
    socket._say({ type: 'comment', comment: fresh });
    const button = within(root as unknown as HTMLElement).getByRole('button', {
      name: '1 new comment — show',
    });
    expect(pill()?.hidden).toBe(false);
    expect(view.querySelector('[aria-live]')?.textContent).toBe('1 new comment — show');
    // Behind the button: the server's view itself is unchanged.
    expect(view.textContent).not.toContain('Brand new');
    socket._say({ type: 'comment', comment: comment({ parentId: fresh.id }) });
    expect(button.textContent).toBe('2 new comments — show');
    // A comment the view shows is no news (an edit): its text changes in place.
    socket._say({
      type: 'comment',
      comment: { ...alice, html: '<p>First, fixed</p>', editedAt: new Date().toISOString() },
    });
    expect(button.textContent).toBe('2 new comments — show');
    expect(root.getElementById(`comment-${alice.id}`)?.querySelector('.body')?.textContent).toBe(
      'First, fixed',
    );
    expect(wake).not.toHaveBeenCalled();
    fireEvent.click(button);
    expect(wake).toHaveBeenCalledTimes(1);
    expect(pill()?.hidden).toBe(true);
  });

  test('counts what a hello says it missed, beyond the page the server rendered', async () => {
    const { socket, root } = await watching(load, [comment(), comment()]);
    // The hello of the connection counted the page's 2: nothing to show.
    expect(root.querySelector<HTMLElement>('.live')?.hidden).toBe(true);
    socket._drop();
    await vi.waitFor(() => expect(ScriptedSocket.all).toHaveLength(2), { timeout: 3000 });
    const again = ScriptedSocket.all[1] as ScriptedSocket;
    again._open();
    again._say({ type: 'hello', commentCount: 5 });
    within(root as unknown as HTMLElement).getByRole('button', { name: '3 new comments — show' });
  });

  test('takes no hello for missed news where the JSON island is missing', async () => {
    const view = serverView(page([comment()]));
    host.querySelector('script[data-causerie-page]')?.remove();
    const stop = (await load())(view, { origin, url: 'https://blog.example/post', lang: 'en' }, () => {});
    screenState.seen(true);
    const socket = ScriptedSocket.all[0] as ScriptedSocket;
    socket._open();
    socket._say({ type: 'hello', commentCount: 9 });
    socket._say({ type: 'comment', comment: comment() });
    // The positive marker: the button counts the one comment heard, not the hello's 9.
    within(host.shadowRoot as unknown as HTMLElement).getByRole('button', { name: '1 new comment — show' });
    stop();
  });

  test("updates a comment's and the page's like counts in place", async () => {
    const alice = comment({ likes: 2 });
    const { socket, root, view } = await watching(load, [alice], 1);
    const like = likeOf(root, alice);
    expect(like.textContent).toMatch(/ 2$/);
    socket._say({ type: 'like', id: alice.id, likes: 7 });
    expect(like.textContent).toMatch(/ 7$/);
    // The same button, its label kept.
    expect(likeOf(root, alice)).toBe(like);
    const words = () => view.querySelector('.bar .likes .muted')?.textContent;
    expect(words()).toBe('1 person likes this page');
    socket._say({ type: 'like', page: true, likes: 3 });
    expect(words()).toBe('3 people like this page');
    socket._say({ type: 'like', page: true, likes: 0 });
    expect(view.querySelector('.bar .likes')).not.toBeNull();
    expect(words()).toBeUndefined();
    socket._say({ type: 'like', page: true, likes: 1 });
    expect(words()).toBe('1 person likes this page');
  });

  test('removes a comment with its replies, nested or past the nesting limit', async () => {
    const root1 = comment({ html: '<p>Root</p>' });
    const reply = comment({ parentId: root1.id, html: '<p>Reply</p>' });
    const other = comment({ html: '<p>Other</p>' });
    // A chain deeper than the nesting limit: from the fifth level on, one flat list.
    const chain = [comment({ parentId: other.id })];
    for (let i = 0; i < 6; i++) chain.push(comment({ parentId: chain.at(-1)?.id ?? null }));
    const { socket, view, root, thread } = await watching(load, [root1, reply, other, ...chain]);
    const ids = () =>
      [...view.querySelectorAll<HTMLElement>('[data-comment-id]')].map((a) => a.dataset.commentId);
    expect(view.querySelector('.flat')).not.toBeNull();
    socket._say({ type: 'remove', id: root1.id });
    expect(ids()).toEqual([other.id, ...chain.map((c) => c.id)]);
    // A comment in the flat list, and the replies after it that answer it.
    const cut = chain[4] as Comment;
    expect(cut && view.querySelector(`.flat [data-comment-id="${cut.id}"]`)).not.toBeNull();
    socket._say({ type: 'remove', id: cut.id });
    expect(ids()).toEqual([other.id, ...chain.slice(0, 4).map((c) => c.id)]);
    // The count goes down as the app's: a hello of the server's new count is no missed news.
    socket._drop();
    await vi.waitFor(() => expect(ScriptedSocket.all).toHaveLength(2), { timeout: 3000 });
    const again = ScriptedSocket.all[1] as ScriptedSocket;
    again._open();
    const before = thread.thread.commentCount;
    again._say({ type: 'hello', commentCount: before - 2 });
    expect(root.querySelector<HTMLElement>('.live')?.hidden).toBe(true);
    again._say({ type: 'hello', commentCount: before - 1 });
    expect(root.querySelector<HTMLElement>('.live')?.hidden).toBe(false);
  });

  test('stop() closes the socket, removes the button and every listener', async () => {
    const { socket, stop, root, view, server } = await watching(load, [comment()]);
    socket._say({ type: 'comment', comment: comment() });
    expect(root.querySelector('.live')).not.toBeNull();
    stop();
    expect(socket.readyState).toBe(3);
    expect(root.querySelector('.live')).toBeNull();
    // The button's own sheet went with it: what is left beside the view is the server's.
    expect(server).toContain(view);
    expect([...root.children]).toEqual(server);
    // The aria-live region as the server rendered it, for the app's hydration.
    expect(view.querySelector('[aria-live]')?.textContent).toBe('');
    expect(screenState.disconnected).toBe(1);
    document.dispatchEvent(new Event('visibilitychange'));
    screenState.seen(true);
    expect(ScriptedSocket.all).toHaveLength(1);
  });

  test('watching the same view again answers the same stop, and a stopped view can be watched again', async () => {
    const { view, stop, thread } = await watching(load, [comment()]);
    const watch = window.causerieWatch?.en as Watch;
    expect(watch(view, { origin, url: thread.thread.url, lang: 'en' }, () => {})).toBe(stop);
    stop();
    const again = watch(view, { origin, url: thread.thread.url, lang: 'en' }, () => {});
    expect(again).not.toBe(stop);
    again();
  });

  test('stops once the view has left the page', async () => {
    const { socket, root } = await watching(load, [comment()]);
    host.remove();
    socket._say({ type: 'comment', comment: comment() });
    expect(socket.readyState).toBe(3);
    expect(root.querySelector('.live')).toBeNull();
  });

  test(`closes the socket ${LINGER_MS / 1000} s after the view goes out of sight, and opens it again when back`, async () => {
    vi.useFakeTimers();
    const { socket } = await watching(load, [comment()]);
    screenState.seen(false);
    await vi.advanceTimersByTimeAsync(LINGER_MS - 1000);
    expect(socket.readyState).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(socket.readyState).toBe(3);
    screenState.seen(true);
    expect(ScriptedSocket.all).toHaveLength(2);
  });
});

describe('the watch in another language', () => {
  it('says the button in the language it is given, and names the thread by its id', async () => {
    const watch = await sources();
    // One function for every language: the options say which.
    expect(window.causerieWatch?.fr).toBe(watch);
    const view = serverView(page([comment()]));
    const stop = watch(view, { origin, url: null, id: 'post-7', lang: 'fr' }, () => {});
    screenState.seen(true);
    const socket = ScriptedSocket.all[0] as ScriptedSocket;
    expect(socket.url).toBe('wss://comments.example/api/v1/live?id=post-7');
    socket._open();
    socket._say({ type: 'comment', comment: comment() });
    expect(host.shadowRoot?.querySelector('.live button')?.textContent).toBe(
      '1 nouveau commentaire — afficher',
    );
    stop();
  });
});
