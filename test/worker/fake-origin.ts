/**
 * A blog's origin server on 127.0.0.1 for the edge include (issue 15), started in Node before the worker
 * tests (vitest `globalSetup`) and fetched by the worker inside workerd over the loopback, as a worker on a
 * blog's route fetches the blog. `GET /page?thread=U&layout=L` serves a post whose thread is U, laid out as
 * L says; `/slow` holds the rest of its page until `/release?key=K`, so a test can read what the worker
 * streamed before the origin finished; `/error`, `/data.json` and `/redirect` are the pages to pass
 * through untouched.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    edgeOrigin: string;
  }
}

const attrText = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const embed = (attrs: string) => `<script src="https://comments.example/embed.js" ${attrs} async></script>`;

/** The post's HTML for each layout the embed contract allows. */
const page = (thread: string, layout: string): [string, string] => {
  const head = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Un billet</title>${
    layout === 'canonical' ? `<link rel="canonical" href="${attrText(thread)}">` : ''
  }</head><body><main><h1>Un billet</h1><p>Le texte.</p></main>`;
  const body: Record<string, string> = {
    // The container first, the thread named by the page's canonical link.
    canonical: `<div data-causerie></div>${embed('')}`,
    // The script first, with its data-url, data-lang and data-theme.
    script: `${embed(`data-url="${attrText(thread)}" data-lang="de" data-theme="dark"`)}<div data-causerie></div>`,
    // data-target names the container, whatever [data-causerie] there is.
    target: `${embed(`data-url="${attrText(thread)}" data-target="#here"`)}<div data-causerie id="not-here"></div><section id="here"></section>`,
    // Rendered at build time already: left as it is.
    filled: `${embed(`data-url="${attrText(thread)}"`)}<div data-causerie><template shadowrootmode="open"><p>built</p></template></div>`,
  };
  return [head, `${body[layout] ?? body.script}<footer>Pied de page</footer></body></html>`];
};

const held = new Map<string, () => void>();

const html = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
  res.end(text);
};

export default async function setup(project: TestProject) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://origin');
    const thread = url.searchParams.get('thread') ?? 'https://blog.example/none';
    if (url.pathname === '/page') {
      const [head, rest] = page(thread, url.searchParams.get('layout') ?? 'script');
      if (req.method !== 'GET') return html(res, 200, `${req.method} ${head}`, { 'X-Origin': 'yes' });
      return html(res, 200, head + rest, { ETag: '"v1"', 'X-Origin': 'yes' });
    }
    if (url.pathname === '/slow') {
      const [head, rest] = page(thread, 'script');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.write(head);
      held.set(url.searchParams.get('key') ?? '', () => res.end(rest));
      return;
    }
    if (url.pathname === '/release') {
      held.get(url.searchParams.get('key') ?? '')?.();
      return html(res, 200, 'released');
    }
    if (url.pathname === '/error') return html(res, 500, '<div data-causerie></div><p>origin broke</p>');
    if (url.pathname === '/redirect') {
      res.writeHead(302, { Location: '/page' });
      return res.end();
    }
    if (url.pathname === '/data.json') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ html: '<div data-causerie></div>' }));
    }
    return html(res, 404, 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  project.provide('edgeOrigin', `http://127.0.0.1:${address.port}`);
  return () => {
    for (const release of held.values()) release();
    server.close();
  };
}
