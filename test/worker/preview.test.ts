import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { freshPage, ORIGIN, postComment, postJson, request } from './helpers.ts';
import { elements } from './html.ts';

const preview = async (body: unknown, headers: Record<string, string> = {}) => {
  const res = await postJson('/api/v1/preview', body, headers);
  return { res, json: (await res.json()) as Record<string, any> };
};

describe('POST /api/v1/preview', () => {
  it('answers 200 with the Markdown rendered to HTML', async () => {
    const { res, json } = await preview({ body: 'Hello **world**' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(json).toEqual({ html: '<p>Hello <strong>world</strong></p>\n' });
  });

  it('renders safely: no raw HTML, no javascript: links, user links marked nofollow ugc', async () => {
    const { json } = await preview({
      body: '<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) https://a.example',
    });
    const found = elements(json.html);
    expect(found.map((e) => e.tag)).toEqual(['p', 'a']);
    expect(found[1]?.attrs).toEqual({ href: 'https://a.example', rel: 'nofollow ugc noopener' });
    expect(json.html).toContain('&lt;script&gt;');
  });

  it('renders exactly the HTML that posting the same body stores', async () => {
    const body = '# Title\n\n> quote\n\n- *a*\n- `b`\n\nline\nbreak https://x.example';
    const posted = await postComment({ url: freshPage(), body });
    const { json } = await preview({ body });
    expect(json.html).toBe(posted.json.comment.html);
  });

  it('stores nothing', async () => {
    const count = async () =>
      (await env.DB.prepare('SELECT count(*) AS n FROM comments').first<{ n: number }>())?.n;
    const before = await count();
    await preview({ body: 'not saved' });
    expect(await count()).toBe(before);
  });

  it('answers 422 validation_failed for an empty, blank, missing or non-string body', async () => {
    for (const body of [{ body: '' }, { body: ' \n\t ' }, {}, { body: 42 }]) {
      const { res, json } = await preview(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(json.code).toBe('validation_failed');
      expect(json.errors.map((e: { field: string }) => e.field)).toEqual(['body']);
    }
  });

  it('answers 422 past MAX_COMMENT_LENGTH characters, counting code points as POST /comments does', async () => {
    const long = await preview({ body: 'é'.repeat(10_001) });
    expect(long.res.status).toBe(422);
    expect(long.json.errors).toEqual([{ field: 'body', message: 'must be at most 10000 characters' }]);
    const atLimit = await preview({ body: ` ${'😀'.repeat(10_000)} ` });
    expect(atLimit.res.status).toBe(200);
  });

  it('answers 400 for malformed JSON, 415 for a body that is not JSON', async () => {
    expect((await postJson('/api/v1/preview', '{"body": ')).status).toBe(400);
    const form = await request('/api/v1/preview', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: ORIGIN },
      body: 'hello',
    });
    expect(form.status).toBe(415);
    expect(((await form.json()) as Record<string, any>).code).toBe('unsupported_media_type');
  });

  it('answers 403 origin_not_allowed to a foreign Origin, like every write', async () => {
    const { res, json } = await preview({ body: 'x' }, { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(json.code).toBe('origin_not_allowed');
  });
});
