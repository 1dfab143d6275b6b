/**
 * Issue 11, item 1: one person must not take a page's comments down through its reply tree. A chain of
 * nested replies and a root with 700 replies of 10,000 characters each: every response stays under its
 * byte budget, D1 reads a bounded number of rows, and every reply is reachable exactly once.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { FEED_BYTES } from '../../worker/lib/feed-budget.ts';
import { PAGE_BYTES, PAGE_COMMENTS, REPLIES_PER_TREE } from '../../worker/lib/page-budget.ts';
import { createAssembler } from '../../worker/lib/transfer/assembler.ts';
import { parentFirst } from '../../worker/services/transfer/store.ts';
import { importText } from '../fixtures/import/support.ts';
import { call, freshPage, postJson, request } from './helpers.ts';

/** The thread object around a page's comments (URL and key up to 2,000 characters each, a title of 300). */
const PAGE_ENVELOPE = 8 * 1024;

interface WireComment {
  id: string;
  parentId: string | null;
  replies?: { more: string };
}

const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();

/** A Causerie export file of one thread; comments given in `order` (children before parents, say). */
const causerieFile = (url: string, comments: Array<{ id: string; parentId: string | null; body: string }>) =>
  JSON.stringify({
    format: 'causerie-export',
    version: 1,
    threads: [
      {
        url,
        title: 'Hostile',
        comments: comments.map((c, i) => ({
          ...c,
          importKey: null,
          status: 'approved',
          author: { name: `p${i}` },
          createdAt: at(i),
        })),
      },
    ],
  });

const load = async (url: string, comments: Array<{ id: string; parentId: string | null; body: string }>) => {
  const { res, json } = await importText('causerie', causerieFile(url, comments), 'application/json');
  expect(res.status, JSON.stringify(json)).toBe(200);
  expect(json.errors).toEqual([]);
};

const get = async (path: string) => {
  const res = await request(path);
  const text = await res.text();
  return {
    res,
    text,
    json: JSON.parse(text) as Record<string, any>,
    rowsRead: Number(res.headers.get('X-D1-Rows-Read')),
  };
};

const q = (url: string, extra = '') => `url=${encodeURIComponent(url)}${extra}`;

/** Follows GET /threads/replies from a root's `more` cursor to the end; asserts each answer's bounds. */
const allReplies = async (url: string, root: WireComment): Promise<WireComment[]> => {
  const out: WireComment[] = [];
  let cursor: string | null = root.replies?.more ?? null;
  while (cursor) {
    const { res, text, json, rowsRead } = await get(
      `/api/v1/threads/replies?${q(url, `&root=${root.id}&limit=100&cursor=${cursor}`)}`,
    );
    expect(res.status).toBe(200);
    expect(text.length).toBeLessThanOrEqual(PAGE_BYTES + PAGE_ENVELOPE);
    // Within a few rows of what it returns, unless the byte budget cut the answer short of `limit`.
    const cutByBytes = json.nextCursor !== null && json.comments.length < 100;
    expect(rowsRead).toBeLessThanOrEqual((cutByBytes ? 100 : json.comments.length) + 10);
    out.push(...json.comments);
    cursor = json.nextCursor;
  }
  return out;
};

/** Every comment once, every reply after its parent. */
const expectTreeOrder = (comments: WireComment[]) => {
  const seen = new Set<string>();
  for (const c of comments) {
    expect(seen.has(c.id), `${c.id} twice`).toBe(false);
    if (c.parentId !== null) expect(seen.has(c.parentId), `${c.id} before its parent`).toBe(true);
    seen.add(c.id);
  }
};

describe('a wide tree: 700 replies of 10,000 characters under one root', () => {
  const url = freshPage();
  const body = (i: number) => `Réponse ${i} ${'lorem ipsum '.repeat(833)}`.slice(0, 10_000);
  beforeAll(async () => {
    const comments: Array<{ id: string; parentId: string | null; body: string }> = [
      { id: 'wide-root', parentId: null, body: 'The root' },
    ];
    for (let i = 0; i < 700; i++) comments.push({ id: `wide-${i}`, parentId: 'wide-root', body: body(i) });
    for (let i = 0; i < 5; i++) comments.push({ id: `after-${i}`, parentId: null, body: `root ${i}` });
    await load(url, comments);
  }, 120_000);

  it('GET /threads?limit=1 carries the root and its first replies, under the page budget', async () => {
    const { res, text, json, rowsRead } = await get(`/api/v1/threads?${q(url, '&limit=1')}`);
    expect(res.status).toBe(200);
    expect(text.length).toBeLessThanOrEqual(PAGE_BYTES + PAGE_ENVELOPE);
    expect(json.comments).toHaveLength(1 + REPLIES_PER_TREE);
    expect(json.comments[0]).toMatchObject({ id: 'wide-root', replies: { more: expect.any(String) } });
    expect(json.nextCursor).not.toBeNull();
    // Bounded whatever the tree's size: the page's walk stops after PAGE_COMMENTS + 1 rows.
    expect(rowsRead).toBeLessThanOrEqual(PAGE_COMMENTS + 10);
  });

  it('GET /threads at the default limit stays under the budget and still reaches every root', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const extra: string = cursor ? `&cursor=${cursor}` : '';
      const { res, text, json, rowsRead } = await get(`/api/v1/threads?${q(url, extra)}`);
      expect(res.status).toBe(200);
      expect(text.length).toBeLessThanOrEqual(PAGE_BYTES + PAGE_ENVELOPE);
      expect(json.comments.length).toBeLessThanOrEqual(PAGE_COMMENTS);
      expect(rowsRead).toBeLessThanOrEqual(PAGE_COMMENTS + 10);
      ids.push(
        ...json.comments.filter((c: WireComment) => c.parentId === null).map((c: WireComment) => c.id),
      );
      cursor = json.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(ids).toEqual(['wide-root', 'after-0', 'after-1', 'after-2', 'after-3', 'after-4']);
  });

  it('GET /threads/replies gives every other reply exactly once, in creation order, page by page', async () => {
    const { json } = await get(`/api/v1/threads?${q(url, '&limit=1')}`);
    const shown = json.comments as WireComment[];
    const rest = await allReplies(url, shown[0] as WireComment);
    const all = [...shown, ...rest];
    expect(all).toHaveLength(701);
    expectTreeOrder(all);
    expect(rest.map((c) => c.id)).toEqual(Array.from({ length: 690 }, (_, i) => `wide-${i + 10}`));
  });

  it('the feed and GET /recent stay under their byte budgets', async () => {
    // 50 newer comments whose HTML is five times their text (`&` → `&amp;`, then escaped again in XML).
    await load(
      freshPage(),
      Array.from({ length: 50 }, (_, i) => ({ id: `amp-${i}`, parentId: null, body: '& '.repeat(5000) })),
    );
    const feed = await request(`/api/v1/feed?${q(url)}`);
    expect(feed.status).toBe(200);
    const xml = await feed.text();
    expect(new TextEncoder().encode(xml).length).toBeLessThanOrEqual(FEED_BYTES);
    expect(xml).toContain('<entry>');
    const site = await request('/api/v1/feed');
    expect(new TextEncoder().encode(await site.text()).length).toBeLessThanOrEqual(FEED_BYTES);
    const recent = await request('/api/v1/recent?limit=50');
    const text = await recent.text();
    expect(recent.status).toBe(200);
    expect(JSON.parse(text).comments).toHaveLength(50);
    expect(text.length).toBeLessThanOrEqual(512 * 1024);
  });
});

describe('a deep tree: chains of nested replies', () => {
  it('pages a 250-deep chain posted through the API: first replies on the page, the rest by cursor', async () => {
    const url = freshPage();
    const off = { RATE_LIMIT_WRITES: 'off' };
    let parentId: string | null = null;
    const ids: string[] = [];
    for (let i = 0; i < 250; i++) {
      const { res, json } = await call(off, '/api/v1/comments', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: new URL(url).origin },
        body: JSON.stringify({ url, body: `level ${i}`, parentId }),
      });
      expect(res.status).toBe(201);
      parentId = json.comment.id as string;
      ids.push(parentId);
    }
    const { text, json, rowsRead } = await get(`/api/v1/threads?${q(url)}`);
    expect(text.length).toBeLessThanOrEqual(PAGE_BYTES + PAGE_ENVELOPE);
    expect(json.comments).toHaveLength(1 + REPLIES_PER_TREE);
    expect(rowsRead).toBeLessThanOrEqual(PAGE_COMMENTS + 10);
    const all = [...json.comments, ...(await allReplies(url, json.comments[0]))];
    expect(all.map((c) => c.id)).toEqual(ids);
    expectTreeOrder(all);
  }, 120_000);

  it('imports a 1,000-deep chain given leaf first, then pages and exports it', async () => {
    const url = freshPage();
    const chain = Array.from({ length: 1000 }, (_, i) => ({
      id: `deep-${i}`,
      parentId: i === 0 ? null : `deep-${i - 1}`,
      body: `level ${i}`,
    }));
    await load(url, chain.slice().reverse());
    const { json } = await get(`/api/v1/threads?${q(url)}`);
    const all = [...json.comments, ...(await allReplies(url, json.comments[0]))];
    expect(all.map((c) => c.id)).toEqual(chain.map((c) => c.id));
    const row = await env.DB.prepare('SELECT count(*) AS n FROM comments WHERE root_id = ?1')
      .bind('deep-0')
      .first<{ n: number }>();
    expect(row?.n).toBe(1000);
  }, 120_000);
});

describe('the rendered HTML of one comment is bounded', () => {
  // 1,250 e-mail autolinks in 10,000 characters: each renders to 66 bytes, 82 KB in all.
  const links = 'x@y.com '.repeat(1250);

  it('answers 422 naming body for a post or a preview that renders to more than 64 KiB', async () => {
    const post = await postJson('/api/v1/comments', { url: freshPage(), body: links });
    expect(post.status).toBe(422);
    expect(((await post.json()) as any).errors[0].field).toBe('body');
    const preview = await postJson('/api/v1/preview', { body: links });
    expect(preview.status).toBe(422);
    expect(((await preview.json()) as any).errors[0].field).toBe('body');
    const fine = await postJson('/api/v1/preview', { body: 'x@y.com '.repeat(100) });
    expect(fine.status).toBe(200);
  });

  it('stores an imported body that renders too large with a bounded text summary as its HTML', async () => {
    const url = freshPage();
    await load(url, [{ id: 'imported-links', parentId: null, body: links }]);
    const row = await env.DB.prepare('SELECT body, html FROM comments WHERE id = ?1')
      .bind('imported-links')
      .first<{ body: string; html: string }>();
    expect(row?.body).toBe(links);
    expect(new TextEncoder().encode(row?.html).length).toBeLessThanOrEqual(64 * 1024);
    expect(row?.html).toMatch(/^<p>x@y\.com x@y\.com .*…<\/p>$/);
  });
});

describe('import ordering: no recursion along a chain', () => {
  const DEPTH = 100_000;

  it('puts a 100,000-deep chain given leaf first parent before reply (Causerie files)', () => {
    const chain = Array.from({ length: DEPTH }, (_, i) => ({
      id: `c${i}`,
      parentId: i === 0 ? null : `c${i - 1}`,
    })) as unknown as Parameters<typeof parentFirst>[0];
    const ordered = parentFirst(chain.slice().reverse());
    expect(ordered.map((c) => c.id)).toEqual(chain.map((c) => c.id));
  });

  it('assembles a 100,000-deep chain given leaf first, deleted ancestors as placeholders (WXR, Disqus…)', () => {
    const emitted: string[] = [];
    const assembler = createAssembler(
      (c) => emitted.push(c.importKey),
      () => {},
    );
    const thread = {
      importKey: 't',
      url: 'https://blog.example/t',
      title: '',
      createdAt: null,
      locked: false,
    };
    const comment = (i: number, status: 'approved' | 'deleted') => ({
      thread,
      importKey: `k${i}`,
      parentKey: i === 0 ? null : `k${i - 1}`,
      status,
      createdAt: at(0),
      body: 'x',
      author: { name: null, email: null, website: null },
      ip: null,
    });
    // The upper half deleted and held back, then the lower half leaf first: the first live reply releases
    // 50,000 held ancestors as placeholders, which in turn send 50,000 waiting replies.
    for (let i = 0; i < DEPTH / 2; i++) assembler.comment(comment(i, 'deleted'));
    for (let i = DEPTH - 1; i >= DEPTH / 2; i--) assembler.comment(comment(i, 'approved'));
    assembler.finish();
    expect(emitted).toEqual(Array.from({ length: DEPTH }, (_, i) => `k${i}`));
  });
});
