/**
 * `npm run build`'s dist/ holds only what a site needs: the boot script, the app, extras and sign-in part
 * of each language, the admin page and the demo pages. Test pages (test/pages/) are served by the e2e run alone:
 * shipped, test/thread.html would turn any query parameter into embed attributes on the worker's own,
 * always allowed, origin. `npm test` builds first; run `npm run build` when running alone.
 */
// This one test reads the build from disk: Node's types here, rather than in the widget's tsconfig.
/// <reference types="node" />
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// Node's URL, not the global one: happy-dom's URL resolves relative paths against http://localhost:3000.
const dist = fileURLToPath(new NodeURL('../../dist/', import.meta.url));
const built = existsSync(`${dist}embed.js`);

/** Every file a site may serve, by path under dist/. */
const shipped = [
  /^embed\.js$/,
  // `watch`: the live watch of a server-rendered thread before the app (issues 15 × 17).
  /^causerie-(app|extras|auth|counts|live|follow|openweb|watch)\.[a-z]{2,3}(-[A-Za-z0-9]+)?\.js$/,
  // The recent-comments embed (issue 17), one file for every language, included by the owner.
  /^recent\.js$/,
  // The Turnstile challenge, loaded only where GET /config names one (issue 14).
  /^causerie-challenge\.js$/,
  // The server view's part before the app (issue 15): one file for every language.
  /^causerie-view\.js$/,
  /^admin\/index\.html$/,
  /^admin\/assets\/index-[\w-]+\.(js|css)$/,
  /^(index|index-with-counts|en|dark|spa|recent)\.html$/,
  // The demo's single-page app script (no inline script under the demo pages' CSP) and the headers file.
  /^spa\.js$/,
  /^_headers$/,
];

describe('the production build (dist/)', () => {
  // Skipping is for a local `vitest run` without a build; in CI a missing file is a failure.
  const run = it.skipIf(!built && !process.env.CI);

  run('holds only what a site needs: no test pages', () => {
    const files = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => `${entry.parentPath.slice(dist.length)}/${entry.name}`.replace(/^\//, ''));
    expect(files).toContain('embed.js');
    expect(files).toContain('admin/index.html');
    expect(files.filter((file) => !shipped.some((pattern) => pattern.test(file)))).toEqual([]);
    expect(existsSync(`${dist}test`)).toBe(false);
  });
});
