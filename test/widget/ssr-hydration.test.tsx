/**
 * Issue 15, item 3: a thread the server rendered into the embed's container (GET /threads/html) is adopted,
 * not replaced: the same comment nodes before and after the script (marked, and watched by a
 * MutationObserver), the form's top too, no GET /threads for the first page, and replying and liking work.
 * The fragment is the worker's own (services/render/thread-html.ts with the widget's components).
 * happy-dom does not parse declarative shadow roots, so "declarative" is simulated by attaching the root
 * and filling it with the template's content, which is what the HTML parser does.
 */
import { fireEvent, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
// Registers the on-demand part as if causerie-extras.<lang>.js had loaded (the build's e2e tests load it).
import '../../widget/src/extras.ts';
import { langs } from '../../widget/src/i18n/langs.ts';
import { type MountHandle, mount } from '../../widget/src/mount.tsx';
import { catalogs } from '../../widget/src/ssr/catalogs.ts';
import { renderThreadHtml } from '../../worker/services/render/thread-html.ts';
import type { ThreadPage } from '../../worker/types/api.ts';
import { comment, echoPost, fakeFetch, json, options, origin, page, type Recorded } from './helpers.ts';

const handles: MountHandle[] = [];
let host: HTMLElement;

beforeEach(() => {
  localStorage.clear();
  document.body.innerHTML = '<div id="comments"></div>';
  host = document.getElementById('comments') as HTMLElement;
});
afterEach(() => {
  for (const handle of handles.splice(0)) handle.unmount();
  vi.unstubAllGlobals();
});

/**
 * The worker's fragment, as a browser running scripts parses it: happy-dom reads `<noscript>` content as
 * markup (browsers do only with scripting off), which would apply its no-JavaScript style here.
 */
const fragment = (thread: ThreadPage, sort: 'oldest' | 'newest' = 'oldest') =>
  renderThreadHtml({
    page: thread,
    sort,
    lang: ['fr'],
    theme: 'light',
    origin,
    feed: { url: thread.thread.url },
  }).html.replace(/<noscript>.*?<\/noscript>/, '<noscript></noscript>');

/** What the HTML parser makes of the fragment in a page: a shadow root holding the template's content. */
const declarative = (html: string) => {
  host.innerHTML = html;
  const template = host.querySelector('template') as HTMLTemplateElement;
  host.attachShadow({ mode: 'open' }).append(template.content);
  template.remove();
};

const is = (request: Recorded, method: string, path: string) =>
  request.method === method && request.url.pathname === `/api/v1${path}`;

const likes = (c: ReturnType<typeof comment>) => (request: Recorded) =>
  is(request, 'POST', `/comments/${c.id}/like`)
    ? json({ likes: 1, liked: true })
    : is(request, 'POST', '/comments')
      ? echoPost()(request)
      : is(request, 'GET', '/threads')
        ? json(page([c]))
        : json({ auth: null }); // GET /config: guests only

describe.each([
  ['a declarative shadow root', declarative],
  ['a <template shadowrootmode> inserted as HTML', (html: string) => (host.innerHTML = html)],
])('a server-rendered thread in %s', (_name, insert) => {
  it('is adopted in place: the same comment nodes and form, no GET /threads, and it works', async () => {
    const alice = comment();
    const reply = comment({ parentId: alice.id });
    const requests = fakeFetch(likes(alice));
    insert(fragment(page([alice, reply])));
    // The server's articles, wherever they are before the script (shadow root, or template content).
    const before = [
      ...(
        host.shadowRoot ?? (host.querySelector('template') as HTMLTemplateElement).content
      ).querySelectorAll('article'),
    ];
    expect(before).toHaveLength(2);
    for (const article of before) (article as HTMLElement & { mark?: string }).mark = article.id;
    // The form's top is the server's too (issue 15): on screen before the script, adopted with the rest.
    const serverForm = before[0]?.closest('section')?.querySelector('form');
    expect(serverForm?.querySelector('textarea[name="body"]')).toBeTruthy();

    handles.push(mount(host, options()));
    const root = host.shadowRoot as ShadowRoot;
    const removed: Node[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) removed.push(...record.removedNodes);
    });
    observer.observe(root, { childList: true, subtree: true });

    // The form is the server's own node, now with the app's behaviour.
    await vi.waitFor(() => expect(root.querySelector('form')).toBe(serverForm));
    const after = [...root.querySelectorAll('article')];
    expect(after).toHaveLength(2);
    for (const [i, article] of after.entries()) expect(article).toBe(before[i]);
    expect(after.map((a) => (a as HTMLElement & { mark?: string }).mark)).toEqual(before.map((a) => a.id));
    // One section, and the app's own stylesheet first (the room giving way is measured in Chromium).
    expect(root.querySelectorAll('section.causerie')).toHaveLength(1);
    expect(root.querySelector('style')?.textContent).toContain('--causerie-accent');

    // It works: reply to Alice, like her comment.
    const aliceEl = root.getElementById(`comment-${alice.id}`) as HTMLElement;
    fireEvent.click(within(aliceEl).getAllByRole('button', { name: 'Répondre' })[0] as HTMLElement);
    const replyForm = within(aliceEl).getByRole('form', { name: 'Répondre à Alice' });
    fireEvent.input(within(replyForm).getByLabelText('Commentaire'), { target: { value: 'Merci !' } });
    fireEvent.click(within(replyForm).getByRole('button', { name: 'Publier le commentaire' }));
    await vi.waitFor(() => expect(root.textContent).toContain('Merci !'));
    const like = within(aliceEl).getAllByRole('button', {
      name: /J’aime le commentaire de Alice/,
    })[0] as HTMLElement;
    fireEvent.click(like);
    await vi.waitFor(() => expect(like.getAttribute('aria-pressed')).toBe('true'));
    observer.disconnect();

    // Not one of them left the tree, even for a moment (a moved ancestor is removed and inserted again).
    expect(
      removed.filter((node) => before.some((article) => node === article || node.contains(article))),
    ).toEqual([]);
    expect(requests.filter((r) => is(r, 'GET', '/threads'))).toEqual([]);
    expect(requests.some((r) => is(r, 'POST', '/comments'))).toBe(true);
    expect(requests.some((r) => is(r, 'POST', `/comments/${alice.id}/like`))).toBe(true);
  });
});

describe('a server-rendered thread the widget cannot adopt as is', () => {
  it('loads the reader’s own order when it is not the server’s', async () => {
    localStorage.setItem('causerie:sort', JSON.stringify('newest'));
    const c = comment();
    const requests = fakeFetch(likes(c));
    declarative(fragment(page([c]), 'oldest'));
    handles.push(mount(host, options()));
    await vi.waitFor(() => expect(requests.some((r) => is(r, 'GET', '/threads'))).toBe(true));
    expect(requests.find((r) => is(r, 'GET', '/threads'))?.url.searchParams.get('sort')).toBe('newest');
  });

  it('renders from the API when the JSON island is damaged', async () => {
    const c = comment();
    const requests = fakeFetch(likes(c));
    declarative(fragment(page([c])));
    (host.querySelector('script[data-causerie-page]') as HTMLScriptElement).text = '{"broken';
    handles.push(mount(host, options()));
    await vi.waitFor(() => expect(host.shadowRoot?.querySelector('form')).toBeTruthy());
    expect(requests.some((r) => is(r, 'GET', '/threads'))).toBe(true);
    expect(host.shadowRoot?.querySelectorAll('section.causerie')).toHaveLength(1);
  });
});

describe('the worker’s catalogs', () => {
  it('hold every language the widget speaks', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...langs].sort());
  });
});
