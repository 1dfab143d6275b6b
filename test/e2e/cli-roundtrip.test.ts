/**
 * The command-line tool end to end on the project's own fixture: `causerie import` into the running
 * `wrangler dev`, `causerie export` to a file, and the export holds what was imported (and importing the
 * export again creates nothing new).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');
const env = { ...process.env, CAUSERIE_ADMIN_TOKEN: 'e2e-admin-token' };

const cli = (...args: string[]) => {
  const result = spawnSync('node', ['scripts/cli.mjs', ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('causerie CLI', () => {
  it('imports a file, exports everything to a file, and re-imports the export without duplicates', () => {
    // The fixture holds a malformed post on purpose: the tool imports the rest, reports it, and exits 1.
    const imported = cli('import', 'disqus', 'test/fixtures/import/disqus-quirks.xml', '--to', baseUrl);
    expect(imported.stderr).toMatch(/Imported [1-9]\d* comments/);
    expect(imported.stderr).toMatch(/1 errors/);

    const out = join(mkdtempSync(join(tmpdir(), 'causerie-export-')), 'export.json');
    const exported = cli('export', '--from', baseUrl, '--out', out);
    expect(exported.status, exported.stderr).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8')) as {
      format: string;
      version: number;
      threads: { url: string; comments: { importKey: string | null; body: string }[] }[];
    };
    expect(file.format).toBe('causerie-export');
    expect(file.version).toBe(2);
    const fromDisqus = file.threads
      .flatMap((t) => t.comments)
      .filter((c) => c.importKey?.startsWith('disqus:'));
    expect(fromDisqus.length).toBeGreaterThan(0);

    const again = cli('import', 'causerie', out, '--to', baseUrl);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/Imported 0 comments/);
  }, 120_000);
});
