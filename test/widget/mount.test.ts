import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type MountHandle, mount as mountWidget } from '../../widget/src/mount.tsx';
import type { WidgetOptions } from '../../widget/src/options.ts';
import { comment, fakeFetch, options, page, server } from './helpers.ts';

/** The app's root inside the element's shadow root. */
const app = (host: Element) => host.shadowRoot?.querySelector('.causerie');

/** The count heading, once the thread has loaded (it says « Chargement… » before). */
const heading = (host: Element) =>
  host.shadowRoot?.querySelector('.causerie[aria-busy="false"] h2.count')?.textContent;

const waitForThread = (host: Element) => vi.waitFor(() => expect(heading(host)).toBeTruthy());

// Every mount is unmounted after its test: a live one would fetch again with the next test's stub.
const handles: MountHandle[] = [];
const mount = (element: Element, widgetOptions: WidgetOptions) => {
  const handle = mountWidget(element, widgetOptions);
  handles.push(handle);
  return handle;
};

let host: HTMLElement;

beforeEach(() => {
  localStorage.clear();
  document.body.innerHTML = '<div id="comments"></div>';
  host = document.getElementById('comments') as HTMLElement;
});

afterEach(() => {
  for (const handle of handles.splice(0)) handle.unmount();
  window.Causerie?.mount(host).unmount();
  vi.unstubAllGlobals();
  vi.resetModules();
  Reflect.deleteProperty(window, 'Causerie');
});

describe('mount', () => {
  it('renders into an open shadow root with its styles inside', async () => {
    fakeFetch(server(page([comment()])));
    mount(host, options());
    await waitForThread(host);
    const style = host.shadowRoot?.querySelector('style');
    expect(style?.textContent).toContain(':host');
    expect(style?.textContent).toContain('--causerie-accent');
    expect(app(host)?.getAttribute('data-theme')).toBe('light');
    expect(app(host)?.getAttribute('lang')).toBe('fr');
    expect(document.head.querySelector('style')).toBeNull(); // nothing leaks into the host page
    expect(host.children).toHaveLength(0);
  });

  it('is harmless when called twice on one element', async () => {
    fakeFetch(server(page([comment()])));
    const first = mount(host, options());
    const second = mount(host, options());
    await waitForThread(host);
    expect(second).toBe(first);
    expect(host.shadowRoot?.querySelectorAll('style')).toHaveLength(1);
    expect(host.shadowRoot?.querySelectorAll('.causerie')).toHaveLength(1);
    expect(host.shadowRoot?.querySelectorAll('[data-testid="comment"]')).toHaveLength(1);
  });

  it('switches to the new thread when mounted again with another url', async () => {
    const requests = fakeFetch(server(page([comment()])));
    mount(host, options());
    await waitForThread(host);
    mount(host, options({ url: 'https://blog.example/other' }));
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1]?.url.searchParams.get('url')).toBe('https://blog.example/other');
  });

  it('cleans up on unmount, and can mount again afterwards', async () => {
    fakeFetch(server(page([comment()])));
    const handle = mount(host, options());
    await waitForThread(host);
    handle.unmount();
    expect(host.shadowRoot?.childNodes).toHaveLength(0);
    handle.unmount(); // twice is harmless too

    mount(host, options());
    await waitForThread(host);
    expect(host.shadowRoot?.querySelectorAll('.causerie')).toHaveLength(1);
  });

  it('aborts the thread request when unmounted before it answers', async () => {
    let signal: AbortSignal | undefined;
    vi.stubGlobal('fetch', (_input: string, init: RequestInit) => {
      signal = init.signal ?? undefined;
      return new Promise<Response>(() => {});
    });
    const handle = mount(host, options());
    await vi.waitFor(() => expect(signal).toBeDefined());
    handle.unmount();
    // Preact runs effect cleanups of an unmounted tree shortly after, not inside render(null).
    await vi.waitFor(() => expect(signal?.aborted).toBe(true));
  });
});

describe('embed.js boot', () => {
  // What causerie-app.<lang>.js does when it runs: the boot then mounts without loading a script.
  beforeEach(async () => {
    Reflect.deleteProperty(window, 'causerieLoading');
    await import('../../widget/src/app.ts');
  });

  /** A script tag as the host page writes it; happy-dom does not run it, the test imports the entry. */
  const addScript = (attributes: string) => {
    document.body.insertAdjacentHTML(
      'beforeend',
      `<script type="text/plain" src="https://comments.example/embed.js" ${attributes}></script>`,
    );
  };

  it('mounts the thread its script tag describes, talking to the script’s origin', async () => {
    const requests = fakeFetch(server(page([])));
    addScript(
      'data-target="#comments" data-lang="en" data-theme="dark" data-url="https://blog.example/p" data-loading="eager"',
    );
    await import('../../widget/src/embed.ts');
    await vi.waitFor(() => expect(heading(host)).toBe('No comments yet'));
    expect(app(host)?.getAttribute('data-theme')).toBe('dark');
    // First the thread's HTML (here the server has none: 404), then the app's own JSON read.
    expect(requests[0]?.url.href).toBe(
      'https://comments.example/api/v1/threads/html?url=https%3A%2F%2Fblog.example%2Fp&sort=oldest&lang=en&theme=dark',
    );
    expect(requests.map((r) => r.url.href)).toContain(
      'https://comments.example/api/v1/threads?url=https%3A%2F%2Fblog.example%2Fp&sort=oldest',
    );
  });

  it('exposes Causerie.mount with the page’s defaults', async () => {
    fakeFetch(server(page([])));
    addScript('data-target="#nowhere"');
    await import('../../widget/src/embed.ts');
    expect(host.shadowRoot).toBeNull(); // a target that matches nothing mounts nothing

    document.documentElement.lang = 'en';
    const handle = window.Causerie?.mount(host, { theme: 'auto', loading: 'eager' });
    await vi.waitFor(() => expect(heading(host)).toBe('No comments yet'));
    expect(app(host)?.getAttribute('data-theme')).toBe('auto');
    handle?.unmount();
    document.documentElement.removeAttribute('lang');
  });

  it('loads the count links’ part of the page’s language, beside embed.js, on a page that has count links', async () => {
    fakeFetch(server(page([])));
    // happy-dom loads no script: the failure the boot logs is expected here.
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    document.body.insertAdjacentHTML('beforeend', '<a data-causerie-count href="/p">Comments</a>');
    addScript('data-target="#comments" data-lang="pl-PL" data-loading="eager"');
    await import('../../widget/src/embed.ts');
    await vi.waitFor(() =>
      expect(
        document.querySelector('script[src="https://comments.example/causerie-counts.pl.js"]'),
      ).toBeTruthy(),
    );
    document.querySelector('script[src*="causerie-counts"]')?.remove();
    await vi.waitFor(() => expect(error).toHaveBeenCalled());
    error.mockRestore();
  });

  it('hands the count links to the counts part once it has run', async () => {
    fakeFetch(server(page([])));
    const filled: Array<[Document, string]> = [];
    window.causerieCounts = { ar: async (doc, origin) => void filled.push([doc, origin]) };
    document.body.insertAdjacentHTML('beforeend', '<span data-causerie-count data-url="/p"></span>');
    addScript('data-target="none" data-lang="ar"');
    try {
      await import('../../widget/src/embed.ts');
      await vi.waitFor(() => expect(filled).toEqual([[document, 'https://comments.example']]));
    } finally {
      Reflect.deleteProperty(window, 'causerieCounts');
    }
  });

  it('loads no counts part on a page without count links', async () => {
    fakeFetch(server(page([])));
    addScript('data-target="#comments" data-loading="eager"');
    await import('../../widget/src/embed.ts');
    // The thread is in: the boot has done all it does at start, counts included.
    await vi.waitFor(() => expect(heading(host)).toBeTruthy());
    expect(document.querySelector('script[src*="causerie-counts"]')).toBeNull();
  });

  it('running the script twice mounts one thread', async () => {
    fakeFetch(server(page([])));
    addScript('data-target="#comments" data-loading="eager"');
    await import('../../widget/src/embed.ts');
    vi.resetModules();
    await import('../../widget/src/embed.ts');
    await vi.waitFor(() => expect(app(host)).toBeTruthy());
    expect(host.shadowRoot?.querySelectorAll('.causerie')).toHaveLength(1);
  });
});
