/// <reference path="../fixtures/import/raw.d.ts" />
import { describe, expect, it } from 'vitest';
import disqus from '../fixtures/import/disqus-quirks.xml?raw';
import { exportAll, importText, NO_VIOLATIONS, treeViolations, wipe } from '../fixtures/import/support.ts';
import wxr from '../fixtures/import/wxr-quirks.xml?raw';
import { ORIGIN, postJson, request } from './helpers.ts';

const withoutDate = (text: string) => {
  const { exportedAt, ...rest } = JSON.parse(text);
  expect(Date.parse(exportedAt)).not.toBeNaN();
  return rest;
};

/** A site with native comments of every kind: replies, a deleted parent kept as placeholder, likes. */
let seeds = 0;
const seedNative = async () => {
  const url = `${ORIGIN}/native`;
  // One IP per seed: the reader API's write limit (5 a minute per IP) would refuse a second seed.
  const ip = `203.0.113.${++seeds}`;
  const post = async (body: Record<string, unknown>) =>
    (await (
      await postJson('/api/v1/comments', { url, title: 'Natif', ...body }, { 'CF-Connecting-IP': ip })
    ).json()) as Record<string, any>;
  const root = await post({ body: 'racine', author: { name: 'Ana', email: 'ana@example.org' } });
  const reply = await post({ body: 'réponse', parentId: root.comment.id, author: { name: 'Bo' } });
  await post({ body: 'sous-réponse', parentId: reply.comment.id, clientId: 'client-123456789' });
  await request(`/api/v1/comments/${reply.comment.id}`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${reply.editToken}`, Origin: ORIGIN },
  });
  await postJson(`/api/v1/comments/${root.comment.id}/like`, { reader: 'reader-0123456789' });
};

describe('GET /admin/export', () => {
  it('streams every thread and comment, personal data included, in the versioned format', async () => {
    await wipe();
    await seedNative();
    const { res, text } = await exportAll();
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="causerie-export-/);
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'causerie-export', version: 2 });
    const [thread] = file.threads;
    expect(thread).toMatchObject({ key: `${ORIGIN}/native`, title: 'Natif', locked: false });
    expect(thread.comments.map((c: any) => c.status)).toEqual(['approved', 'deleted', 'approved']);
    expect(thread.comments[0]).toMatchObject({ likes: 1, author: { email: 'ana@example.org', name: 'Ana' } });
    expect(thread.comments[0].ipHash).toMatch(/^[0-9a-f]{32}$/);
    expect(thread.comments[1].author).toMatchObject({ name: null, email: null });
  });

  it('export → import into an empty database → export gives the same data', async () => {
    await wipe();
    await seedNative();
    await importText('wxr', wxr);
    await importText('disqus', disqus);
    const first = await exportAll();

    await wipe();
    const { res, json } = await importText('causerie', first.text, 'application/json');
    expect(res.status).toBe(200);
    expect(json).toMatchObject({ threads: 4, comments: 3 + 8 + 8, duplicates: 0, errors: [] });
    expect(await treeViolations()).toEqual(NO_VIOLATIONS);

    const second = await exportAll();
    expect(withoutDate(second.text)).toEqual(withoutDate(first.text));
    // And once more into the same database: nothing new.
    expect((await importText('causerie', second.text, 'application/json')).json).toMatchObject({
      threads: 0,
      comments: 0,
      duplicates: 19,
    });
  });

  it('pages through threads with more comments than one page holds', async () => {
    await wipe();
    const comments = Array.from({ length: 1203 }, (_, i) => ({
      id: `c${i}`,
      parentId: i % 3 === 0 ? null : `c${i - (i % 3)}`,
      status: 'approved',
      body: `comment ${i}`,
      createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString(),
    }));
    const body = JSON.stringify({
      format: 'causerie-export',
      version: 1,
      threads: [{ url: `${ORIGIN}/big`, comments }],
    });
    expect((await importText('causerie', body, 'application/json')).json.comments).toBe(1203);
    const file = JSON.parse((await exportAll()).text);
    expect(file.threads[0].comments.map((c: any) => c.id)).toEqual(comments.map((c) => c.id));
    expect(await treeViolations()).toEqual(NO_VIOLATIONS);
  });
});
