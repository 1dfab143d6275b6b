// Builds the reader widget as classic scripts (IIFE, so `document.currentScript` works): dist/embed.js, the
// small boot script a page includes, and dist/causerie-app.<lang>.js, the Preact app it loads when the thread
// comes near the viewport, one per language so a reader downloads one catalog, not all of them. Vite's
// library mode builds one IIFE entry per build, so this config builds the boot and a small plugin runs the
// app builds right after, into the same dist/. The demo pages are copied beside them; wrangler serves dist/.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** A language is a file named by its tag in src/i18n (fr.ts, pt-BR.ts); see src/i18n/index.ts. */
const langs = readdirSync(here('src/i18n'))
  .map((file) => /^([a-z]{2,3}(?:-[A-Za-z0-9]+)?)\.ts$/.exec(file)?.[1])
  .filter((lang): lang is string => !!lang);

const library = (entry: string, fileName: string): InlineConfig => ({
  root: here('.'),
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: here('../dist'),
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
 * Narrows the catalog glob of src/i18n/index.ts to one language. A rewrite of that one pattern (checked, so
 * a change there fails the build instead of silently shipping every language).
 */
const oneLanguage = (lang: string): Plugin => ({
  name: 'causerie-one-language',
  enforce: 'pre', // before TypeScript is stripped: the pattern includes the type argument
  transform(code, id) {
    if (!id.endsWith('/src/i18n/index.ts')) return undefined;
    const pattern = /(import\.meta\.glob<Messages>\(\s*\[\s*)'\.\/\*\.ts'/;
    if (!pattern.test(code)) this.error('src/i18n/index.ts: the catalog glob changed, update vite.config.ts');
    return code.replace(pattern, `$1'./${lang}.ts'`);
  },
});

/** Builds causerie-app.<lang>.js once embed.js is written (configFile: false, so this does not recurse). */
const appBuilds = (): Plugin => ({
  name: 'causerie-app-builds',
  apply: 'build',
  async closeBundle() {
    for (const lang of langs) {
      const app = library('src/app.ts', `causerie-app.${lang}.js`);
      await build({
        ...app,
        configFile: false,
        publicDir: false,
        logLevel: 'warn',
        plugins: [oneLanguage(lang)],
        build: { ...app.build, emptyOutDir: false },
      });
    }
  },
});

const boot = library('src/embed.ts', 'embed.js');
export default defineConfig({
  ...boot,
  // demo/index.html becomes dist/index.html, so `/` on the worker serves the French demo post.
  publicDir: here('../demo'),
  plugins: [appBuilds()],
  build: { ...boot.build, emptyOutDir: true },
});
