// Builds the reader widget into one self-contained, minified dist/embed.js (IIFE: a classic script, so
// `document.currentScript` works), and copies the demo pages beside it; wrangler serves dist/ as static assets.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  // demo/index.html becomes dist/index.html, so `/` on the worker serves the French demo post.
  publicDir: here('../demo'),
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: here('../dist'),
    emptyOutDir: true,
    lib: {
      entry: here('src/embed.ts'),
      formats: ['iife'],
      // Required by Vite for IIFE; embed.ts exports nothing, it installs `window.Causerie` itself.
      name: 'CauserieEmbed',
      fileName: () => 'embed.js',
    },
  },
});
