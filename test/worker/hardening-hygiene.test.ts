/**
 * Issue 11, item 10: a read never caches a URL for a thread that does not exist; an import that fills a
 * title drops the cached pages; reserved names; control and bidi characters in names and websites.
 */
import { describe, expect, it } from 'vitest';
import { importText } from '../fixtures/import/support.ts';
import { call, freshPage, ORIGIN, postComment } from './helpers.ts';

const page = (query: string) => call({}, `/api/v1/threads?${query}`);

describe('GET /threads of a thread that does not exist', () => {
  it('never serves the URL another request gave as the thread URL', async () => {
    const id = `new-${crypto.randomUUID()}`;
    const real = freshPage();
    const attack = await page(`id=${id}&url=${encodeURIComponent('https://evil.example/')}`);
    expect(attack.json.thread.url).toBe('https://evil.example/'); // its own answer, under its own cache key
    const reader = await page(`id=${id}&url=${encodeURIComponent(real)}`);
    expect(reader.json.thread.url).toBe(real);
    expect(JSON.stringify(reader.json)).not.toContain('evil.example');
    expect((await page(`id=${id}`)).json.thread.url).toBe('');
  });

  it('serves the stored URL once the thread exists, whatever URL the request gave', async () => {
    const url = freshPage();
    const id = `real-${crypto.randomUUID()}`;
    await postComment({ url, id });
    expect((await page(`id=${id}&url=${encodeURIComponent(url)}`)).json.thread.url).toBe(url);
    const other = await page(`id=${id}&url=${encodeURIComponent('https://evil.example/')}`);
    expect(other.json.thread.url).toBe(url);
  });
});

describe('an import that fills a title', () => {
  it('drops the cached pages of that thread', async () => {
    const url = freshPage();
    const { json } = await postComment({ url });
    const query = `url=${encodeURIComponent(url)}`;
    await page(query);
    const cached = await page(query);
    expect(cached.json.thread.title).toBe('');
    const file = {
      format: 'causerie-export',
      version: 1,
      threads: [
        {
          key: url,
          url,
          title: 'Titre importé',
          comments: [
            {
              id: json.comment.id,
              status: 'approved',
              body: 'Bonjour !',
              createdAt: json.comment.createdAt,
            },
          ],
        },
      ],
    };
    const imported = await importText('causerie', JSON.stringify(file), 'application/json');
    expect(imported.res.status).toBe(200);
    expect(imported.json).toMatchObject({ threads: 0, comments: 0, duplicates: 1 });
    const after = await page(query);
    expect(after.json.thread.title).toBe('Titre importé');
  });
});

const post = (author: Record<string, unknown>, bindings: Partial<Cloudflare.Env> = {}) =>
  call(bindings, '/api/v1/comments', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify({ url: freshPage(), body: 'Bonjour', author }),
  });

describe('reserved names', () => {
  it('answers 422 on author.name for the moderator name and the default reserved names, look-alikes too', async () => {
    for (const name of [
      'Moderator',
      'moderator',
      'ADMIN',
      'Admin team',
      'Le Modérateur',
      'M\u03BFderator',
      'Ａｄｍｉｎ',
      'Ad\u200Bmin',
    ]) {
      const { res, json } = await post({ name });
      expect(res.status, name).toBe(422);
      expect(json.errors[0].field, name).toBe('author.name');
    }
    expect((await post({ name: 'Adminah' })).res.status).toBe(201);
  });

  it('follows RESERVED_NAMES and MODERATOR_NAME', async () => {
    const bindings = { RESERVED_NAMES: 'Claire, Le Patron', MODERATOR_NAME: 'Causerie Team' };
    expect((await post({ name: 'Claire' }, bindings)).res.status).toBe(422);
    expect((await post({ name: 'le patron' }, bindings)).res.status).toBe(422);
    expect((await post({ name: 'Causerie team' }, bindings)).res.status).toBe(422);
    // The owner's list replaces the defaults.
    expect((await post({ name: 'Admin' }, bindings)).res.status).toBe(201);
  });
});

describe('control and bidi characters in names and websites', () => {
  it('strips NUL and other C0/C1 controls from a name', async () => {
    for (const name of ['Bob\u0000', 'Bo\u0007b', 'Bob\u007f', 'Bob\u0085', 'B\nob']) {
      const { res, json } = await post({ name });
      expect(res.status, JSON.stringify(name)).toBe(201);
      expect(json.comment.author.name, JSON.stringify(name)).toBe('Bob');
    }
  });

  it('strips bidi embeddings, overrides and isolates from a name', async () => {
    const { res, json } = await post({ name: 'Bob\u202Eetirw\u202C \u2067x\u2069' });
    expect(res.status).toBe(201);
    expect(json.comment.author.name).toBe('Bobetirw x');
    // A name of nothing else is no name: the thread shows ANONYMOUS_NAME.
    expect((await post({ name: '\u202E\u0000\u202C' })).json.comment.author.name).toBe('Anonymous');
  });

  it('refuses control and bidi characters in a website (422 author.website)', async () => {
    for (const website of [
      'https://a.example/\u0000',
      'https://a.example/\u202Egpj.exe',
      'https://a.example/\u0090',
    ]) {
      const { res, json } = await post({ name: 'Bob', website });
      expect(res.status, JSON.stringify(website)).toBe(422);
      expect(json.errors[0].field).toBe('author.website');
    }
    expect((await post({ name: 'Bob', website: 'https://a.example/ok' })).res.status).toBe(201);
  });
});
