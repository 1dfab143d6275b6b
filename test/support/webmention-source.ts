/**
 * The open web for the Webmention tests (issue 18): ONE real HTTP server on 127.0.0.1, started in Node
 * before the worker tests (vitest `globalSetup`) and fetched by the worker inside workerd, as it fetches a
 * blog in production. What it serves:
 * - `/page/<name>?target=T`: test/fixtures/webmention/<name>.html (pages shaped after WordPress, Hugo,
 *   Bridgy, Known…, and hostile ones), `{{TARGET}}` replaced by T and `{{SELF}}` by the page's own URL.
 * - `/dyn/<key>`: whatever a test last set with `POST /__set/<key>` (JSON `{ status, body, contentType }`),
 *   so a test can change a source between two Webmentions (an update, a 410, a 500 then a fix).
 * - `/redirect?to=U` (302), `/chain/<n>` (n redirects, then a page linking to `target`), `/status/<code>`.
 * - `/huge?target=T&link=start|end`: 2 MiB of HTML, streamed, with the link before or after the first MiB.
 * - `/slow`: answers nothing, ever; `/slow-body`: the headers and a first chunk, then nothing.
 * A request for each path is counted: `GET /__hits?path=P` answers how many there were.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type LocalServer, readBody, serveLocal } from './local-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    webmentionSource: string;
  }
}

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'webmention');
const MIB = 1024 * 1024;

interface Scripted {
  status: number;
  body: string;
  contentType: string;
}

const scripted = new Map<string, Scripted>();
const hits = new Map<string, number>();
/** Connections left hanging on purpose, closed when the server stops. */
const hanging = new Set<ServerResponse>();

const escapeAttr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const html = (res: ServerResponse, status: number, body: string) => {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(body);
};

const fixture = (name: string, target: string, self: string): string | null => {
  if (!/^[a-z-]+$/.test(name)) return null;
  try {
    return readFileSync(join(FIXTURES, `${name}.html`), 'utf8')
      .replaceAll('{{TARGET_TEXT}}', target.replace(/</g, '&lt;'))
      .replaceAll('{{TARGET}}', escapeAttr(target))
      .replaceAll('{{SELF}}', escapeAttr(self));
  } catch {
    return null;
  }
};

const streamHuge = (res: ServerResponse, target: string, linkAtStart: boolean) => {
  const link = `<a class="u-in-reply-to" href="${escapeAttr(target)}">the post</a>`;
  const filler = `<p>${'lorem ipsum dolor sit amet '.repeat(37)}</p>\n`;
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.write(`<!doctype html><article class="h-entry"><div class="e-content">${linkAtStart ? link : ''}`);
  let sent = 0;
  const more = () => {
    while (sent < 2 * MIB) {
      sent += filler.length;
      if (!res.write(filler)) return void res.once('drain', more);
    }
    res.end(`${linkAtStart ? '' : link}</div></article>`);
  };
  res.on('error', () => {});
  more();
};

const handle = async (req: IncomingMessage, res: ServerResponse) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  const self = url.href;
  const target = url.searchParams.get('target') ?? '';
  if (!url.pathname.startsWith('/__')) hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);

  if (url.pathname === '/__hits')
    return html(res, 200, String(hits.get(url.searchParams.get('path') ?? '') ?? 0));
  if (url.pathname.startsWith('/__set/') && req.method === 'POST') {
    const value = JSON.parse(await readBody(req)) as Partial<Scripted>;
    scripted.set(url.pathname.slice('/__set/'.length), {
      status: value.status ?? 200,
      body: value.body ?? '',
      contentType: value.contentType ?? 'text/html; charset=utf-8',
    });
    return html(res, 204, '');
  }
  if (url.pathname.startsWith('/dyn/')) {
    const page = scripted.get(url.pathname.slice('/dyn/'.length));
    if (!page) return html(res, 404, 'not set');
    res.writeHead(page.status, { 'Content-Type': page.contentType });
    return res.end(page.body.replaceAll('{{SELF}}', escapeAttr(self)));
  }
  if (url.pathname.startsWith('/page/')) {
    const body = fixture(url.pathname.slice('/page/'.length), target, self);
    return body === null ? html(res, 404, 'no such fixture') : html(res, 200, body);
  }
  if (url.pathname === '/redirect') {
    res.writeHead(302, { Location: url.searchParams.get('to') ?? '/' });
    return res.end();
  }
  const chain = /^\/chain\/(\d+)$/.exec(url.pathname);
  if (chain) {
    const left = Number(chain[1]);
    if (left === 0) return html(res, 200, fixture('plain-mention', target, self) ?? '');
    res.writeHead(301, { Location: `/chain/${left - 1}${url.search}` });
    return res.end();
  }
  const status = /^\/status\/(\d{3})$/.exec(url.pathname);
  if (status) return html(res, Number(status[1]), `<a href="${escapeAttr(target)}">status page</a>`);
  if (url.pathname === '/huge') return streamHuge(res, target, url.searchParams.get('link') !== 'end');
  if (url.pathname === '/slow') {
    hanging.add(res);
    return;
  }
  if (url.pathname === '/slow-body') {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.write(`<a href="${escapeAttr(target)}">`);
    hanging.add(res);
    return;
  }
  return html(res, 404, 'not found');
};

export const startWebmentionSource = async (): Promise<LocalServer> =>
  serveLocal(handle, (res) => html(res, 500, 'source server error'), hanging);

export default async function setup(project: TestProject) {
  const source = await startWebmentionSource();
  project.provide('webmentionSource', source.url);
  return source.close;
}
