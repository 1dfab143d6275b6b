/**
 * HTML first and the app on intent (issue 15), in the build as it ships: embed.js, causerie-view.js and
 * causerie-app.fr.js are three builds that hand each other mangled names (the view's `_show`/`_await`, the
 * options; vite.config.ts), so they must agree, or the thread would not show, or the click made before the
 * app would be lost. `npm test` builds first; run `npm run build` when running alone.
 */
// This one test reads the build from disk: Node's types here, rather than in the widget's tsconfig.
/// <reference types="node" />
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderThreadHtml } from '../../worker/services/render/thread-html.ts';
import { comment, fakeFetch, json, origin, page, parseWritesOnClose } from './helpers.ts';

const dist = fileURLToPath(new NodeURL('../../dist/', import.meta.url));
const built = existsSync(`${dist}embed.js`);

/** Runs a built file as the page would run its classic script: in the global scope, not as a module. */
const run = (file: string) => new Function(readFileSync(`${dist}${file}`, 'utf8'))();

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe.skipIf(!built && !process.env.CI)('the minified boot, view and app (dist/)', () => {
  it('show the thread’s HTML without the app, then count a Like pressed before it once', async () => {
    expect(built, 'dist/ is missing: the build must run before the tests').toBe(true);
    parseWritesOnClose();
    // happy-dom runs no script file: the parts are held when the boot adds them, and run by the test.
    const held: HTMLScriptElement[] = [];
    const append = document.head.append.bind(document.head);
    vi.spyOn(document.head, 'append').mockImplementation((...nodes) => {
      for (const node of nodes)
        if (node instanceof HTMLScriptElement && /causerie-(app|view)/.test(node.src)) held.push(node);
        else append(node);
    });
    const alice = comment({ html: '<p>Premier !</p>' });
    const thread = page([alice]);
    const html = renderThreadHtml({
      page: thread,
      sort: 'oldest',
      lang: ['fr'],
      theme: 'light',
      origin,
      feed: { url: thread.thread.url },
    }).html.replace(/<noscript>.*?<\/noscript>/, '');
    const requests = fakeFetch((request) =>
      request.url.pathname === '/api/v1/threads/html'
        ? new Response(html, { headers: { 'Content-Type': 'text/html' } })
        : request.url.pathname.endsWith('/like')
          ? json({ likes: 1, liked: true })
          : json({ auth: null, live: false }),
    );
    document.body.innerHTML = `<div id="comments"></div><script type="text/plain" src="${origin}/embed.js" data-target="#comments" data-loading="lazy" data-lang="fr" data-url="https://blog.example/post"></script>`;
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: IntersectionObserverCallback) {
          queueMicrotask(() =>
            callback([{ isIntersecting: true } as IntersectionObserverEntry], this as never),
          );
        }
        observe() {}
        disconnect() {}
      },
    );
    run('embed.js');
    await vi.waitFor(() => expect(held.map((s) => s.src)).toEqual([`${origin}/causerie-view.js`]));
    run('causerie-view.js');
    held.shift()?.onload?.(new Event('load'));
    const host = document.getElementById('comments') as HTMLElement;
    await vi.waitFor(() => expect(host.shadowRoot?.textContent).toContain('Premier !'));
    expect(held).toEqual([]);

    const like = host.shadowRoot?.querySelector('button.like') as HTMLButtonElement;
    like.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
    expect(held.map((s) => s.src)).toEqual([`${origin}/causerie-app.fr.js`]);
    run('causerie-app.fr.js');
    run('causerie-extras.fr.js');
    held.shift()?.onload?.(new Event('load'));
    await vi.waitFor(() => expect(like.getAttribute('aria-pressed')).toBe('true'));
    expect(requests.filter((r) => r.url.pathname.endsWith('/like'))).toHaveLength(1);
    expect(requests.filter((r) => r.url.pathname === '/api/v1/threads')).toEqual([]);
  });
});
