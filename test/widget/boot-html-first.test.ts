/**
 * The boot script asks for the thread's first page in parallel with the app, and the app takes that
 * answer instead of asking again (issue 15, item 4). happy-dom runs no script file, so the app's file is
 * held when the boot adds it, and "runs" when the test says so: app.ts registers the app, then the file's
 * `load` event fires, as a browser's would.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type MountHandle, mount as mountWidget } from '../../widget/src/mount.tsx';
import { comment, fakeFetch, json, options, page, problem, type Recorded, server } from './helpers.ts';

const heading = (host: Element) =>
  host.shadowRoot?.querySelector('.causerie[aria-busy="false"] h2.count')?.textContent;

const threadReads = (requests: Recorded[]) =>
  requests.filter((request) => request.url.pathname === '/api/v1/threads');

/** The app files the boot added to the page, held instead of appended (happy-dom would refuse them). */
let held: HTMLScriptElement[];

/** Runs the app's file the boot asked for: registers the app, then tells the boot it has loaded. */
const runApp = async () => {
  await import('../../widget/src/app.ts');
  for (const script of held.splice(0)) script.onload?.(new Event('load'));
};

const addScript = (attributes: string) =>
  document.body.insertAdjacentHTML(
    'beforeend',
    `<script type="text/plain" src="https://comments.example/embed.js" data-target="#comments" data-lang="fr" data-url="https://blog.example/post" ${attributes}></script>`,
  );

const handles: MountHandle[] = [];
let host: HTMLElement;

beforeEach(() => {
  localStorage.clear();
  document.body.innerHTML = '<div id="comments"></div>';
  host = document.getElementById('comments') as HTMLElement;
  held = [];
  const append = document.head.append.bind(document.head);
  vi.spyOn(document.head, 'append').mockImplementation((...nodes) => {
    for (const node of nodes)
      if (node instanceof HTMLScriptElement && node.src.includes('causerie-app')) held.push(node);
      else append(node);
  });
});

afterEach(() => {
  for (const handle of handles.splice(0)) handle.unmount();
  window.Causerie?.mount(host).unmount();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.resetModules();
  for (const name of ['Causerie', 'causerieApps', 'causerieLoading']) Reflect.deleteProperty(window, name);
});

describe('the boot script’s request for the first page', () => {
  it('starts before the app has run, as the app would make it, and is the only read of the first page', async () => {
    // What the app asks by itself for this thread (the reader's remembered sort included).
    localStorage.setItem('causerie:sort', '"newest"');
    const own = fakeFetch(server(page([])));
    handles.push(mountWidget(host, options({ url: 'https://blog.example/post' })));
    await vi.waitFor(() => expect(threadReads(own)).toHaveLength(1));
    for (const handle of handles.splice(0)) handle.unmount();
    vi.unstubAllGlobals();

    const requests = fakeFetch(server(page([comment({ html: '<p>Déjà là</p>' })])));
    addScript('data-loading="eager"');
    await import('../../widget/src/embed.ts');
    // The app's file is asked for, not run yet, and the thread's request is already out.
    expect(held.map((script) => script.src)).toEqual(['https://comments.example/causerie-app.fr.js']);
    expect(window.causerieApps).toBeUndefined();
    expect(requests.map((request) => request.url.href)).toEqual([threadReads(own)[0]?.url.href]);
    expect(requests[0]?.url.searchParams.get('sort')).toBe('newest');
    expect([...(requests[0]?.headers.keys() ?? [])]).toEqual([]);

    await runApp();
    await vi.waitFor(() => expect(heading(host)).toBe('1 commentaire'));
    expect(host.shadowRoot?.textContent).toContain('Déjà là');
    expect(threadReads(requests)).toHaveLength(1);
  });

  it('waits for the thread to come near the viewport, then asks for the page and the app together', async () => {
    let near: () => void = () => {};
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
    const requests = fakeFetch(server(page([comment()])));
    addScript('');
    await import('../../widget/src/embed.ts');
    expect(host.shadowRoot?.querySelector('style[data-reserve]')).toBeTruthy(); // the boot has run
    expect(requests).toHaveLength(0);
    expect(held).toHaveLength(0);

    near();
    expect(threadReads(requests)).toHaveLength(1);
    expect(held).toHaveLength(1);
    await runApp();
    await vi.waitFor(() => expect(heading(host)).toBe('1 commentaire'));
    expect(threadReads(requests)).toHaveLength(1);
  });

  it('falls back on the app’s own request when the early one fails', async () => {
    let failures = 1;
    const requests = fakeFetch((request) =>
      request.url.pathname === '/api/v1/threads' && failures-- > 0
        ? problem({ status: 503, code: 'storage_unavailable', title: 'Storage unavailable' })
        : server(page([comment()]))(request),
    );
    addScript('data-loading="eager"');
    await import('../../widget/src/embed.ts');
    expect(threadReads(requests)).toHaveLength(1);
    await runApp();
    await vi.waitFor(() => expect(heading(host)).toBe('1 commentaire'));
    expect(threadReads(requests)).toHaveLength(2);
    expect(threadReads(requests)[1]?.url.href).toBe(threadReads(requests)[0]?.url.href);
  });

  it('shows the app’s retry when both the early request and the app’s own fail', async () => {
    let up = false;
    const requests = fakeFetch((request) => {
      if (!up) throw new TypeError('Failed to fetch');
      return server(page([comment()]))(request);
    });
    addScript('data-loading="eager"');
    await import('../../widget/src/embed.ts');
    await runApp();
    const retry = await vi.waitFor(() => {
      const button = [...(host.shadowRoot?.querySelectorAll('button') ?? [])].find(
        (b) => b.textContent === 'Réessayer',
      );
      expect(button).toBeTruthy();
      return button as HTMLButtonElement;
    });
    expect(threadReads(requests)).toHaveLength(2);
    up = true;
    retry.click();
    await vi.waitFor(() => expect(heading(host)).toBe('1 commentaire'));
    expect(threadReads(requests)).toHaveLength(3);
  });

  it('is not reused by a single-page app’s mount of another thread before the app arrived', async () => {
    const requests = fakeFetch((request) =>
      json(
        page([comment({ html: `<p>${request.url.searchParams.get('url')}</p>` })], {
          thread: { ...page([]).thread, url: request.url.searchParams.get('url') ?? '' },
        }),
      ),
    );
    addScript('data-loading="eager"');
    await import('../../widget/src/embed.ts');
    window.Causerie?.mount(host, { url: 'https://blog.example/next', loading: 'eager' });
    await runApp();
    await vi.waitFor(() => expect(host.shadowRoot?.textContent).toContain('https://blog.example/next'));
    expect(threadReads(requests).map((request) => request.url.searchParams.get('url'))).toEqual([
      'https://blog.example/post',
      'https://blog.example/next',
    ]);
    expect(host.shadowRoot?.textContent).not.toContain('https://blog.example/post');
  });

  it('leaves the request to the app when the app is already on the page', async () => {
    await import('../../widget/src/app.ts');
    const requests = fakeFetch(server(page([comment()])));
    addScript('data-loading="eager"');
    await import('../../widget/src/embed.ts');
    await vi.waitFor(() => expect(heading(host)).toBe('1 commentaire'));
    expect(threadReads(requests)).toHaveLength(1);
    expect(held).toHaveLength(0);
  });
});

describe('a container that holds the thread as server HTML', () => {
  const island = `<script type="application/json" data-causerie-page>${JSON.stringify(page([comment()]))}</script>`;

  it('is neither fetched for nor cleared when its shadow root is already there (declarative)', async () => {
    const requests = fakeFetch(server(page([comment()])));
    host.attachShadow({ mode: 'open' }).innerHTML = '<article data-testid="comment">Rendu</article>';
    host.insertAdjacentHTML('beforeend', island);
    const rendered = host.shadowRoot?.firstElementChild;
    addScript('data-loading="eager"');
    await import('../../widget/src/embed.ts');
    expect(held).toHaveLength(1); // the boot went as far as asking for the app
    expect(requests).toHaveLength(0);
    expect(host.shadowRoot?.firstElementChild).toBe(rendered);
    expect(host.shadowRoot?.querySelector('style[data-reserve]')).toBeNull();
  });

  it('is not fetched for when its template is still unparsed (inserted as HTML)', async () => {
    const requests = fakeFetch(server(page([comment()])));
    host.innerHTML = `<template shadowrootmode="open"><article>Rendu</article></template>${island}`;
    addScript('data-loading="eager"');
    await import('../../widget/src/embed.ts');
    expect(held).toHaveLength(1);
    expect(requests).toHaveLength(0);
  });

  it('is fetched for when it has a shadow root but no page in it (someone else’s markup)', async () => {
    const requests = fakeFetch(server(page([comment()])));
    host.attachShadow({ mode: 'open' });
    addScript('data-loading="eager"');
    await import('../../widget/src/embed.ts');
    expect(threadReads(requests)).toHaveLength(1);
  });
});

describe('the app’s first load', () => {
  it('takes the page it is handed once: another sort asks the API', async () => {
    const requests = fakeFetch(server(page([comment(), comment(), comment()])));
    handles.push(mountWidget(host, options({ _first: Promise.resolve(page([comment(), comment()])) })));
    await vi.waitFor(() => expect(heading(host)).toBe('2 commentaires'));
    expect(requests).toHaveLength(0);
    const select = host.shadowRoot?.querySelector('select') as HTMLSelectElement;
    select.value = 'newest';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(heading(host)).toBe('3 commentaires'));
    expect(threadReads(requests).map((request) => request.url.searchParams.get('sort'))).toEqual(['newest']);
  });
});
