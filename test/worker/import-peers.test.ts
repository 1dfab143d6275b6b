/**
 * Issue 19: the peers' formats through POST /admin/import. The real files of ../shared/fixtures/import-peers
 * (other projects' files, never copied here; read through Vite's glob, which finds nothing where they are
 * absent, and the block is then skipped) import with the counts of its expected-counts.json; the binary
 * ones (.db, .gz) go through the CLI in test/e2e/cli-peers.test.ts. Small inline files cover what the real
 * ones lack: deleted parents, pending and rejected states, pins, gzip and its bomb, refused files.
 */
import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ADMIN,
  adminRequest,
  importText,
  NO_VIOLATIONS,
  treeViolations,
  wipe,
} from '../fixtures/import/support.ts';
import { getThread } from './helpers.ts';

const FIXTURES = import.meta.glob('../../../shared/fixtures/import-peers/*.{json,r42,artrans}', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const fixture = (name: string): string | undefined =>
  FIXTURES[`../../../shared/fixtures/import-peers/${name}`];

interface Expected {
  pages: number;
  visible: number;
  replies: number;
  orphan_replies: string[];
  max_depth: number;
  visible_per_page: Record<string, number>;
}
const EXPECTED = JSON.parse(fixture('expected-counts.json') ?? '{}') as Record<
  string,
  { expected: Expected }
>;

const SITE = 'https://blog.example';

// Raw SQL here only reads what an import stored (statuses, depths), which no reader shows in one answer.
const all = async (sql: string, ...params: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...params)
      .all<Record<string, any>>()
  ).results;

/** Pages, visible comments, replies and the deepest level, as stored. */
const stored = async (): Promise<Record<'pages' | 'visible' | 'replies' | 'total' | 'depth', number>> => {
  const [counts] = await all(
    `SELECT (SELECT count(*) FROM threads) AS pages,
            (SELECT count(*) FROM comments WHERE status = 'approved') AS visible,
            (SELECT count(*) FROM comments WHERE parent_id IS NOT NULL) AS replies,
            (SELECT count(*) FROM comments) AS total`,
  );
  const [depth] = await all(
    `WITH RECURSIVE d(id, n) AS (SELECT id, 1 FROM comments WHERE parent_id IS NULL
       UNION ALL SELECT c.id, d.n + 1 FROM comments c JOIN d ON c.parent_id = d.id)
     SELECT coalesce(max(n), 0) AS depth FROM d`,
  );
  return {
    pages: counts?.pages,
    visible: counts?.visible,
    replies: counts?.replies,
    total: counts?.total,
    depth: depth?.depth,
  };
};

const send = (format: string, body: BodyInit, headers: Record<string, string> = {}, query = '') =>
  adminRequest(`/import?format=${format}${query}`, {
    method: 'POST',
    headers: { ...ADMIN, 'Content-Type': 'application/json', ...headers },
    body,
  });

const gzip = async (text: string): Promise<Uint8Array> =>
  new Uint8Array(
    await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer(),
  );

beforeEach(wipe);

const REAL: Array<[file: string, format: string]> = [
  ['isso-generic.json', 'isso'],
  ['remark42-native-TestNative_Import.r42', 'remark42'],
  ['remark42-native-TestMigrator_ImportNative.r42', 'remark42'],
  ['remark42-native-api-TestMigrator_Import.r42', 'remark42'],
  ['artrans-artransfer-disqus.artrans', 'artrans'],
  ['artrans-artransfer-twikoo.artrans', 'artrans'],
  ['artrans-artransfer-valine.artrans', 'artrans'],
  ['artrans-artransfer-wordpress.artrans', 'artrans'],
];

describe.skipIf(!fixture('expected-counts.json'))('the real files of ../shared/fixtures/import-peers', () => {
  for (const [file, format] of REAL) {
    it(`${file}: the expected pages, visible comments, replies and depth; a second import creates nothing`, async () => {
      const text = fixture(file);
      const expected = EXPECTED[file]?.expected;
      if (!text || !expected) throw new Error(`${file} or its expected counts missing`);
      // The Twikoo file repeats an id on the same page: one import key, so imported once (SOURCES.md: 6 or 7).
      const repeated = file === 'artrans-artransfer-twikoo.artrans' ? 1 : 0;

      const first = await send(format, text, {}, `&site=${encodeURIComponent(SITE)}`);
      const json = (await first.json()) as Record<string, any>;
      expect(first.status).toBe(200);
      expect(json).toMatchObject({ errors: [], skipped: repeated, duplicates: 0 });
      expect(await stored()).toMatchObject({
        pages: expected.pages,
        visible: expected.visible - repeated,
        // Orphans are kept as roots: they no longer have a parent.
        replies: expected.replies - expected.orphan_replies.length,
        depth: expected.max_depth,
      });
      expect(await treeViolations()).toEqual(NO_VIOLATIONS);

      // Per page, through the reader API: path-only keys became URLs on the site.
      for (const [page, count] of Object.entries(expected.visible_per_page)) {
        const url = /^https?:/.test(page) ? page : `${SITE}${page}`;
        const { res, json: thread } = await getThread(`url=${encodeURIComponent(url)}`);
        expect(res.status, url).toBe(200);
        expect(thread.thread.commentCount, url).toBe(count - repeated);
      }

      const again = await send(format, text, {}, `&site=${encodeURIComponent(SITE)}`);
      expect(await again.json()).toMatchObject({ threads: 0, comments: 0, duplicates: json.comments });
    });
  }

  it('remark42: the same backup gzip-compressed, announced or only sniffed, imports the same', async () => {
    const text = fixture('remark42-native-TestMigrator_ImportNative.r42') as string;
    const announced = await send('remark42', await gzip(text), {
      'Content-Type': 'application/gzip',
      'Content-Encoding': 'gzip',
    });
    expect(await announced.json()).toMatchObject({ threads: 1, comments: 2, errors: [] });
    const sniffed = await send('remark42', await gzip(text), { 'Content-Type': 'application/octet-stream' });
    expect(await sniffed.json()).toMatchObject({ threads: 0, comments: 0, duplicates: 2 });
  });

  it('isso: without site, a path-only page is reported (naming site=) and nothing stored', async () => {
    const res = await send('isso', fixture('isso-generic.json') as string);
    const json = (await res.json()) as Record<string, any>;
    expect(res.status).toBe(200);
    expect(json.comments).toBe(0);
    expect(json.errors).toHaveLength(2);
    expect(json.errors[0].message).toMatch(/no host.*site=/);
  });
});

describe('Remark42: states and shapes the real files lack', () => {
  const line = (c: Record<string, unknown>) =>
    JSON.stringify({
      pid: '',
      user: { name: 'Zoë', id: 'u1', ip: 'f0e1', admin: false },
      locator: { site: 'blog', url: 'https://blog.example/r42' },
      score: 0,
      time: '2024-02-29T23:59:59+01:00',
      ...c,
    });

  it('a deleted parent with a live reply is a placeholder; pins and positive scores kept; no meta line', async () => {
    const text = [
      line({ id: 'a', text: '<p>gone</p>', delete: true }),
      line({ id: 'b', pid: 'a', text: '<p>Ça <b>va</b> ?</p>', score: 3 }),
      line({ id: 'c', text: '<p>pinned</p>', pin: true, score: -2 }),
    ].join('\n');
    const res = await send('remark42', text, { 'Content-Type': 'application/x-ndjson' });
    expect(await res.json()).toMatchObject({ comments: 3, errors: [] });
    const rows = await all(
      'SELECT body, status, pinned, likes, author_name, created_at FROM comments ORDER BY seq',
    );
    expect(rows).toEqual([
      expect.objectContaining({ status: 'deleted', body: '', author_name: null }),
      expect.objectContaining({ status: 'approved', body: 'Ça **va** ?', likes: 3, author_name: 'Zoë' }),
      expect.objectContaining({ status: 'approved', pinned: 1, likes: 0 }),
    ]);
    expect(rows[1]?.created_at).toBe('2024-02-29T22:59:59.000Z');
    expect(await treeViolations()).toEqual(NO_VIOLATIONS);
  });

  it('a broken value is refused whole (422 naming it), nothing stored', async () => {
    const res = await send('remark42', `{"version":1}\n${line({ id: 'a', text: 'x' })}\n{"id": oops}`);
    const json = (await res.json()) as Record<string, any>;
    expect(res.status).toBe(422);
    expect(json.errors[0]).toMatchObject({ field: 'file' });
    expect(json.errors[0].message).toMatch(/JSON value 3/);
    expect((await stored()).total).toBe(0);
  });
});

describe('Artrans: loosely typed values', () => {
  it('strings for flags and counts, "0" as root, a pending reply, an odd date, site_urls as the origin', async () => {
    const text = JSON.stringify([
      {
        id: 1,
        rid: '0',
        content: '<p>你好 <a href="https://xn--bcher-kva.example/">Bücher</a></p>',
        nick: '小明',
        email: 'Ming@Example.COM',
        link: 'ming.example',
        page_key: '/p/1',
        page_title: '第一篇',
        site_urls: 'https://artalk.example,https://other.example',
        created_at: '2021-10-26 13:00:41',
        vote_up: '5',
        is_pending: 'false',
      },
      {
        id: '2',
        rid: '1',
        content: 'wait',
        page_key: '/p/1',
        created_at: '2021-10-27T00:00:00Z',
        is_pending: 'true',
      },
    ]);
    const res = await send('artrans', text);
    expect(await res.json()).toMatchObject({ threads: 1, comments: 2, errors: [] });
    const [thread] = await all('SELECT key, title FROM threads');
    expect(thread).toMatchObject({ key: 'https://artalk.example/p/1', title: '第一篇' });
    const rows = await all(
      'SELECT status, likes, body, author_email, author_website, created_at, parent_id FROM comments ORDER BY seq',
    );
    expect(rows[0]).toMatchObject({
      status: 'approved',
      likes: 5,
      body: '你好 [Bücher](https://xn--bcher-kva.example/)',
      author_email: 'ming@example.com',
      author_website: 'https://ming.example',
      created_at: '2021-10-26T13:00:41.000Z',
      parent_id: null,
    });
    expect(rows[1]).toMatchObject({ status: 'pending' });
    expect(rows[1]?.parent_id).not.toBeNull();
  });

  it('a file that is not an array is refused whole (422)', async () => {
    const res = await send('artrans', '{"id":"1"}');
    expect(res.status).toBe(422);
    expect(((await res.json()) as Record<string, any>).errors[0].message).toMatch(/Artrans/);
  });
});

describe('Comentario', () => {
  const v3 = {
    version: 3,
    pages: [
      { id: 'p1', path: '/blog/é', title: 'Été', isReadonly: true, createdTime: '2023-10-25T14:51:49Z' },
    ],
    commenters: [
      { id: 'u1', email: 'Bugs@Bigsy.example', name: 'Bugs Bunny', websiteUrl: 'https://bugs.example' },
    ],
    comments: [
      {
        id: 'c1',
        pageId: 'p1',
        isDeleted: true,
        isApproved: true,
        markdown: 'old',
        createdTime: '2023-11-14T20:15:12Z',
      },
      {
        id: 'c2',
        pageId: 'p1',
        parentId: 'c1',
        isApproved: true,
        html: '<p>Only <em>HTML</em></p>',
        userCreated: 'u1',
        isSticky: true,
        score: 2,
        createdTime: '2023-11-14T20:16:00Z',
      },
      { id: 'c3', pageId: 'p1', isPending: true, markdown: 'pending', createdTime: '2023-11-14T20:17:00Z' },
      {
        id: 'c4',
        pageId: 'p1',
        isApproved: false,
        markdown: 'rejected',
        createdTime: '2023-11-14T20:18:00Z',
      },
      {
        id: 'c5',
        pageId: 'p1',
        parentId: 'nowhere',
        isApproved: true,
        markdown: 'orphan',
        createdTime: '2023-11-15T00:00:00Z',
      },
    ],
  };

  it('v3, gzip: states mapped, a deleted parent kept as placeholder, an orphan a root, the page locked', async () => {
    const res = await send(
      'comentario',
      await gzip(JSON.stringify(v3)),
      {},
      `&site=${encodeURIComponent(SITE)}`,
    );
    expect(await res.json()).toMatchObject({ threads: 1, comments: 5, errors: [] });
    const [thread] = await all('SELECT url, title, locked FROM threads');
    expect(thread).toMatchObject({ url: 'https://blog.example/blog/%C3%A9', title: 'Été', locked: 1 });
    const rows = await all(
      'SELECT status, body, author_email, author_website, parent_id, likes, pinned FROM comments ORDER BY created_at',
    );
    expect(rows.map((r) => r.status)).toEqual(['deleted', 'approved', 'pending', 'spam', 'approved']);
    expect(rows[1]).toMatchObject({
      body: 'Only *HTML*',
      author_email: 'bugs@bigsy.example',
      likes: 2,
      pinned: 0,
      author_website: 'https://bugs.example',
    });
    expect(rows[1]?.parent_id).not.toBeNull();
    expect(rows[4]?.parent_id).toBeNull();
    expect(await treeViolations()).toEqual(NO_VIOLATIONS);
    const again = await send(
      'comentario',
      await gzip(JSON.stringify(v3)),
      {},
      `&site=${encodeURIComponent(SITE)}`,
    );
    expect(await again.json()).toMatchObject({ comments: 0, duplicates: 5 });
  });

  it('v1 (Commento’s shape with host + path) needs no site', async () => {
    const v1 = {
      version: 1,
      comments: [
        {
          commentHex: 'aa',
          commenterHex: 'bb',
          creationDate: '2021-11-02T19:03:37.088Z',
          deleted: false,
          host: 'example.com',
          markdown: 'Yay, imported',
          parentHex: 'root',
          path: '/',
          state: 'approved',
        },
      ],
      commenters: [{ commenterHex: 'bb', email: 'bugsy@bigsy', name: 'Bugs Bunny' }],
    };
    const res = await send('comentario', await gzip(JSON.stringify(v1)));
    expect(await res.json()).toMatchObject({ threads: 1, comments: 1, errors: [] });
    const { json } = await getThread(`url=${encodeURIComponent('https://example.com/')}`);
    expect(json.comments[0].html).toMatch(/<p>Yay, imported<\/p>/);
    expect(json.comments[0].author.name).toBe('Bugs Bunny');
  });

  for (const [name, body, field, message] of [
    ['invalid JSON', '{"version":3,"pages":[Argh\n', 'file', /not JSON/],
    ['an unknown version', '{"version":481}\n', 'version', /version 481/],
    ['pages that are not an array', '{"version":3,"pages":{}}', 'pages', /array/],
  ] as const) {
    it(`${name}: 422 naming what is wrong, nothing stored`, async () => {
      const res = await send('comentario', await gzip(body));
      const json = (await res.json()) as Record<string, any>;
      expect(res.status).toBe(422);
      expect(res.headers.get('Content-Type')).toMatch(/problem\+json/);
      expect(json.errors[0].field).toBe(field);
      expect(json.errors[0].message).toMatch(message);
      expect((await stored()).total).toBe(0);
    });
  }
});

describe('the door, for the peers’ formats', () => {
  it('a gzip bomb (a small body, 60 MiB inflated) is a 413, not a crash', async () => {
    const zeros = new Uint8Array(1024 * 1024);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 60; i++) controller.enqueue(zeros);
        controller.close();
      },
    }).pipeThrough(new CompressionStream('gzip'));
    const bomb = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const res = await send('remark42', bomb, { 'Content-Type': 'application/gzip' });
    expect(res.status).toBe(413);
    expect(((await res.json()) as Record<string, any>).code).toBe('payload_too_large');
  });

  it('a corrupt gzip is a 400', async () => {
    const res = await send('comentario', new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7]), {
      'Content-Type': 'application/gzip',
    });
    expect(res.status).toBe(400);
  });

  it('site must be an http(s) origin (422)', async () => {
    const res = await send('isso', '[]', {}, '&site=javascript:alert(1)');
    expect(res.status).toBe(422);
    expect(((await res.json()) as Record<string, any>).errors[0].field).toBe('site');
  });

  it('an Isso SQLite database sent to the API is refused, pointing at the CLI', async () => {
    const res = await send('isso', 'SQLite format 3\u0000rest', {
      'Content-Type': 'application/octet-stream',
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Record<string, any>).errors[0].message).toMatch(/causerie import isso/);
  });

  it('the existing Commento import answers as before (200 with the error)', async () => {
    const { res, json } = await importText('commento', '{"version":2}', 'application/json');
    expect(res.status).toBe(200);
    expect(json.errors[0].message).toMatch(/not a Commento export/);
  });
});
