/**
 * Issue 11, item 4: an import stores only what the API would accept (http(s) URLs, the API's lengths,
 * known statuses); what only the owner may set (the moderator badge, likes) is kept from the owner's own
 * file and reported in `warnings`. Hostile files in the Causerie format, WXR and Disqus.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { importText } from '../fixtures/import/support.ts';

// Raw SQL only reads what was stored: that no hostile URL, title or flag got in anywhere in the database.
const row = (sql: string, ...params: unknown[]) =>
  env.DB.prepare(sql)
    .bind(...params)
    .first<Record<string, any>>();

const HOSTILE_URLS = [
  'javascript:alert(1)',
  ' JavaScript:alert(document.domain)',
  'data:text/html,<script>1</script>',
];

const comment = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  status: 'approved',
  body: `body of ${id}`,
  createdAt: '2024-01-01T00:00:00.000Z',
  ...extra,
});

const causerie = (threads: unknown[]) =>
  importText(
    'causerie',
    JSON.stringify({ format: 'causerie-export', version: 1, threads }),
    'application/json',
  );

const warning = (json: Record<string, any>, field: string) =>
  (json.warnings as Array<{ field: string; count: number; action: string }>).find((w) => w.field === field);

describe('importing a hostile Causerie-format file', () => {
  it('refuses javascript:/data: thread URLs, even with an explicit key', async () => {
    const { res, json } = await causerie(
      HOSTILE_URLS.map((url, i) => ({ key: `evil-${i}`, url, comments: [comment(`evil-c${i}`)] })),
    );
    expect(res.status).toBe(200);
    expect(json.threads).toBe(0);
    expect(json.comments).toBe(0);
    expect(json.errors).toHaveLength(3);
    expect(await row("SELECT count(*) AS n FROM threads WHERE key LIKE 'evil-%'")).toEqual({ n: 0 });
  });

  it('drops hostile websites and bad e-mails, cuts names and titles to the API limits, replaces odd avatars', async () => {
    const key = `https://blog.example/import-hostile-${Date.now()}`;
    const { res, json } = await causerie([
      {
        key,
        url: key,
        title: 'T'.repeat(1000),
        comments: [
          ...HOSTILE_URLS.map((website, i) =>
            comment(`hw-${i}-${Date.now()}`, { author: { name: 'Ok', website } }),
          ),
          comment(`hn-${Date.now()}`, {
            author: {
              name: 'N'.repeat(900),
              email: 'not an address',
              avatar: '"><img src=x onerror=alert(1)>',
            },
          }),
        ],
      },
    ]);
    expect(res.status).toBe(200);
    expect(json.comments).toBe(4);
    const stored = (
      await env.DB.prepare(
        'SELECT author_website, author_name, author_email, avatar FROM comments c JOIN threads t ON t.id = c.thread_id WHERE t.key = ?1',
      )
        .bind(key)
        .all<Record<string, any>>()
    ).results;
    expect(stored.map((r) => r.author_website)).toEqual([null, null, null, null]);
    for (const r of stored) {
      expect([...(r.author_name as string)].length).toBeLessThanOrEqual(80);
      expect(r.author_email).toBeNull();
      expect(r.avatar).toMatch(/^[0-9a-f]{1,64}$/);
    }
    expect((await row('SELECT title FROM threads WHERE key = ?1', key))?.title.length).toBeLessThanOrEqual(
      300,
    );
    expect(warning(json, 'author.website')).toMatchObject({ action: 'dropped', count: 3 });
    expect(warning(json, 'author.name')).toMatchObject({ action: 'cut', count: 1 });
    expect(warning(json, 'author.email')).toMatchObject({ action: 'dropped', count: 1 });
    expect(warning(json, 'author.avatar')).toMatchObject({ action: 'replaced', count: 1 });
    expect(warning(json, 'title')).toMatchObject({ action: 'cut', count: 1 });
  });

  it('keeps a moderator badge and a million likes as the owner import, and says so', async () => {
    const key = `https://blog.example/import-owner-${Date.now()}`;
    const id = `own-${Date.now()}`;
    const { json } = await causerie([
      {
        key,
        url: key,
        comments: [comment(id, { likes: 1_000_000, author: { name: 'Boss', moderator: true } })],
      },
    ]);
    expect(json.comments).toBe(1);
    expect(await row('SELECT likes, moderator FROM comments WHERE id = ?1', id)).toEqual({
      likes: 1_000_000,
      moderator: 1,
    });
    expect(warning(json, 'author.moderator')).toMatchObject({ action: 'kept', count: 1 });
    expect(warning(json, 'likes')).toMatchObject({ action: 'kept', count: 1 });
  });

  it('skips a comment longer than MAX_COMMENT_LENGTH with an error naming it', async () => {
    const key = `https://blog.example/import-long-${Date.now()}`;
    const id = `long-${Date.now()}`;
    const { json } = await causerie([
      { key, url: key, comments: [comment(id, { body: 'x'.repeat(10_001) })] },
    ]);
    expect(json.comments).toBe(0);
    expect(json.skipped).toBe(1);
    expect(JSON.stringify(json.errors)).toContain(id);
  });

  it('answers 422 for unknown statuses and negative likes (the file is refused whole)', async () => {
    const key = 'https://blog.example/import-422';
    for (const bad of [{ status: 'published' }, { likes: -5 }, { likes: 1.5 }]) {
      const { res, json } = await causerie([{ key, url: key, comments: [comment('c-422', bad)] }]);
      expect(res.status).toBe(422);
      expect(json.code).toBe('validation_failed');
    }
  });
});

describe('importing hostile WXR and Disqus files', () => {
  it('WXR: no javascript:/data: website or page link is stored, names are cut to the API limit', async () => {
    const stamp = Date.now();
    const item = (
      link: string,
      n: number,
      url: string,
      name: string,
    ) => `<item><title>P</title><link>${link}</link>
      <wp:comment><wp:comment_id>${n}</wp:comment_id><wp:comment_author><![CDATA[${name}]]></wp:comment_author>
      <wp:comment_author_url><![CDATA[${url}]]></wp:comment_author_url>
      <wp:comment_date_gmt>2012-05-05 05:05:05</wp:comment_date_gmt><wp:comment_content>hi</wp:comment_content>
      <wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment></item>`;
    const page = `https://blog.example/wxr-hostile-${stamp}/`;
    const xml = `<?xml version="1.0"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
      ${item('javascript:alert(1)', 1, 'https://fine.example', 'A')}
      ${HOSTILE_URLS.map((url, i) => item(page, 10 + i, url, 'W'.repeat(5000))).join('\n')}
    </channel></rss>`;
    const { res, json } = await importText('wxr', xml);
    expect(res.status).toBe(200);
    expect(json.comments).toBe(3);
    expect(json.errors.length).toBeGreaterThanOrEqual(1);
    expect(await row("SELECT count(*) AS n FROM threads WHERE url NOT LIKE 'http%'")).toEqual({ n: 0 });
    expect(
      await row(
        "SELECT count(*) AS n FROM comments WHERE author_website IS NOT NULL AND author_website NOT LIKE 'http%'",
      ),
    ).toEqual({ n: 0 });
    const names = await row(
      'SELECT max(length(author_name)) AS longest FROM comments c JOIN threads t ON t.id = c.thread_id WHERE t.url LIKE ?1',
      `%wxr-hostile-${stamp}%`,
    );
    expect(names?.longest).toBeLessThanOrEqual(80);
    expect(warning(json, 'author.name')).toMatchObject({ action: 'cut', count: 3 });
  });

  it('Disqus: a javascript: thread link is skipped, a huge name is cut', async () => {
    const stamp = Date.now();
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
  <thread dsq:id="e1"><link>javascript:alert(1)</link><title>evil</title><isDeleted>false</isDeleted></thread>
  <thread dsq:id="g1"><link>https://blog.example/disqus-hostile-${stamp}/</link><title>${'D'.repeat(2000)}</title><isDeleted>false</isDeleted></thread>
  <post dsq:id="p1"><message>x</message><createdAt>2020-01-02T00:00:00Z</createdAt><isDeleted>false</isDeleted>
    <isSpam>false</isSpam><author><name>x</name></author><thread dsq:id="e1"/></post>
  <post dsq:id="p2"><message>y</message><createdAt>2020-01-02T00:00:00Z</createdAt><isDeleted>false</isDeleted>
    <isSpam>false</isSpam><author><name>${'Q'.repeat(3000)}</name></author><thread dsq:id="g1"/></post>
</disqus>`;
    const { res, json } = await importText('disqus', xml);
    expect(res.status).toBe(200);
    expect(json.comments).toBe(1);
    expect(await row("SELECT count(*) AS n FROM threads WHERE url NOT LIKE 'http%'")).toEqual({ n: 0 });
    const stored = await row(
      'SELECT c.author_name AS name, t.title AS title FROM comments c JOIN threads t ON t.id = c.thread_id WHERE t.url LIKE ?1',
      `%disqus-hostile-${stamp}%`,
    );
    expect([...String(stored?.name)].length).toBeLessThanOrEqual(80);
    expect(String(stored?.title).length).toBeLessThanOrEqual(300);
  });
});
