/**
 * The boot's early request for the first page, in the build as it ships: embed.js hands the page to
 * causerie-app.fr.js as `WidgetOptions._first`, a mangled name (vite.config.ts), so both files must agree
 * on it; if they did not, the app would ask for the page a second time. `npm test` builds first; run
 * `npm run build` when running alone.
 */
// This one test reads the build from disk: Node's types here, rather than in the widget's tsconfig.
/// <reference types="node" />
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { comment, fakeFetch, origin, page, server } from './helpers.ts';

const dist = fileURLToPath(new NodeURL('../../dist/', import.meta.url));
const built = existsSync(`${dist}embed.js`);

/** Runs a built file as the page would run its classic script: in the global scope, not as a module. */
const run = (file: string) => new Function(readFileSync(`${dist}${file}`, 'utf8'))();

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe.skipIf(!built && !process.env.CI)('the minified boot and app (dist/)', () => {
  it('read the first page once: the boot asks before the app runs, the app takes its answer', async () => {
    expect(built, 'dist/ is missing: the build must run before the tests').toBe(true);
    // happy-dom runs no script file: the app's is held when the boot adds it, and run by the test.
    const held: HTMLScriptElement[] = [];
    const append = document.head.append.bind(document.head);
    vi.spyOn(document.head, 'append').mockImplementation((...nodes) => {
      for (const node of nodes)
        if (node instanceof HTMLScriptElement && node.src.includes('causerie-app')) held.push(node);
        else append(node);
    });
    const requests = fakeFetch(server(page([comment({ html: '<p>Premier !</p>' })])));
    document.body.innerHTML = `<div id="comments"></div><script type="text/plain" src="${origin}/embed.js" data-target="#comments" data-loading="eager" data-lang="fr" data-url="https://blog.example/post"></script>`;
    run('embed.js');
    expect(held.map((script) => script.src)).toEqual([`${origin}/causerie-app.fr.js`]);
    expect(requests.map((request) => request.url.href)).toEqual([
      `${origin}/api/v1/threads?url=https%3A%2F%2Fblog.example%2Fpost&sort=oldest`,
    ]);

    run('causerie-app.fr.js');
    held[0]?.onload?.(new Event('load'));
    const host = document.getElementById('comments') as HTMLElement;
    await vi.waitFor(() =>
      expect(host.shadowRoot?.querySelector('.causerie[aria-busy="false"] h2.count')?.textContent).toBe(
        '1 commentaire',
      ),
    );
    expect(host.shadowRoot?.textContent).toContain('Premier !');
    expect(requests.filter((request) => request.url.pathname === '/api/v1/threads')).toHaveLength(1);
  });
});
