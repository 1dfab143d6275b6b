import { describe, expect, it } from 'vitest';
import { admin, freshPage, postComment, postJson } from './helpers.ts';

describe('/api/v1/admin/bans', () => {
  it('bans every identity a comment left, which refuses that author; lifting it lets them back', async () => {
    const url = freshPage();
    const headers = { 'CF-Connecting-IP': '198.51.100.7' };
    const first = await postJson(
      '/api/v1/comments',
      { url, body: 'spam', author: { email: 'bad@example.com' }, reader: 'reader-bad-0001' },
      headers,
    );
    const { comment } = (await first.json()) as Record<string, any>;
    const { res, json } = await admin('POST', '/bans', { commentId: comment.id, reason: 'spam' });
    expect(res.status).toBe(201);
    expect(json.bans.map((b: any) => b.kind).sort()).toEqual(['email', 'ip', 'reader']);
    expect(json.bans[0]).toMatchObject({ reason: 'spam', expiresAt: null, active: true });
    // A new e-mail address from the same IP is still refused.
    const again = await postJson(
      '/api/v1/comments',
      { url, body: 'again', author: { email: 'new@example.com' } },
      headers,
    );
    expect(again.status).toBe(403);
    expect(((await again.json()) as any).code).toBe('banned');
    const listed = await admin('GET', '/bans');
    const ids = json.bans.map((b: any) => b.id);
    expect(listed.json.bans.filter((b: any) => ids.includes(b.id))).toHaveLength(3);
    for (const id of ids) expect((await admin('DELETE', `/bans/${id}`)).res.status).toBe(204);
    expect((await postJson('/api/v1/comments', { url, body: 'sorry' }, headers)).status).toBe(201);
    expect((await admin('DELETE', `/bans/${ids[0]}`)).res.status).toBe(404);
  });

  it('bans an e-mail until a date; an expired ban no longer refuses', async () => {
    const past = await admin('POST', '/bans', {
      email: 'Late@Example.com',
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(past.json.bans[0]).toMatchObject({ kind: 'email', value: 'late@example.com', active: false });
    const url = freshPage();
    expect((await postComment({ url, author: { email: 'late@example.com' } })).res.status).toBe(201);
    await admin('POST', '/bans', { email: 'late@example.com', expiresAt: '2999-01-01T00:00:00+02:00' });
    expect((await postComment({ url, author: { email: 'late@example.com' } })).res.status).toBe(403);
  });

  it('wants exactly one subject and a real date (422), and a known comment (404)', async () => {
    expect((await admin('POST', '/bans', {})).res.status).toBe(422);
    expect((await admin('POST', '/bans', { email: 'a@example.com', ipHash: 'abcdef0123' })).res.status).toBe(
      422,
    );
    expect((await admin('POST', '/bans', { email: 'a@example.com', expiresAt: 'tomorrow' })).res.status).toBe(
      422,
    );
    expect((await admin('POST', '/bans', { commentId: 'nope' })).res.status).toBe(404);
  });
});
