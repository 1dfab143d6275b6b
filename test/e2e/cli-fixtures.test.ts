/**
 * Acceptance: every real fixture of ../shared/fixtures/import (other projects' test files, never copied
 * here) goes through the command-line tool into the running `wrangler dev`, with the counts its
 * description (SOURCES.md) implies; a second run creates nothing. Skipped where the fixtures are absent.
 * Some files share source ids (the three remark42 variants), so a file's count is what it holds in the
 * database after its import: new comments plus those already there.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const FIXTURES = resolve('../shared/fixtures/import');
const TOKEN = 'e2e-admin-token';

interface Expected {
  format: string;
  /** Comments the file puts in the database (placeholders and spam included). */
  stored: number;
  skipped: number;
  errors: number;
  /** Page URL → [comments shown (placeholders included), approved count]. */
  shown: Record<string, [number, number]>;
}

const CASES: Record<string, Expected> = {
  'wxr-isso-wordpress.xml': {
    format: 'wxr',
    stored: 8,
    skipped: 0,
    errors: 0,
    shown: { 'http://example.tld/2014/test/': [7, 7], 'http://example.tld/?p=4': [1, 1] },
  },
  // The trash pingback 156 skipped; 122's parent 121 is not in the file, so 122 is a root.
  'wxr-pelican-wordpressexport.xml': {
    format: 'wxr',
    stored: 3,
    skipped: 1,
    errors: 0,
    shown: { 'http://thisisa.test/with-comments/': [3, 3] },
  },
  // 500 and 501 shown, 502 spam stored but hidden, the pingback 503 skipped.
  'wxr-waaseyaa-small-site.xml': {
    format: 'wxr',
    stored: 3,
    skipped: 1,
    errors: 0,
    shown: {
      'https://example.test/2025/05/first-post/': [2, 2],
      'https://example.test/2025/05/second-post/': [0, 0],
    },
  },
  'wxr-wordpress-importer-valid-wxr-1.1.xml': {
    format: 'wxr',
    stored: 1,
    skipped: 0,
    errors: 0,
    shown: { 'http://localhost/?p=1': [1, 1] },
  },
  // 4 live + the deleted 9 as a placeholder (11 replies to it); the orphan 6 (thread 1337) skipped.
  'disqus-isso.xml': {
    format: 'disqus',
    stored: 5,
    skipped: 1,
    errors: 0,
    shown: {
      'http://example.org/': [4, 3],
      'http://localhost:4000/blog/2013/02/12/redacted/index.html': [1, 1],
    },
  },
  'disqus-schnack.xml': {
    format: 'disqus',
    stored: 5,
    skipped: 0,
    errors: 0,
    shown: { 'http://localhost:3000/foo/': [4, 4], 'http://localhost:3000/bar/': [1, 1] },
  },
  // 4 live + 1 spam kept hidden; the malformed x299986073 skipped and reported.
  'disqus-remark42.xml': { format: 'disqus', stored: 5, skipped: 0, errors: 1, shown: {} },
  'disqus-remark42-deleted-post.xml': { format: 'disqus', stored: 4, skipped: 1, errors: 1, shown: {} },
  'disqus-remark42-deleted-thread.xml': { format: 'disqus', stored: 2, skipped: 3, errors: 1, shown: {} },
  'commento-remark42-migrator.json': {
    format: 'commento',
    stored: 3,
    skipped: 0,
    errors: 0,
    shown: { 'https://example.com/blog/post/1': [2, 2], 'https://example.com/blog/post/2': [1, 1] },
  },
  'commento-remark42-api.json': {
    format: 'commento',
    stored: 7,
    skipped: 0,
    errors: 0,
    shown: { 'https://example.com/example': [7, 7] },
  },
};

const SUMMARY =
  /Imported (\d+) comments into (\d+) new threads in [\d.]+ s \((\d+) batches; (\d+) already there, (\d+) skipped, (\d+) errors\)/;

/**
 * Runs the tool without blocking this process's event loop (no spawnSync): a blocked loop misses the
 * server closing an idle keep-alive connection, and the next `fetch` here writes into the dead socket
 * ("other side closed", seen under load).
 */
const run = (args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, CAUSERIE_ADMIN_TOKEN: TOKEN } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

const cli = async (file: string, format: string, baseUrl: string) => {
  const result = await run([
    'scripts/cli.mjs',
    'import',
    format,
    join(FIXTURES, file),
    '--to',
    baseUrl,
    '--batch-size',
    '2',
  ]);
  const match = SUMMARY.exec(result.stderr);
  if (!match) throw new Error(`no summary:\n${result.stderr}\n${result.stdout}`);
  const [comments, , , duplicates, skipped, errors] = match.slice(1, 7).map(Number) as number[];
  return { status: result.status, comments, duplicates, skipped, errors };
};

describe.skipIf(!existsSync(FIXTURES))('causerie import: the real fixtures', () => {
  for (const [file, expected] of Object.entries(CASES)) {
    it(`${file}: ${expected.stored} stored, ${expected.skipped} skipped, ${expected.errors} reported`, async () => {
      const baseUrl = inject('baseUrl');
      const first = await cli(file, expected.format, baseUrl);
      expect((first.comments ?? 0) + (first.duplicates ?? 0)).toBe(expected.stored);
      expect(first).toMatchObject({ skipped: expected.skipped, errors: expected.errors });
      expect(first.status).toBe(expected.errors ? 1 : 0);

      for (const [url, [count, approved]] of Object.entries(expected.shown)) {
        const res = await fetch(`${baseUrl}/api/v1/threads?url=${encodeURIComponent(url)}&limit=100`);
        const page = (await res.json()) as { thread: { commentCount: number }; comments: unknown[] };
        expect([page.comments.length, page.thread.commentCount], url).toEqual([count, approved]);
      }

      const again = await cli(file, expected.format, baseUrl);
      expect(again).toMatchObject({ comments: 0, duplicates: expected.stored });
    });
  }
});
