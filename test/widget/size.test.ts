/**
 * The byte budget of what a reader downloads (DESIGN.md: 15 KB gzip, goal 12 KB), checked on the built
 * file, so it measures exactly what ships. `npm test` builds first; run `npm run build` when running alone.
 */
// This one test reads the build from disk: Node's types here, rather than in the widget's tsconfig.
/// <reference types="node" />
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// Node's URL, not the global one: happy-dom's URL resolves relative paths against http://localhost:3000.
const file = fileURLToPath(new NodeURL('../../dist/embed.js', import.meta.url));
const budget = 15 * 1024;
const built = existsSync(file);

describe('dist/embed.js', () => {
  // Skipping is for a local `vitest run` without a build; in CI a missing file is a failure.
  it.skipIf(!built && !process.env.CI)(
    `is at most ${budget} bytes gzipped (missing build: run \`npm run build\` first)`,
    () => {
      expect(built, 'dist/embed.js is missing: the build must run before the tests').toBe(true);
      const size = gzipSync(readFileSync(file), { level: 9 }).length;
      console.info(`dist/embed.js: ${size} bytes gzip (budget ${budget}, goal ${12 * 1024})`);
      expect(size).toBeLessThanOrEqual(budget);
    },
  );
});
