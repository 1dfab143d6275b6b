/**
 * HTML first and the app on intent (issue 15), the boot's side: when the thread nears the viewport, the
 * boot asks for the thread's HTML (GET /threads/html, the same thread the app would ask for) and for the
 * view's part together, shows the HTML, and loads the app only on the reader's intent, or at once when
 * something needs it. What the reader did before the app (a click, text) is kept. happy-dom runs no script
 * file, so the part and the app are held when the boot adds them, and "run" when the test says so: the
 * module registers itself, then the file's `load` event fires, as a browser's would. The HTML is the
 * worker's own renderer's (services/render/thread-html.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderThreadHtml } from '../../worker/services/render/thread-html.ts';
import type { ThreadPage } from '../../worker/types/api.ts';
import {
  comment,
  echoPost,
  fakeFetch,
  json,
  page,
  parseWritesOnClose,
  problem,
  type Recorded,
} from './helpers.ts';

const heading = (host: Element) =>
  host.shadowRoot?.querySelector('.causerie[aria-busy="false"] h2.count')?.textContent;

const reads = (requests: Recorded[], path: string) =>
  requests.filter((request) => request.method === 'GET' && request.url.pathname === `/api/v1${path}`);

/** The script files the boot added to the page, held instead of appended (happy-dom would refuse them). */
let held: HTMLScriptElement[];
const heldFile = (part: string) => held.filter((script) => script.src.includes(part));

/** Runs a held file: its module registers itself, then the boot hears its `load`. */
const run = async (part: 'view' | 'app') => {
  await import(part === 'view' ? '../../widget/src/view.ts' : '../../widget/src/app.ts');
  for (const script of heldFile(`causerie-${part}`)) {
    held.splice(held.indexOf(script), 1);
    script.onload?.(new Event('load'));
  }
};

/** The worker's fragment as a browser with scripts on reads it (happy-dom would apply `<noscript>`). */
const fragment = (thread: ThreadPage, sort = 'oldest' as const) =>
  renderThreadHtml({
    page: thread,
    sort,
    lang: ['fr'],
    theme: 'light',
    origin: 'https://comments.example',
    feed: { url: thread.thread.url },
  }).html.replace(/<noscript>.*?<\/noscript>/, '<noscript></noscript>');

/** The worker: the thread as HTML and as JSON, likes and posts answered. */
const worker = (thread: ThreadPage) => (request: Recorded) => {
  const path = request.url.pathname;
  if (path === '/api/v1/threads/html')
    return new Response(fragment(thread, (request.url.searchParams.get('sort') ?? 'oldest') as 'oldest'), {
      headers: { 'Content-Type': 'text/html' },
    });
  if (path === '/api/v1/threads') return json(thread);
  if (request.method === 'POST' && path.endsWith('/like')) return json({ likes: 1, liked: true });
  if (request.method === 'POST' && path === '/api/v1/comments') return echoPost()(request);
  return json({ auth: null, live: false }); // GET /config
};

const addScript = (attributes = '') =>
  document.body.insertAdjacentHTML(
    'beforeend',
    `<script type="text/plain" src="https://comments.example/embed.js" data-target="#comments" data-lang="fr" data-url="https://blog.example/post" ${attributes}></script>`,
  );

/** The form's text area, in the thread's shadow root. */
const text = (element: Element) => element.shadowRoot?.querySelector('textarea') as HTMLTextAreaElement;

/** The thread comes near: the IntersectionObserver the boot made reports it. */
let near: () => void;
let host: HTMLElement;

beforeEach(() => {
  localStorage.clear();
  parseWritesOnClose();
  document.body.innerHTML = '<div id="comments"></div>';
  host = document.getElementById('comments') as HTMLElement;
  held = [];
  const append = document.head.append.bind(document.head);
  vi.spyOn(document.head, 'append').mockImplementation((...nodes) => {
    for (const node of nodes)
      if (node instanceof HTMLScriptElement && /causerie-(app|view|watch)/.test(node.src)) held.push(node);
      else append(node);
  });
  near = () => {};
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(callback: IntersectionObserverCallback) {
        near = () => callback([{ isIntersecting: true } as IntersectionObserverEntry], this as never);
      }
      observe() {}
      disconnect() {}
    },
  );
});

afterEach(() => {
  window.Causerie?.mount(host).unmount();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.resetModules();
  for (const name of ['Causerie', 'causerieApps', 'causerieLoading', 'causerieView', 'causerieWatch'])
    Reflect.deleteProperty(window, name);
  location.hash = '';
});

/** Boots the page, brings the thread near, and runs the view's part: the thread shown, no app. */
const shown = async (thread: ThreadPage, attributes = '') => {
  const requests = fakeFetch(worker(thread));
  addScript(attributes);
  await import('../../widget/src/embed.ts');
  near();
  await run('view');
  await vi.waitFor(() => expect(host.shadowRoot?.querySelector('article')).toBeTruthy());
  return requests;
};

describe('the thread near the viewport', () => {
  it('is asked for as HTML, as the app would ask (the reader’s sort), with the view’s part, and shown without the app', async () => {
    localStorage.setItem('causerie:sort', '"newest"');
    const requests = fakeFetch(worker(page([comment({ html: '<p>Déjà là</p>' })])));
    addScript();
    await import('../../widget/src/embed.ts');
    expect(host.shadowRoot?.querySelector('style[data-reserve]')).toBeTruthy(); // the room is held
    expect(requests).toHaveLength(0);
    expect(held).toHaveLength(0);

    near();
    expect(requests.map((r) => r.url.href)).toEqual([
      'https://comments.example/api/v1/threads/html?url=https%3A%2F%2Fblog.example%2Fpost&sort=newest&lang=fr&theme=light',
    ]);
    expect(held.map((s) => s.src)).toEqual(['https://comments.example/causerie-view.js']);
    await run('view');
    await vi.waitFor(() => expect(host.shadowRoot?.textContent).toContain('Déjà là'));
    // The server's form is there, and no app was asked for, nor the JSON page.
    expect(host.shadowRoot?.querySelector('form textarea')).toBeTruthy();
    expect(held).toEqual([]);
    expect(reads(requests, '/threads')).toEqual([]);
  });

  it('loads the app on a press, which adopts the same nodes without reading the page again', async () => {
    const requests = await shown(page([comment()]));
    const article = host.shadowRoot?.querySelector('article');
    expect(heldFile('causerie-app')).toEqual([]);
    host.shadowRoot
      ?.querySelector('article')
      ?.dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true }));
    expect(heldFile('causerie-app').map((s) => s.src)).toEqual([
      'https://comments.example/causerie-app.fr.js',
    ]);
    await run('app');
    await vi.waitFor(() => expect(heading(host)).toBe('1 commentaire'));
    expect(host.shadowRoot?.querySelector('article')).toBe(article);
    expect(reads(requests, '/threads')).toEqual([]);
  });

  it('loads the app when the focus comes in (a keyboard reader)', async () => {
    await shown(page([comment()]));
    text(host).focus();
    expect(heldFile('causerie-app')).toHaveLength(1);
  });

  it('replays a Like pressed before the app once the app has hydrated it: one like sent', async () => {
    const c = comment();
    const requests = await shown(page([c]));
    const like = host.shadowRoot?.querySelector(`#comment-${c.id} button.like`) as HTMLButtonElement;
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    like.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(heldFile('causerie-app')).toHaveLength(1);
    await import('../../widget/src/extras.ts');
    await run('app');
    await vi.waitFor(() => expect(like.getAttribute('aria-pressed')).toBe('true'));
    expect(requests.filter((r) => r.method === 'POST' && r.url.pathname.endsWith('/like'))).toHaveLength(1);
  });

  it('shows the reader’s own likes before the app, as the app then has them', async () => {
    const liked = comment({ likes: 1 });
    const other = comment();
    localStorage.setItem('causerie:liked', JSON.stringify([liked.id, 'page:https://blog.example/post']));
    await shown(page([liked, other], { thread: { ...page([]).thread, commentCount: 2, likes: 1 } }));
    const pressed = () =>
      [...(host.shadowRoot?.querySelectorAll('button.like') ?? [])].map(
        (b) => `${b.getAttribute('aria-pressed')} ${b.firstChild?.textContent}`,
      );
    // The page's like, then the two comments'.
    expect(pressed()).toEqual(['true ♥', 'true ♥', 'false ♡']);
    await run('app');
    await vi.waitFor(() => expect(heading(host)).toBe('2 commentaires'));
    expect(pressed()).toEqual(['true ♥', 'true ♥', 'false ♡']);
  });

  it('never stops a link before the app', async () => {
    await shown(page([comment()]));
    const link = document.createElement('a');
    link.href = '#elsewhere';
    host.shadowRoot?.querySelector('article')?.append(link);
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
  });

  it('saves what is typed before the app as the draft, and the app’s form keeps it', async () => {
    await shown(page([comment()]));
    const area = text(host);
    area.value = 'Écrit avant';
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    expect(JSON.parse(localStorage.getItem('causerie:draft:https://blog.example/post#') ?? '{}')).toEqual({
      body: 'Écrit avant',
    });
    await run('app');
    await vi.waitFor(() => expect(heading(host)).toBe('1 commentaire'));
    expect(text(host).value).toBe('Écrit avant');
  });

  it('falls back on the app and its own JSON read when the HTML cannot be had', async () => {
    const requests = fakeFetch((request) =>
      request.url.pathname === '/api/v1/threads/html'
        ? problem({ status: 503, code: 'storage_unavailable', title: 'Storage unavailable' })
        : worker(page([comment()]))(request),
    );
    addScript();
    await import('../../widget/src/embed.ts');
    near();
    await run('view');
    await vi.waitFor(() => expect(heldFile('causerie-app')).toHaveLength(1));
    await run('app');
    await vi.waitFor(() => expect(heading(host)).toBe('1 commentaire'));
    expect(reads(requests, '/threads')).toHaveLength(1);
  });

  it('falls back on the app when the view’s part cannot be loaded', async () => {
    fakeFetch(worker(page([comment()])));
    addScript();
    await import('../../widget/src/embed.ts');
    near();
    for (const script of heldFile('causerie-view')) script.onerror?.(new Event('error'));
    await vi.waitFor(() => expect(heldFile('causerie-app')).toHaveLength(1));
  });

  it('shows the app’s retry when the HTML and the app’s own read both fail', async () => {
    let up = false;
    const requests = fakeFetch((request) => {
      if (!up) throw new TypeError('Failed to fetch');
      return worker(page([comment()]))(request);
    });
    addScript('data-loading="eager"');
    await import('../../widget/src/embed.ts');
    await run('view');
    await run('app');
    const retry = await vi.waitFor(() => {
      const button = [...(host.shadowRoot?.querySelectorAll('button') ?? [])].find(
        (b) => b.textContent === 'Réessayer',
      );
      expect(button).toBeTruthy();
      return button as HTMLButtonElement;
    });
    up = true;
    retry.click();
    await vi.waitFor(() => expect(heading(host)).toBe('1 commentaire'));
    expect(reads(requests, '/threads/html')).toHaveLength(1);
  });
});

describe('the app at once, without intent', () => {
  it.each([
    ['loading: eager', 'data-loading="eager"', () => {}],
    ['an SSO token', 'data-sso="header.payload.signature"', () => {}],
    ['the address pointing at a comment', '', () => (location.hash = '#comment-c1')],
  ])('for %s, in parallel with the HTML, which it adopts', async (_name, attributes, arrange) => {
    arrange();
    const requests = fakeFetch(worker(page([comment()])));
    addScript(attributes);
    await import('../../widget/src/embed.ts');
    near();
    expect(heldFile('causerie-app')).toHaveLength(1);
    await run('view');
    await run('app');
    await vi.waitFor(() => expect(heading(host)).toBe('1 commentaire'));
    expect(reads(requests, '/threads/html')).toHaveLength(1);
    expect(reads(requests, '/threads')).toEqual([]);
  });

  it('waits for the HTML when the app arrives first, and adopts it: one thread, no JSON read', async () => {
    const requests = fakeFetch(worker(page([comment()])));
    addScript('data-loading="eager"');
    await import('../../widget/src/embed.ts');
    await run('app');
    await run('view');
    await vi.waitFor(() => expect(heading(host)).toBe('1 commentaire'));
    expect(host.shadowRoot?.querySelectorAll('section.causerie')).toHaveLength(1);
    expect(reads(requests, '/threads')).toEqual([]);
  });

  it('for a saved draft of the thread’s form, once the HTML is in', async () => {
    localStorage.setItem('causerie:draft:https://blog.example/post#', '{"body":"En cours"}');
    await shown(page([comment()]));
    await vi.waitFor(() => expect(heldFile('causerie-app')).toHaveLength(1));
    await run('app');
    await vi.waitFor(() => expect(heading(host)).toBe('1 commentaire'));
    expect(text(host).value).toBe('En cours');
  });

  it('for a comment of this reader’s that can still be edited', async () => {
    const c = comment();
    localStorage.setItem(
      'causerie:edit',
      JSON.stringify({
        [c.id]: { editToken: 't', editableUntil: new Date(Date.now() + 60_000).toISOString() },
      }),
    );
    await shown(page([c]));
    await vi.waitFor(() => expect(heldFile('causerie-app')).toHaveLength(1));
  });

  it('not for an expired edit token', async () => {
    const c = comment();
    localStorage.setItem(
      'causerie:edit',
      JSON.stringify({ [c.id]: { editToken: 't', editableUntil: new Date(Date.now() - 1).toISOString() } }),
    );
    await shown(page([c]));
    // The thread is there: the view's part has run, its check included (in the same task): still no app.
    expect(heldFile('causerie-app')).toEqual([]);
  });

  it('for a single-page app’s mount of another thread before the app came, which does not adopt the old one', async () => {
    const requests = fakeFetch((request) => {
      const url = request.url.searchParams.get('url') ?? '';
      const thread = page([comment({ html: `<p>${url}</p>` })], { thread: { ...page([]).thread, url } });
      return worker(thread)(request);
    });
    addScript();
    await import('../../widget/src/embed.ts');
    near();
    await run('view');
    await vi.waitFor(() => expect(host.shadowRoot?.textContent).toContain('https://blog.example/post'));
    window.Causerie?.mount(host, { url: 'https://blog.example/next' });
    await run('app');
    await vi.waitFor(() => expect(host.shadowRoot?.textContent).toContain('https://blog.example/next'));
    expect(host.shadowRoot?.textContent).not.toContain('https://blog.example/post');
    expect(reads(requests, '/threads').map((r) => r.url.searchParams.get('url'))).toEqual([
      'https://blog.example/next',
    ]);
  });
});

describe('a container that holds the thread as server HTML', () => {
  const island = `<script type="application/json" data-causerie-page>${JSON.stringify(page([comment()]))}</script>`;

  it('is neither fetched for nor cleared when its shadow root is already there (declarative)', async () => {
    const requests = fakeFetch(worker(page([comment()])));
    host.attachShadow({ mode: 'open' }).innerHTML = '<article data-testid="comment">Rendu</article>';
    host.insertAdjacentHTML('beforeend', island);
    const rendered = host.shadowRoot?.firstElementChild;
    addScript('data-loading="eager"');
    await import('../../widget/src/embed.ts');
    expect(heldFile('causerie-app')).toHaveLength(1); // the boot went as far as asking for the app
    expect(requests).toHaveLength(0);
    expect(host.shadowRoot?.firstElementChild).toBe(rendered);
    expect(host.shadowRoot?.querySelector('style[data-reserve]')).toBeNull();
  });

  it('is not fetched for when its template is still unparsed (inserted as HTML)', async () => {
    const requests = fakeFetch(worker(page([comment()])));
    host.innerHTML = `<template shadowrootmode="open"><article>Rendu</article></template>${island}`;
    addScript('data-loading="eager"');
    await import('../../widget/src/embed.ts');
    expect(heldFile('causerie-app')).toHaveLength(1);
    expect(requests).toHaveLength(0);
  });

  it('is fetched for when it has a shadow root but no page in it (someone else’s markup)', async () => {
    const requests = fakeFetch(worker(page([comment()])));
    host.attachShadow({ mode: 'open' });
    addScript('data-loading="eager"');
    await import('../../widget/src/embed.ts');
    expect(reads(requests, '/threads/html')).toHaveLength(1);
  });

  it('waits for intent too: the app comes on a press', async () => {
    fakeFetch(worker(page([comment()])));
    host.innerHTML = fragment(page([comment()]));
    addScript();
    await import('../../widget/src/embed.ts');
    near();
    await run('view');
    // Adopted by the view's part, which then checked at once whether the app was needed.
    await vi.waitFor(() => expect(host.shadowRoot?.querySelector('article')).toBeTruthy());
    expect(heldFile('causerie-app')).toEqual([]);
    host.shadowRoot?.querySelector('article')?.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(heldFile('causerie-app')).toHaveLength(1);
  });
});
