// Export format version 2 (issue 18): the open web's kinds (a Webmention, a Mastodon reply) and their
// source round-trip through GET /admin/export and POST /admin/import; version 1 files import as before.
import { describe, expect, it } from 'vitest';
import { exportAll, importText, NO_VIOLATIONS, treeViolations, wipe } from '../fixtures/import/support.ts';
import { getThread, ORIGIN } from './helpers.ts';

const url = `${ORIGIN}/open-web`;

const comment = (id: string, extra: Record<string, unknown>) => ({
  id,
  status: 'approved',
  body: `text of ${id}`,
  author: { name: id },
  createdAt: '2026-11-20T10:00:00.000Z',
  ...extra,
});

const openWebFile = {
  format: 'causerie-export',
  version: 2,
  threads: [
    {
      url,
      comments: [
        comment('native-1', {}),
        comment('mention-1', {
          kind: 'webmention',
          source: { url: 'https://alice.example/re', type: 'reply' },
        }),
        comment('like-1', {
          kind: 'webmention',
          body: '',
          source: { url: 'https://bridgy.example/like/1', type: 'like' },
        }),
        comment('toot-1', {
          kind: 'mastodon',
          source: { url: 'https://mastodon.example/@bo/1', type: 'reply' },
        }),
      ],
    },
  ],
};

describe('export format version 2', () => {
  it('imports the kinds with their source; likes do not count as comments', async () => {
    await wipe();
    const { res, json } = await importText('causerie', JSON.stringify(openWebFile), 'application/json');
    expect(res.status).toBe(200);
    expect(json.comments).toBe(4);
    const { json: page } = await getThread(`url=${encodeURIComponent(url)}`);
    expect(page.thread.commentCount).toBe(3);
    const byId = Object.fromEntries(page.comments.map((c: any) => [c.id, c]));
    expect(byId['native-1'].kind).toBe('comment');
    expect(byId['native-1'].source).toBeUndefined();
    expect(byId['mention-1']).toMatchObject({
      kind: 'webmention',
      source: { url: 'https://alice.example/re', type: 'reply' },
    });
    expect(byId['like-1']).toMatchObject({ kind: 'webmention', source: { type: 'like' }, html: '' });
    expect(byId['toot-1']).toMatchObject({
      kind: 'mastodon',
      source: { url: 'https://mastodon.example/@bo/1' },
    });
    expect(await treeViolations()).toEqual(NO_VIOLATIONS);
  });

  it('exports them as version 2, and the export imports into an empty site unchanged', async () => {
    const first = JSON.parse((await exportAll()).text);
    expect(first.version).toBe(2);
    const exported = first.threads[0].comments;
    expect(exported.map((c: any) => [c.id, c.kind, c.source])).toEqual([
      ['native-1', 'comment', null],
      ['mention-1', 'webmention', { url: 'https://alice.example/re', type: 'reply' }],
      ['like-1', 'webmention', { url: 'https://bridgy.example/like/1', type: 'like' }],
      ['toot-1', 'mastodon', { url: 'https://mastodon.example/@bo/1', type: 'reply' }],
    ]);
    await wipe();
    const again = await importText('causerie', JSON.stringify(first), 'application/json');
    expect(again.json.comments).toBe(4);
    const second = JSON.parse((await exportAll()).text);
    const strip = (file: any) => ({ ...file, exportedAt: null });
    expect(strip(second)).toEqual(strip(first));
    expect((await getThread(`url=${encodeURIComponent(url)}`)).json.thread.commentCount).toBe(3);
  });

  it('still imports version 1 files, every comment an ordinary one', async () => {
    await wipe();
    const v1 = {
      format: 'causerie-export',
      version: 1,
      threads: [{ url, comments: [comment('old-1', {})] }],
    };
    expect((await importText('causerie', JSON.stringify(v1), 'application/json')).json.comments).toBe(1);
    const [only] = (await getThread(`url=${encodeURIComponent(url)}`)).json.comments;
    expect(only).toMatchObject({ id: 'old-1', kind: 'comment' });
  });

  it('refuses a source that is not an http(s) URL, or a kind it does not know, naming the field', async () => {
    const bad = (extra: Record<string, unknown>) =>
      JSON.stringify({ ...openWebFile, threads: [{ url, comments: [comment('bad-1', extra)] }] });
    const scheme = await importText(
      'causerie',
      bad({ kind: 'webmention', source: { url: 'javascript:alert(1)', type: 'reply' } }),
      'application/json',
    );
    expect(scheme.res.status).toBe(422);
    expect(JSON.stringify(scheme.json.errors)).toContain('source.url');
    const kind = await importText('causerie', bad({ kind: 'pingback' }), 'application/json');
    expect(kind.res.status).toBe(422);
    expect(JSON.stringify(kind.json.errors)).toContain('kind');
  });

  it('imports a kind without its source as an ordinary comment', async () => {
    await wipe();
    const file = {
      ...openWebFile,
      threads: [{ url, comments: [comment('lone-1', { kind: 'webmention' })] }],
    };
    expect((await importText('causerie', JSON.stringify(file), 'application/json')).json.comments).toBe(1);
    const [only] = (await getThread(`url=${encodeURIComponent(url)}`)).json.comments;
    expect(only).toMatchObject({ id: 'lone-1', kind: 'comment' });
  });
});
