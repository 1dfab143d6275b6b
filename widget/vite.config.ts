// Builds the reader widget as classic scripts (IIFE, so `document.currentScript` works): dist/embed.js, the
// small boot script a page includes, and dist/causerie-app.<lang>.js, the Preact app it loads when the thread
// comes near the viewport, one per language so a reader downloads one catalog, not all of them. Vite's
// library mode builds one IIFE entry per build, so this config builds the boot and a small plugin runs the
// app builds right after, into the same dist/. The demo pages are copied beside them; wrangler serves dist/.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minify } from '@swc/core';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';

/** lightningcss's `Features.LightDark` (not imported: lightningcss is Vite's dependency, not ours). */
const lightDark = 1 << 20;

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** A language is a file named by its tag in src/i18n (fr.ts, pt-BR.ts), listed in src/i18n/langs.ts. */
const langs = readdirSync(here('src/i18n'))
  .map((file) => /^([a-z]{2,3}(?:-[A-Za-z0-9]+)?)\.ts$/.exec(file)?.[1])
  .filter((lang): lang is string => !!lang);

/**
 * Classic JSX needs `h` and `Fragment` in scope: imported into each .tsx (oxc's jsxInject does .ts too).
 * Appended, not prepended (imports hoist either way): every line keeps its place, so the source maps of
 * scripts/widget-size-report.mjs stay true (`map: null`: "this transform moves no code").
 */
const jsxInject: Plugin = {
  name: 'causerie-jsx-inject',
  enforce: 'pre',
  transform: (code, id) =>
    id.endsWith('.tsx') ? { code: `${code}\nimport { h, Fragment } from 'preact';`, map: null } : undefined,
};

/**
 * Property mangling by convention, as Preact does (its mangle.json): a property or member that only the
 * widget's own code reads (catalog keys, component props, the extras' members) starts with `_`, and every
 * such name is renamed `$0`, `$1`… Nothing that crosses into JSON, the DOM, Preact or embed.js starts with
 * `_` (API fields, attributes, `status`, `body`…; embed.js is mangled by the same table), so a new name cannot clash silently; and the widget's
 * tests also run against the minified build (test/widget/minified.test.ts). The mapping is one fixed
 * table, derived from the sources, so the app and its extras (separate builds) agree on every name, most
 * frequent names first (shortest). Measured: -170 B gzip on the app.
 */
const privateName = /\b_[A-Za-z]\w*/g;
const widgetSources = (dir: string): string[] =>
  readdirSync(here(dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? entry.name === 'admin'
        ? [] // the admin page is its own, unmangled build
        : widgetSources(`${dir}/${entry.name}`)
      : /\.tsx?$/.test(entry.name)
        ? [readFileSync(here(`${dir}/${entry.name}`), 'utf8')]
        : [],
  );
const uses = new Map<string, number>();
for (const code of widgetSources('src'))
  for (const [name] of code.matchAll(privateName)) uses.set(name, (uses.get(name) ?? 0) + 1);
const mangled = [...uses].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
const mangleProps = {
  include: /^_[A-Za-z]/,
  cache: Object.fromEntries(mangled.map((name, i) => [name, `$${i.toString(36)}`])),
};

const library = (entry: string, fileName: string): InlineConfig => ({
  root: here('.'),
  // Classic JSX for the build (the tests use the automatic runtime): `h(type, props, ...children)` calls
  // are shorter than `jsx(type, { ...props, children })`, and `h` is in Preact's core (measured: -190 B).
  // development: false even when NODE_ENV is `test` (vitest's e2e setup builds): no __source in what ships.
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment', development: false } },
  // No light-dark() fallback variables for `color-scheme`: the theme sets its colours itself.
  css: { lightningcss: { exclude: lightDark } },
  build: {
    outDir: here('../dist'),
    // `CAUSERIE_SOURCEMAP=1 npm run build`: maps for scripts/widget-size-report.mjs (per-module bytes).
    sourcemap: !!process.env.CAUSERIE_SOURCEMAP,
    lib: {
      entry: here(entry),
      formats: ['iife'],
      // Required by Vite for IIFE; the entries export nothing, they install their window globals themselves.
      name: 'Causerie',
      fileName: () => fileName,
    },
  },
});

/**
 * Narrows the catalog globs of src/i18n/ (index.ts, count-forms.ts, extra.ts) and of src/auth/messages.ts
 * to one language. A rewrite
 * of one pattern per file (checked, so a change there fails the build instead of silently shipping every
 * language).
 */
const oneLanguage = (lang: string): Plugin => ({
  name: 'causerie-one-language',
  enforce: 'pre', // before TypeScript is stripped: the pattern includes the type argument
  transform(code, id) {
    // live/i18n/index.ts, follow/i18n/index.ts and open-web/messages.ts: the live, follow and open-web parts'
    // own catalogs (issues 17 and 18), each a glob of its own folder (`'./*.ts'`).
    const file =
      /\/src\/(i18n\/(index|count-forms|extra)|auth\/messages|live\/i18n\/index|follow\/i18n\/index|open-web\/messages)\.ts$/.exec(
        id,
      )?.[0];
    if (!file) return undefined;
    // auth/messages.ts globs the catalogs from beside i18n/ (`'../i18n/*.ts'`).
    // Every glob of the file (auth/messages.ts has two: its own strings and the error messages).
    // open-web/messages.ts (issue 18) globs its own catalogs (`'./messages/*.ts'`), with no exclusions.
    const pattern = /(import\.meta\.glob<[\w[\]']+>\(\s*\[?\s*)'(\.\/|\.\.\/i18n\/|\.\/messages\/)\*\.ts'/g;
    if (!pattern.test(code)) this.error(`${file}: the catalog glob changed, update vite.config.ts`);
    // `map: null`: the rewrite stays within one line, so the source maps stay true.
    return { code: code.replace(pattern, `$1'$2${lang}.ts'`), map: null };
  },
});

/**
 * A second minification of each reader file, by swc (already a devDependency, for dependency-cruiser),
 * after rolldown's own (which renames the `_` properties, see `mangleProps`): swc's compressor finds what
 * oxc's leaves (measured: -80 B gzip on every app). Skipped with CAUSERIE_SOURCEMAP, whose maps describe
 * rolldown's output (scripts/widget-size-report.mjs ranks modules; a few bytes of difference do not matter).
 */
const secondPass: Plugin = {
  name: 'causerie-second-pass',
  apply: () => !process.env.CAUSERIE_SOURCEMAP,
  async generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle))
      if (chunk.type === 'chunk')
        chunk.code = (await minify(chunk.code, { compress: true, mangle: true, ecma: 2022 })).code;
  },
};

/**
 * What the on-demand parts (causerie-extras.<lang>.js, causerie-auth.<lang>.js) borrow from their app
 * instead of bundling copies: Preact (hooks keep their state in the instance that renders), the id helper
 * (components/use-uid.ts) and lazy.tsx (the parts' registry, the error messages). Each import of these
 * becomes a read of `causerieApps[lang].lib`, which app.ts fills with exactly the names used.
 */
const borrowed = /^preact(\/|$)|\/components\/use-uid\.ts$|\/lazy\.tsx$/;

/**
 * Builds causerie-app.<lang>.js, causerie-extras.<lang>.js, causerie-auth.<lang>.js (sign-in, where the
 * deployment offers it) and causerie-counts.<lang>.js (the count links of a page, src/counts.ts) once
 * embed.js is written, and causerie-challenge.js (configFile: false, so this does not recurse).
 */
const appBuilds = (): Plugin => ({
  name: 'causerie-app-builds',
  apply: 'build',
  async closeBundle() {
    for (const lang of langs) {
      for (const [entry, file] of [
        ['src/app.ts', `causerie-app.${lang}.js`],
        ['src/extras.ts', `causerie-extras.${lang}.js`],
        ['src/auth.tsx', `causerie-auth.${lang}.js`],
        ['src/counts.ts', `causerie-counts.${lang}.js`],
        // Live threads (issue 17): loaded by the app only where GET /config says `live: true`.
        ['src/live.ts', `causerie-live.${lang}.js`],
        // Issue 17: the feed link and "Follow this thread", loaded once a thread shows.
        ['src/follow.ts', `causerie-follow.${lang}.js`],
        // The open web's comments (issue 18): loaded only on a page that has some (lazy.tsx OpenWeb).
        ['src/open-web.tsx', `causerie-openweb.${lang}.js`],
        // Issues 15 × 17: the live watch of a server-rendered thread before the app comes, by the boot;
        // standalone (no Preact), as counts is: the app it would borrow from is not on the page.
        ['src/watch.ts', `causerie-watch.${lang}.js`],
      ] as const) {
        const app = library(entry, file);
        // A part that runs inside the app borrows from it (extras, sign-in); counts runs beside embed.js alone.
        const extras =
          entry === 'src/extras.ts' ||
          entry === 'src/auth.tsx' ||
          entry === 'src/live.ts' ||
          entry === 'src/follow.ts' ||
          entry === 'src/open-web.tsx';
        await build({
          ...app,
          configFile: false,
          publicDir: false,
          logLevel: 'warn',
          plugins: [oneLanguage(lang), jsxInject, secondPass],
          build: {
            ...app.build,
            emptyOutDir: false,
            rolldownOptions: {
              ...(extras ? { external: (id: string) => borrowed.test(id) } : {}),
              output: {
                minify: { mangleProps },
                ...(extras ? { globals: () => `causerieApps[${JSON.stringify(lang)}].lib` } : {}),
              },
            },
          },
        });
      }
    }
    // causerie-challenge.js (issue 14): one file for every language (it has no text), no Preact, loaded by
    // the extras only on a site whose GET /config names a challenge.
    const challenge = library('src/challenge/turnstile.ts', 'causerie-challenge.js');
    await build({
      ...challenge,
      configFile: false,
      publicDir: false,
      logLevel: 'warn',
      build: {
        ...challenge.build,
        emptyOutDir: false,
        rolldownOptions: { output: { minify: { mangleProps } } },
      },
    });
    // causerie-view.js (issue 15): the server-rendered view's behaviour before the app (intent, the click
    // and text kept, the live watch), loaded by embed.js beside the thread's HTML; no text, no Preact.
    const view = library('src/view.ts', 'causerie-view.js');
    await build({
      ...view,
      configFile: false,
      publicDir: false,
      logLevel: 'warn',
      plugins: [secondPass],
      build: {
        ...view.build,
        emptyOutDir: false,
        rolldownOptions: { output: { minify: { mangleProps } } },
      },
    });
    // recent.js (issue 17): the recent-comments embed an owner includes, every language inside, no Preact.
    const recent = library('src/recent.ts', 'recent.js');
    await build({
      ...recent,
      configFile: false,
      publicDir: false,
      logLevel: 'warn',
      build: {
        ...recent.build,
        emptyOutDir: false,
        rolldownOptions: { output: { minify: { mangleProps } } },
      },
    });
  },
});

const boot = library('src/embed.ts', 'embed.js');
export default defineConfig({
  ...boot,
  // demo/index.html becomes dist/index.html, so `/` on the worker serves the French demo post.
  publicDir: here('../demo'),
  // swc's second pass on embed.js too (measured: -90 B gzip, within its 2 KB).
  plugins: [secondPass, appBuilds()],
  // The same mangling table as the app's: the `WidgetOptions` the boot hands the app must have one name
  // for each property on both sides.
  build: { ...boot.build, emptyOutDir: true, rolldownOptions: { output: { minify: { mangleProps } } } },
});
