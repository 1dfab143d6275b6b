/// <reference path="../fixtures/import/raw.d.ts" />
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { keyedHash } from '../../worker/lib/crypto.ts';
import commento from '../fixtures/import/commento.json?raw';
import disqus from '../fixtures/import/disqus-quirks.xml?raw';
import {
  ADMIN,
  adminRequest,
  importText,
  NO_VIOLATIONS,
  treeViolations,
} from '../fixtures/import/support.ts';
import wxr10 from '../fixtures/import/wxr-1.0.xml?raw';
import wxr from '../fixtures/import/wxr-quirks.xml?raw';
import { getThread } from './helpers.ts';

// Raw SQL here only reads what an import stored (import keys, statuses by author), which no reader shows.
const row = (sql: string, ...params: unknown[]) =>
  env.DB.prepare(sql)
    .bind(...params)
    .first<Record<string, any>>();

describe('POST /admin/import: the door', () => {
  it('answers 401 without the admin token', async () => {
    const res = await adminRequest('/import?format=wxr', { method: 'POST', body: wxr10 });
    expect(res.status).toBe(401);
    expect(res.headers.get('WWW-Authenticate')).toBe('Bearer');
  });

  it('answers 415 for a body that is not XML, JSON or octets', async () => {
    const { res, json } = await importText('wxr', wxr10, 'text/plain');
    expect(res.status).toBe(415);
    expect(json.code).toBe('unsupported_media_type');
  });

  it('answers 400 for an unknown format', async () => {
    const { res, json } = await importText('blogger', wxr10);
    expect(res.status).toBe(400);
    expect(json.errors[0].field).toBe('format');
  });

  it('answers 413 past 10 MiB', async () => {
    const { res, json } = await importText('wxr', `<rss>${' '.repeat(10 * 1024 * 1024)}</rss>`);
    expect(res.status).toBe(413);
    expect(json.code).toBe('payload_too_large');
  });

  it('answers 422 naming the field for a Causerie file of another version', async () => {
    const body = JSON.stringify({ format: 'causerie-export', version: 3, threads: [] });
    const { res, json } = await importText('causerie', body, 'application/json');
    expect(res.status).toBe(422);
    expect(json.errors[0].field).toBe('version');
  });
});

describe('POST /admin/import?format=wxr', () => {
  it('imports WXR 1.2 with CRLF, stray bytes, repeated ids, trash, spam, pending, pingbacks and orphans', async () => {
    const { res, json } = await importText('wxr', wxr.replace(/\n/g, '\r\n'), 'text/xml; charset=utf-8');
    expect(res.status).toBe(200);
    // 8 kept (6 + 1 placeholder + 1 on the second page); pingback, trackback, lone trash skipped.
    expect(json).toEqual({ threads: 2, comments: 8, skipped: 3, duplicates: 0, errors: [] });

    const { json: page } = await getThread(`url=${encodeURIComponent('https://blog.example/2024/premier')}`);
    expect(page.thread.title).toBe('Premier billet…');
    expect(page.thread.commentCount).toBe(4);
    const shown = page.comments.map((c: any) => [c.author?.name ?? null, c.status, c.parentId !== null]);
    // Spam and pending are stored but never shown; the trashed parent of Cy is an anonymous placeholder;
    // the reply to the missing comment 7 is a root.
    expect(shown).toEqual([
      ['Ana', 'approved', false],
      ['Bo', 'approved', true],
      [null, 'deleted', false],
      ['Cy', 'approved', true],
      ['Orphelin', 'approved', false],
    ]);
    // The HTML is ours (renderMarkdown): the <script> is gone, the double-escaped &#039; reads as '.
    expect(page.comments[0].html).toBe(
      "<p>Bonjour <strong>tout</strong> le monde.<br />\nLigne deux.</p>\n<p>Paragraphe 'deux'</p>\n",
    );
    expect(page.comments[0].createdAt).toBe('2024-01-02T11:00:00.000Z');
    expect(page.comments[0].author.website).toBe('https://ana.example');

    const ana = await row("SELECT * FROM comments WHERE import_key LIKE 'wxr:%premier/:1'");
    expect(ana?.author_email).toBe('ana@example.org');
    expect(ana?.ip_hash).toBe(await keyedHash('test-secret-key', 'ip', '::ffff:192.0.2.10'));
    expect(JSON.stringify(ana)).not.toContain('192.0.2.10');
    expect(await row("SELECT status FROM comments WHERE author_name = 'Spammeur'")).toEqual({
      status: 'spam',
    });
    expect(await row("SELECT status FROM comments WHERE author_name = 'Dan'")).toEqual({ status: 'pending' });

    // The same comment id on another page is another comment; index.html is dropped from the key.
    const { json: second } = await getThread(
      `url=${encodeURIComponent('https://blog.example/2024/second/')}`,
    );
    expect(second.comments.map((c: any) => c.author.name)).toEqual(['Fay']);
    expect(await treeViolations()).toEqual(NO_VIOLATIONS);
  });

  it('creates nothing the second time', async () => {
    const { json } = await importText('wxr', wxr);
    expect(json).toEqual({ threads: 0, comments: 0, skipped: 3, duplicates: 8, errors: [] });
    expect(await treeViolations()).toEqual(NO_VIOLATIONS);
  });

  it('reads WXR 1.0 and forgets the cached page of the thread it writes to', async () => {
    const query = `url=${encodeURIComponent('https://blog.example/old')}`;
    expect((await getThread(query)).json.comments).toEqual([]); // now cached (KV) as empty
    const { json } = await importText('wxr', wxr10, 'application/octet-stream');
    expect(json.comments).toBe(1);
    expect((await getThread(query)).json.comments.map((c: any) => c.author.name)).toEqual(['Gus']);
  });
});

describe('POST /admin/import?format=disqus', () => {
  it('skips the malformed post, reports where it is, and imports the rest', async () => {
    const { res, json } = await importText('disqus', disqus);
    expect(res.status).toBe(200);
    expect(json).toMatchObject({ threads: 1, comments: 8, skipped: 3, duplicates: 0 });
    expect(json.errors).toEqual([
      { position: 'line 72, column 21 (post 6)', message: 'post bad skipped: unquoted attribute value.' },
    ]);
    const { json: page } = await getThread(`url=${encodeURIComponent('https://blog.example/disqus/one')}`);
    expect(page.thread.title).toBe('Fil un');
    const names = page.comments.map((c: any) => c.author?.name ?? '(placeholder)');
    // The depth-4 chain (3 came before its parent 2 in the file), the deleted 5 as 6's placeholder, 555.
    expect(names).toEqual(['Root', 'Deux', 'Trois', 'Quatre', '(placeholder)', 'Six', 'Onze']);
    const byName = Object.fromEntries(page.comments.map((c: any) => [c.author?.name ?? '-', c]));
    expect(byName.Quatre.parentId).toBe(byName.Trois.id);
    expect(byName.Trois.parentId).toBe(byName.Deux.id);
    expect(byName.Six.parentId).toBe(byName['-'].id);
    expect(byName.Root.html).toContain(
      '<a href="https://example.org/x" rel="nofollow ugc noopener">lien</a>',
    );
    expect(await treeViolations()).toEqual(NO_VIOLATIONS);
    expect((await importText('disqus', disqus)).json).toMatchObject({
      threads: 0,
      comments: 0,
      duplicates: 8,
    });
  });
});

describe('POST /admin/import?format=commento', () => {
  it('imports Commento JSON: pages from domain and path, replies, the anonymous commenter', async () => {
    const { json } = await importText('commento', commento, 'application/json');
    expect(json).toEqual({ threads: 2, comments: 4, skipped: 0, duplicates: 0, errors: [] });
    const { json: page } = await getThread(`url=${encodeURIComponent('https://blog.example/c/one')}`);
    expect(page.comments.map((c: any) => [c.author.name, c.parentId === null])).toEqual([
      ['Anonymous', true],
      ['User One', false],
    ]);
    expect(await treeViolations()).toEqual(NO_VIOLATIONS);
  });
});

describe('admin headers', () => {
  it('never lets a shared cache keep an import answer', async () => {
    const res = await adminRequest('/import?format=commento', {
      method: 'POST',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: commento,
    });
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });
});
