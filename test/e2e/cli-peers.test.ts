/**
 * Issue 19, through the command-line tool into the running `wrangler dev`: the binary files of
 * ../shared/fixtures/import-peers (Isso's SQLite databases, Comentario's gzip exports; never copied here)
 * with the counts of its expected-counts.json, a gzip-compressed Remark42 backup, and an Isso database
 * filled here from the real file's schema (no real Isso database with rows exists, SOURCES.md) with every
 * mode. A second run creates nothing; a refused file stops the tool with its reason. Skipped where the
 * fixtures are absent.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

const FIXTURES = resolve('../shared/fixtures/import-peers');
const TOKEN = 'e2e-admin-token';
const SITE = 'https://peers.example';

const SUMMARY =
  /Imported (\d+) comments into (\d+) new threads in [\d.]+ s \((\d+) batches; (\d+) already there, (\d+) skipped, (\d+) errors\)/;

/** The tool in a child process, without blocking this event loop (see cli-fixtures.test.ts). */
const run = (args: string[]) =>
  new Promise<{ status: number | null; stderr: string }>((done, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, CAUSERIE_ADMIN_TOKEN: TOKEN } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (status) => done({ status, stderr }));
  });

const cli = async (format: string, file: string, extra: string[] = []) => {
  const result = await run([
    'scripts/cli.mjs',
    'import',
    format,
    file,
    '--to',
    inject('baseUrl'),
    '--batch-size',
    '2',
    ...extra,
  ]);
  const match = SUMMARY.exec(result.stderr);
  if (!match) return { status: result.status, stderr: result.stderr, summary: null };
  const [comments, threads, , duplicates, skipped, errors] = match.slice(1, 7).map(Number) as number[];
  return {
    status: result.status,
    stderr: result.stderr,
    summary: { comments, threads, duplicates, skipped, errors },
  };
};

const thread = async (url: string) => {
  const res = await fetch(`${inject('baseUrl')}/api/v1/threads?url=${encodeURIComponent(url)}&limit=100`);
  return { status: res.status, page: (await res.json()) as Record<string, any> };
};

interface Expected {
  comments_total: number;
  visible: number;
  visible_per_page: Record<string, number>;
}
const expected = (file: string): Expected =>
  JSON.parse(readFileSync(join(FIXTURES, 'expected-counts.json'), 'utf8'))[file].expected;

const CASES: Array<[file: string, format: string, extra: string[]]> = [
  ['isso-comments-empty.db', 'isso', ['--site', SITE]],
  ['isso-test-empty-pre-notification.db', 'isso', ['--site', SITE]],
  ['comentario-ok-single-v1.json.gz', 'comentario', []],
  ['comentario-ok-single-v3.json.gz', 'comentario', ['--site', SITE]],
  ['comentario-ok-empty-v1.json.gz', 'comentario', []],
  ['comentario-ok-empty-v3.json.gz', 'comentario', ['--site', SITE]],
];

describe.skipIf(!existsSync(FIXTURES))('causerie import: the peers’ binary files', () => {
  for (const [file, format, extra] of CASES) {
    it(`${file}: its expected comments, per page; a second run creates nothing`, async () => {
      const want = expected(file);
      const first = await cli(format, join(FIXTURES, file), extra);
      expect(first.summary, first.stderr).toMatchObject({
        comments: want.comments_total,
        duplicates: 0,
        skipped: 0,
        errors: 0,
      });
      expect(first.status).toBe(0);
      for (const [page, count] of Object.entries(want.visible_per_page)) {
        // Commento v1 keys are host + path (https assumed, as for Commento); v3 paths are on --site.
        const url = page.startsWith('/') ? `${SITE}${page}` : `https://${page}`;
        const { status, page: body } = await thread(url);
        expect(status, url).toBe(200);
        expect(body.thread.commentCount, url).toBe(count);
      }
      const again = await cli(format, join(FIXTURES, file), extra);
      expect(again.summary).toMatchObject({ comments: 0, duplicates: want.comments_total });
    });
  }

  for (const [file, reason] of [
    ['comentario-bad-format.json.gz', /not JSON/],
    ['comentario-bad-version.json.gz', /unsupported Comentario export version 481/],
  ] as const) {
    it(`${file}: refused with its reason, nothing sent`, async () => {
      const result = await cli('comentario', join(FIXTURES, file), ['--site', SITE]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(reason);
      // The tool stops before any batch: no summary line.
      expect(result.summary).toBeNull();
    });
  }

  it('a gzip-compressed Remark42 backup is decompressed on the way in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'causerie-peers-'));
    const gz = join(dir, 'backup.r42.gz');
    writeFileSync(
      gz,
      gzipSync(readFileSync(join(FIXTURES, 'remark42-native-TestMigrator_ImportNative.r42'))),
    );
    const first = await cli('remark42', gz);
    // Counted with what an earlier file may have stored (the Remark42 tests share ids).
    expect((first.summary?.comments ?? 0) + (first.summary?.duplicates ?? 0)).toBe(2);
    expect(first.summary).toMatchObject({ errors: 0 });
    const { page } = await thread('https://radio-t.com');
    expect(page.comments.length).toBeGreaterThanOrEqual(2);
    const again = await cli('remark42', gz);
    expect(again.summary).toMatchObject({ comments: 0, duplicates: 2 });
  });

  it('an Isso database with every mode: placeholders, pending, orphans, non-ASCII, likes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'causerie-peers-'));
    const file = join(dir, 'comments.db');
    copyFileSync(join(FIXTURES, 'isso-comments-empty.db'), file);
    const db = new DatabaseSync(file);
    db.prepare('INSERT INTO threads (id, uri, title) VALUES (1, ?, ?)').run('/posts/été/', 'Été');
    const add = db.prepare(
      `INSERT INTO comments (tid, id, parent, created, mode, remote_addr, text, author, email, website, likes, voters)
       VALUES (1, ?, ?, ?, ?, '192.168.1.0', ?, ?, ?, ?, ?, x'00')`,
    );
    const rows: Array<[number, number | null, number, string, string | null, number]> = [
      [1, null, 1, 'Première *remarque*', 'Zoë', 3],
      [2, 1, 1, 'Réponse', 'Ana', 0],
      [3, null, 4, 'removed', 'Gone', 0],
      [4, 3, 1, 'Reply to a deleted one', null, 0],
      [5, null, 2, 'Waiting', 'Pending', 0],
      [6, 99, 1, 'Orphan: its parent was purged', 'Orphan', 0],
      [7, null, 4, 'Deleted, no replies', 'Nobody', 0],
    ];
    for (const [id, parent, mode, text, author, likes] of rows) {
      add.run(id, parent, 1_700_000_000.25 + id, mode, text, author, 'Zoe@Example.com', 'zoe.example', likes);
    }
    db.close();

    const first = await cli('isso', file, ['--site', SITE]);
    // 7 is deleted with no reply: left out; 3 is kept as the placeholder of 4.
    expect(first.summary, first.stderr).toMatchObject({ comments: 6, threads: 1, skipped: 1, errors: 0 });
    const { page } = await thread(`${SITE}/posts/été/`);
    expect(page.thread.commentCount).toBe(4);
    const bodies = page.comments.map((c: Record<string, any>) => [c.status, c.author?.name ?? null, c.likes]);
    expect(bodies).toEqual(
      expect.arrayContaining([
        ['approved', 'Zoë', 3],
        ['approved', 'Ana', 0],
        ['deleted', null, 0],
        ['approved', 'Orphan', 0],
      ]),
    );
    expect(bodies).toHaveLength(5);
    const again = await cli('isso', file, ['--site', SITE]);
    expect(again.summary).toMatchObject({ comments: 0, duplicates: 6 });
  });
});
