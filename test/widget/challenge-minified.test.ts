/**
 * The challenge as it ships: dist/causerie-app.fr.js, causerie-extras.fr.js and causerie-challenge.js run
 * in happy-dom, so that a property the minifier renames between the extras and the challenge chunk (its
 * handle, its options) breaks here. Cloudflare's script is a fake `window.turnstile` that behaves as the
 * real explicit-render API does. `npm test` builds first; run `npm run build` when running alone.
 */
// This one test reads the build from disk: Node's types here, rather than in the widget's tsconfig.
/// <reference types="node" />
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { fireEvent, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NewComment } from '../../worker/types/api.ts';
import { comment, created, fakeFetch, json, origin, page, problem, type Recorded } from './helpers.ts';

const dist = fileURLToPath(new NodeURL('../../dist/', import.meta.url));
const built = existsSync(`${dist}causerie-challenge.js`);
const run = (file: string) => new Function(readFileSync(`${dist}${file}`, 'utf8'))();

const rendered: Array<{ element: HTMLElement; params: Record<string, any>; resets: number }> = [];
const turnstile = {
  render(element: HTMLElement, params: Record<string, any>) {
    rendered.push({ element, params, resets: 0 });
    return `widget-${rendered.length}`;
  },
  reset(id: string) {
    const widget = rendered[Number(id.slice(7)) - 1];
    if (widget) widget.resets += 1;
  },
  remove() {},
};

const serve = (request: Recorded): Response => {
  const path = request.url.pathname;
  if (path === '/api/v1/config')
    return json({ version: 1, challenge: { provider: 'turnstile', siteKey: 'sk-1' } });
  if (path === '/api/v1/threads') return json(page([]));
  if (request.method === 'POST' && path === '/api/v1/comments') {
    const body = request.body as NewComment;
    return json(created(comment({ id: `new-${body.clientId}`, html: `<p>${body.body}</p>` })), 201);
  }
  return problem({ status: 404, code: 'not_found', title: 'Not found' });
};

describe.skipIf(!built && !process.env.CI)('the minified challenge (dist/)', () => {
  beforeAll(() => {
    expect(built, 'dist/ is missing: the build must run before the tests').toBe(true);
    run('causerie-app.fr.js');
    run('causerie-extras.fr.js');
    // Registers window.causerieChallenge, as its <script> would; the extras then find it loaded.
    run('causerie-challenge.js');
    window.turnstile = turnstile;
  });

  afterEach(() => vi.unstubAllGlobals());

  it('renders Turnstile in the form and posts its token as challengeToken, then resets it', async () => {
    localStorage.clear();
    const requests = fakeFetch(serve);
    document.body.innerHTML = '<div id="comments"></div>';
    document.body.insertAdjacentHTML(
      'beforeend',
      `<script type="text/plain" src="${origin}/embed.js" data-target="#comments" data-loading="eager" data-lang="fr" data-url="https://blog.example/post"></script>`,
    );
    run('embed.js');
    const host = document.getElementById('comments') as HTMLElement;
    const thread = await vi.waitFor(() => {
      const root = host.shadowRoot?.querySelector<HTMLElement>('.causerie[aria-busy="false"]');
      expect(root).toBeTruthy();
      return root as HTMLElement;
    });
    fireEvent.focusIn(within(thread).getByLabelText('Commentaire'));
    await vi.waitFor(() => expect(rendered).toHaveLength(1));
    const [widget] = rendered;
    expect(widget?.params).toMatchObject({
      sitekey: 'sk-1',
      action: 'comment',
      language: 'fr',
      theme: 'light',
    });
    expect(thread.querySelector('form')?.contains(widget?.element as HTMLElement)).toBe(true);
    widget?.params.callback('minified-token');

    fireEvent.input(within(thread).getByLabelText('Commentaire'), { target: { value: 'Avec défi' } });
    await new Promise((resolve) => setTimeout(resolve));
    fireEvent.click(within(thread).getByRole('button', { name: 'Publier le commentaire' }));
    await vi.waitFor(() => expect(thread.textContent).toContain('Avec défi'));
    const [post] = requests.filter((r) => r.method === 'POST').map((r) => r.body as NewComment);
    expect(post?.challengeToken).toBe('minified-token');
    expect(widget?.resets).toBe(1);
  });
});
