/**
 * The byte budget of causerie-openweb.<lang>.js (issue 18), the part a page loads only when its thread has
 * comments from the open web (source marks, face piles), checked on the built files like size.test.ts.
 * `npm test` builds first; run `npm run build` when running alone.
 */
/// <reference types="node" />
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new NodeURL('../../dist/', import.meta.url));
const built = existsSync(`${dist}embed.js`);
const BUDGET = 1.5 * 1024;

const parts = built
  ? readdirSync(dist)
      .filter((file) => /^causerie-app\.[\w-]+\.js$/.test(file))
      .map((app) => app.replace('-app.', '-openweb.'))
      .map((file) => ({
        file,
        gzip: existsSync(`${dist}${file}`)
          ? gzipSync(readFileSync(`${dist}${file}`), { level: 9 }).length
          : Number.POSITIVE_INFINITY,
      }))
  : [];

describe('the open web part (gzip -9)', () => {
  const run = it.skipIf(!built && !process.env.CI);
  const label = parts.map((p) => `${p.file} ${p.gzip} B`).join(', ') || 'missing build';
  run(`is built for every language, each at most ${BUDGET} bytes: ${label}`, () => {
    expect(parts.length).toBe(12);
    for (const part of parts) expect(part.gzip, part.file).toBeLessThanOrEqual(BUDGET);
  });
});
