// Builds the owner's admin page (src/admin) into dist/admin/: index.html plus hashed JS and CSS under
// dist/admin/assets/. Workers static assets serve dist/admin/index.html at /admin/. Run it after the reader
// config (which empties dist/): this one keeps what is there.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('src/admin'),
  // Absolute, so /admin (no slash) and /admin/ load the same assets.
  base: '/admin/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: here('../dist/admin'),
    emptyOutDir: false,
    // Owners use current browsers; no legacy build, and no modulepreload polyfill (there is one chunk).
    target: 'es2022',
    modulePreload: { polyfill: false },
  },
});
