/**
 * Issue 15, item 2: the edge include. With EDGE_INCLUDE = "on" the worker, in front of a blog, fetches each
 * page from a real origin server on 127.0.0.1 (test/worker/fake-origin.ts; EDGE_INCLUDE_ORIGIN stands for
 * the route's own origin) and streams it through HTMLRewriter with the thread's HTML inside the element
 * embed.js targets. It never holds the whole page, and what it should not touch passes through untouched.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, inject, it } from 'vitest';
import { readSettings } from '../../worker/env.ts';
import app from '../../worker/index.ts';
import { freshPage, postWithSettings } from './helpers.ts';

const origin = inject('edgeOrigin');
const EDGE = { EDGE_INCLUDE: 'on', EDGE_INCLUDE_ORIGIN: origin };

/** A request to the blog (https://blog.example), answered by the worker on its route. */
const visit = async (path: string, init: RequestInit = {}, bindings: Partial<Cloudflare.Env> = EDGE) => {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`https://blog.example${path}`, init), { ...env, ...bindings }, ctx);
  return { res, done: () => waitOnExecutionContext(ctx) };
};

const seed = async (name = 'Alice') => {
  const url = freshPage();
  await postWithSettings({ spam: { ...readSettings(env).spam, checks: [] } }, {
    url,
    body: `Bonjour de ${name}`,
    parentId: null,
    author: { name },
  } as never);
  return url;
};

const pageOf = (thread: string, layout: string) =>
  `/page?thread=${encodeURIComponent(thread)}&layout=${layout}`;

/** The HTML between the container's tags (the first one with this opening tag). */
const inside = (html: string, open: string, close = '</div>') => {
  const start = html.indexOf(open);
  return start < 0 ? '' : html.slice(start + open.length, html.indexOf(close, start + open.length));
};

describe('the edge include', () => {
  it('puts the thread named by the embed script into [data-causerie], in its language and theme', async () => {
    const url = await seed('Alice');
    const { res } = await visit(pageOf(url, 'script'));
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Origin')).toBe('yes');
    // The body is the worker's now: the origin's validator would keep an old thread in a browser.
    expect(res.headers.get('ETag')).toBeNull();
    const html = await res.text();
    const container = inside(html, '<div data-causerie>', '</div><footer>');
    expect(container.startsWith('<template shadowrootmode="open">')).toBe(true);
    expect(container).toContain('Bonjour de Alice');
    expect(container).toContain('1 Kommentar'); // data-lang="de"
    expect(container).toContain('data-theme="dark"');
    expect(container).toContain('data-causerie-page');
    // The rest of the page is the origin's, byte for byte.
    expect(html.startsWith('<!doctype html><html lang="fr"><head>')).toBe(true);
    expect(html.endsWith('<footer>Pied de page</footer></body></html>')).toBe(true);
  });

  it('names the thread by the canonical link when the container comes first, in the page’s language', async () => {
    const url = await seed('Bob');
    const { res } = await visit(pageOf(url, 'canonical'));
    const container = inside(await res.text(), '<div data-causerie>', '</div><script');
    expect(container).toContain('Bonjour de Bob');
    expect(container).toContain('1 commentaire'); // <html lang="fr">
  });

  it('fills the data-target element, not another [data-causerie]', async () => {
    const url = await seed('Chloé');
    const html = await (await visit(pageOf(url, 'target'))).res.text();
    expect(inside(html, '<div data-causerie id="not-here">')).toBe('');
    expect(inside(html, '<section id="here">', '</section>')).toContain('Bonjour de Chloé');
  });

  it('leaves a container that already holds a server-rendered thread as it is', async () => {
    const url = await seed();
    const html = await (await visit(pageOf(url, 'filled'))).res.text();
    expect(inside(html, '<div data-causerie>', '</div><footer>')).toBe(
      '<template shadowrootmode="open"><p>built</p></template>',
    );
  });

  it('streams: the page’s start arrives while the origin still holds the rest', async () => {
    const url = await seed();
    const key = crypto.randomUUID();
    const { res } = await visit(`/slow?thread=${encodeURIComponent(url)}&key=${key}`);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let received = '';
    while (!received.includes('<h1>Un billet</h1>')) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value, { stream: true });
    }
    // Only now does the origin send the container and the end of the page.
    expect(received).toContain('<h1>Un billet</h1>');
    expect(received).not.toContain('Pied de page');
    await fetch(`${origin}/release?key=${key}`);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value, { stream: true });
    }
    expect(received).toContain('Pied de page');
    expect(received).toContain('Bonjour de Alice');
  });

  it('passes an origin error, a redirect, a non-HTML body and a POST through untouched', async () => {
    const error = await visit('/error');
    expect(error.res.status).toBe(500);
    expect(await error.res.text()).toBe('<div data-causerie></div><p>origin broke</p>');
    const redirect = await visit('/redirect');
    expect(redirect.res.status).toBe(302);
    expect(redirect.res.headers.get('Location')).toBe('/page');
    const data = await visit('/data.json');
    expect(await data.res.json()).toEqual({ html: '<div data-causerie></div>' });
    const post = await visit(pageOf(freshPage(), 'script'), { method: 'POST', body: 'x' });
    expect(await post.res.text()).toMatch(/^POST <!doctype html>/);
  });

  it('still answers the API itself, and is off unless EDGE_INCLUDE is "on"', async () => {
    const api = await visit('/api/v1/threads?url=https%3A%2F%2Fblog.example%2Fnone');
    expect(api.res.status).toBe(200);
    expect(((await api.res.json()) as { comments: unknown[] }).comments).toEqual([]);
    // Off: the worker answers the path itself (here its 404), never the origin's page.
    const off = await visit(
      pageOf(freshPage(), 'script'),
      {},
      { EDGE_INCLUDE: 'off', EDGE_INCLUDE_ORIGIN: origin },
    );
    expect(off.res.headers.get('X-Origin')).toBeNull();
  });
});
