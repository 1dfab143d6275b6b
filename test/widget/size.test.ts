/**
 * The byte budget of what a reader downloads (DESIGN.md and issue 15: 12 KB gzip for boot + app + CSS, the
 * boot script alone 2 KB), checked on the built files, so it measures exactly what ships. Every reader
 * downloads embed.js and the app of one language (causerie-app.<lang>.js, which carries the CSS inside),
 * so the budget holds for each language, checked one by one. The on-demand parts are loaded on first use
 * only, so they are listed apart with budgets of their own: causerie-extras.<lang>.js (the comment form
 * past its text, liking, editing, preview, error messages; docs/widget-parts.md) and
 * causerie-counts.<lang>.js (the count links of a page that has any; the figure with it is printed too),
 * and causerie-auth.<lang>.js (sign-in, where the deployment offers it); causerie-watch.<lang>.js (the
 * live watch of a server-rendered thread, before the app) too.
 * `npm test` builds first; run `npm run build` when running alone.
 */
// This one test reads the build from disk: Node's types here, rather than in the widget's tsconfig.
/// <reference types="node" />
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// Node's URL, not the global one: happy-dom's URL resolves relative paths against http://localhost:3000.
const dist = fileURLToPath(new NodeURL('../../dist/', import.meta.url));
const built = existsSync(`${dist}embed.js`);
const gzip = (file: string) => gzipSync(readFileSync(`${dist}${file}`), { level: 9 }).length;

const KB = 1024;
const budget = {
  boot: 2 * KB,
  // 14.25 KB (was 15; the goal, 12 KB, is not met yet). The diet took the largest language from 15,280 to
  // 13,803 B (boot 1,705 + app 12,098, Arabic); then came the boot's early thread request (embed.js 1,969 B),
  // the adoption of server-rendered threads (+233 B), the live, follow and open-web hooks (+65, +25, +55 B):
  // 14,509 B in Arabic on 2026-12-02. What is left is Preact (~5.3 KB of every app), the CSS (~1.2 KB), the
  // catalog and the thread's own rendering: docs/widget-parts.md has the breakdown and what could go next.
  total: 14.25 * KB,
  goal: 12 * KB,
  // 6 KB (was 4.5): the extras took the comment form past its text (guest fields, preview, draft, posting),
  // the editing of one's own comments and the like's error messages out of every app (-1.4 KB there);
  // they load when a reader turns to the form or acts, never before the thread shows. Measured 5,961 B (ja).
  extras: 6 * KB,
  counts: 1 * KB,
  // 4.5 KB (was 4): "Your account" (own comments, download, erasure) came in; loaded only where sign-in is offered.
  auth: 4.5 * KB,
  // Live threads (issue 17): the socket, the "N new comments" button and its catalog; loaded only where
  // GET /config says `live: true`, once a thread has loaded. The app's own share is its hook (~60 B).
  live: 2.5 * KB,
  // Issue 17: the feed link and "Follow this thread", loaded once a thread shows (~1.7–1.9 KB measured).
  follow: 2 * KB,
  // Issue 17: recent.js, the recent-comments embed an owner includes, every language inside.
  recent: 1.5 * KB,
  // Issues 15 × 17: causerie-watch.<lang>.js, the live watch of a server-rendered thread before the app
  // comes (a reader who only reads), loaded by the boot. 2.4 KB (measured 2,170–2,345 B, 2026-12-02); the
  // goal, 1.3 KB, is not met: the modules it shares with the live part (socket, button with its sheet,
  // watching, plural rules, catalog) weigh 1,679 B alone (en), the pill's CSS 283 B of it.
  watch: 2.4 * KB,
  watchGoal: 1.3 * KB,
};

/** The CSS's share of an app file: the `?inline` string, gzipped alone (for the report only). */
const cssOf = (file: string): number => {
  const code = readFileSync(`${dist}${file}`, 'utf8');
  const start = code.indexOf(':host{');
  // Whichever quote the minifier chose for the string (swc's second pass prefers "…").
  const end = code.indexOf(code[start - 1] ?? '`', start);
  return start < 0 || end < 0 ? 0 : gzipSync(code.slice(start, end), { level: 9 }).length;
};

interface Language {
  lang: string;
  app: number;
  extras: number;
  counts: number;
  /** causerie-auth.<lang>.js: sign-in, loaded only where the deployment offers it. */
  auth: number;
  /** causerie-live.<lang>.js: live threads, loaded only where the deployment has them on. */
  live: number;
  /** causerie-follow.<lang>.js: the feed link and the follow control (issue 17). */
  follow: number;
  /** causerie-watch.<lang>.js: the live watch of a server-rendered thread (issues 15 × 17). */
  watch: number;
  total: number;
}

const sizes = () => {
  const boot = gzip('embed.js');
  const langs: Language[] = readdirSync(dist)
    .map((file) => /^causerie-app\.([\w-]+)\.js$/.exec(file)?.[1])
    .filter((lang): lang is string => !!lang)
    .map((lang) => {
      const app = gzip(`causerie-app.${lang}.js`);
      const part = (name: string) => (existsSync(`${dist}${name}`) ? gzip(name) : Number.POSITIVE_INFINITY);
      return {
        lang,
        app,
        extras: part(`causerie-extras.${lang}.js`),
        counts: part(`causerie-counts.${lang}.js`),
        auth: part(`causerie-auth.${lang}.js`),
        live: part(`causerie-live.${lang}.js`),
        follow: part(`causerie-follow.${lang}.js`),
        watch: part(`causerie-watch.${lang}.js`),
        total: boot + app,
      };
    });
  const largest = langs.reduce((a, b) => (b.total > a.total ? b : a), langs[0] as Language);
  const recent = existsSync(`${dist}recent.js`) ? gzip('recent.js') : Number.POSITIVE_INFINITY;
  return { boot, langs, largest, recent, css: largest ? cssOf(`causerie-app.${largest.lang}.js`) : 0 };
};

// Computed at collection time so the exact numbers are in the test names.
const measured = built ? sizes() : undefined;
const label = measured?.largest
  ? `boot ${measured.boot} B + app ${measured.largest.app} B (causerie-app.${measured.largest.lang}.js, of which CSS ${measured.css} B) = ${measured.largest.total} B gzip`
  : 'missing build: run `npm run build` first';

describe('what a reader downloads for the widget (gzip -9)', () => {
  // Skipping is for a local `vitest run` without a build; in CI a missing file is a failure.
  const run = it.skipIf(!built && !process.env.CI);

  run(
    `is at most ${budget.total} bytes in all, in the largest language: ${label} (goal ${budget.goal})`,
    () => {
      expect(measured, 'dist/ is missing: the build must run before the tests').toBeDefined();
      if (!measured) return;
      console.info(`widget size: ${label}`);
      console.info(
        `widget size by language (boot + app = total; on demand: extras, counts; total with counts):\n${measured.langs
          .map(
            (l) =>
              `  ${l.lang}: ${measured.boot} + ${l.app} = ${l.total} B; extras ${l.extras} B, counts ${l.counts} B; ${l.total + l.counts} B`,
          )
          .join('\n')}`,
      );
      expect(measured.langs.length).toBeGreaterThan(0);
      expect(measured.largest.total).toBeLessThanOrEqual(budget.total);
    },
  );

  // One check per language, so a long catalog that breaks the budget names itself.
  for (const l of measured?.langs ?? []) {
    run(`holds the budget in ${l.lang}: ${measured?.boot} + ${l.app} = ${l.total} B`, () => {
      expect(l.total).toBeLessThanOrEqual(budget.total);
    });
  }

  run(`has a boot script of at most ${budget.boot} bytes: embed.js ${measured?.boot ?? '?'} B`, () => {
    expect(measured?.boot).toBeLessThanOrEqual(budget.boot);
  });

  const extras = measured?.langs.map((l) => `causerie-extras.${l.lang}.js ${l.extras} B`).join(', ') ?? '?';
  run(`loads the rest on first use, each language's part at most ${budget.extras} bytes: ${extras}`, () => {
    console.info(`widget on-demand chunks: ${extras}`);
    for (const l of measured?.langs ?? []) expect(l.extras, l.lang).toBeLessThanOrEqual(budget.extras);
  });

  const counts = measured?.langs.map((l) => `${l.lang} ${l.counts} B`).join(', ') ?? '?';
  run(`fills count links with a part of at most ${budget.counts} bytes per language: ${counts}`, () => {
    for (const l of measured?.langs ?? []) expect(l.counts, l.lang).toBeLessThanOrEqual(budget.counts);
  });

  const auth = measured?.langs.map((l) => `${l.lang} ${l.auth} B`).join(', ') ?? '?';
  run(
    `loads sign-in only where it is offered, a part of at most ${budget.auth} bytes per language: ${auth}`,
    () => {
      console.info(`widget sign-in chunks: ${auth}`);
      for (const l of measured?.langs ?? []) expect(l.auth, l.lang).toBeLessThanOrEqual(budget.auth);
    },
  );

  const live = measured?.langs.map((l) => `${l.lang} ${l.live} B`).join(', ') ?? '?';
  run(`follows threads live with a part of at most ${budget.live} bytes per language: ${live}`, () => {
    console.info(`widget live chunks: ${live}`);
    for (const l of measured?.langs ?? []) expect(l.live, l.lang).toBeLessThanOrEqual(budget.live);
  });
  const follow = measured?.langs.map((l) => `${l.lang} ${l.follow} B`).join(', ') ?? '?';
  run(
    `draws the feed link and the follow control with a part of at most ${budget.follow} bytes: ${follow}`,
    () => {
      console.info(`widget follow chunks: ${follow}`);
      for (const l of measured?.langs ?? []) expect(l.follow, l.lang).toBeLessThanOrEqual(budget.follow);
    },
  );

  const watch = measured?.langs.map((l) => `${l.lang} ${l.watch} B`).join(', ') ?? '?';
  run(
    `watches a server-rendered thread live with a part of at most ${budget.watch} bytes per language (goal ${budget.watchGoal}): ${watch}`,
    () => {
      console.info(`widget watch chunks: ${watch}`);
      for (const l of measured?.langs ?? []) expect(l.watch, l.lang).toBeLessThanOrEqual(budget.watch);
    },
  );

  run(
    `embeds the recent comments with recent.js of at most ${budget.recent} bytes: ${measured?.recent ?? '?'} B`,
    () => {
      expect(measured?.recent).toBeLessThanOrEqual(budget.recent);
    },
  );
});
