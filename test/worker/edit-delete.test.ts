import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { issueEditToken } from '../../worker/lib/crypto.ts';
import { freshPage, getThread, ORIGIN, postComment, request } from './helpers.ts';

const edit = (id: string, token: string | null, body: unknown) =>
  request(`/api/v1/comments/${id}`, {
    method: 'PATCH',
    headers: {
      'Content-Type': 'application/json',
      Origin: ORIGIN,
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });

const remove = (id: string, token: string | null) =>
  request(`/api/v1/comments/${id}`, {
    method: 'DELETE',
    headers: { Origin: ORIGIN, ...(token === null ? {} : { Authorization: `Bearer ${token}` }) },
  });

const threadOf = async (url: string) => (await getThread(`url=${encodeURIComponent(url)}`)).json;

describe('PATCH /api/v1/comments/:id', () => {
  it('replaces the Markdown and the HTML, and sets editedAt', async () => {
    const url = freshPage();
    const { json } = await postComment({ url, body: 'first *draft*' });
    const res = await edit(json.comment.id, json.editToken, { body: 'second **take**' });
    expect(res.status).toBe(200);
    const { comment } = (await res.json()) as Record<string, any>;
    expect(comment.html).toBe('<p>second <strong>take</strong></p>\n');
    expect(Date.parse(comment.editedAt)).toBeGreaterThan(0);
    // The Markdown as stored (only the admin API shows it, behind another door).
    const stored = await env.DB.prepare('SELECT body FROM comments WHERE id = ?1').bind(comment.id).first();
    expect(stored?.body).toBe('second **take**');
    expect((await threadOf(url)).comments[0].html).toBe(comment.html);
  });

  it('answers 401 with WWW-Authenticate without a token, or with a token of another comment', async () => {
    const a = await postComment({ url: freshPage() });
    const b = await postComment({ url: freshPage() });
    for (const token of [null, 'garbage', b.json.editToken, `${a.json.editToken}x`]) {
      const res = await edit(a.json.comment.id, token, { body: 'hijack' });
      expect(res.status).toBe(401);
      expect(res.headers.get('WWW-Authenticate')).toBe('Bearer');
      expect(((await res.json()) as Record<string, any>).code).toBe('unauthorized');
    }
  });

  it('answers 403 edit_window_closed once the window is over', async () => {
    const { json } = await postComment({ url: freshPage() });
    const expired = await issueEditToken(env.SECRET_KEY, json.comment.id, Math.floor(Date.now() / 1000) - 1);
    const res = await edit(json.comment.id, expired, { body: 'too late' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as Record<string, any>).code).toBe('edit_window_closed');
    expect((await remove(json.comment.id, expired)).status).toBe(403);
  });

  it('answers 422 for an empty or over-long body, and 404 for a comment that is gone', async () => {
    const { json } = await postComment({ url: freshPage() });
    expect((await edit(json.comment.id, json.editToken, { body: ' ' })).status).toBe(422);
    expect((await edit(json.comment.id, json.editToken, { body: 'x'.repeat(10_001) })).status).toBe(422);
    expect((await remove(json.comment.id, json.editToken)).status).toBe(204);
    expect((await edit(json.comment.id, json.editToken, { body: 'ghost' })).status).toBe(404);
  });
});

describe('DELETE /api/v1/comments/:id', () => {
  it('removes a comment without replies for good, and updates the count', async () => {
    const url = freshPage();
    const { json } = await postComment({
      url,
      body: 'oops',
      author: { name: 'Zoé', email: 'zoe@example.com' },
    });
    const res = await remove(json.comment.id, json.editToken);
    expect(res.status).toBe(204);
    const thread = await threadOf(url);
    expect(thread.comments).toEqual([]);
    expect(thread.thread.commentCount).toBe(0);
    // Erasure means nothing about the address is stored, which no answer can show.
    const left = await env.DB.prepare(
      "SELECT count(*) AS n FROM comments WHERE author_email = 'zoe@example.com'",
    ).first();
    expect(left?.n).toBe(0);
  });

  it('leaves an anonymous placeholder when the comment has replies, and erases its author', async () => {
    const url = freshPage();
    const root = await postComment({
      url,
      body: 'parent',
      author: { name: 'Yann', email: 'yann@example.com' },
    });
    await postComment({ url, body: 'child', parentId: root.json.comment.id });
    expect((await remove(root.json.comment.id, root.json.editToken)).status).toBe(204);
    const thread = await threadOf(url);
    expect(thread.comments[0]).toMatchObject({
      id: root.json.comment.id,
      status: 'deleted',
      author: null,
      html: '',
    });
    expect(thread.comments[1].html).toBe('<p>child</p>\n');
    expect(thread.thread.commentCount).toBe(1);
    // The placeholder keeps no personal data in storage, not only in the answer.
    const row = await env.DB.prepare('SELECT body, author_name, author_email FROM comments WHERE id = ?1')
      .bind(root.json.comment.id)
      .first();
    expect(row).toEqual({ body: '', author_name: null, author_email: null });
  });

  it('drops the placeholder once its last reply is deleted', async () => {
    const url = freshPage();
    const root = await postComment({ url, body: 'parent' });
    const child = await postComment({ url, body: 'child', parentId: root.json.comment.id });
    await remove(root.json.comment.id, root.json.editToken);
    await remove(child.json.comment.id, child.json.editToken);
    const thread = await threadOf(url);
    expect(thread.comments).toEqual([]);
    expect(thread.thread.commentCount).toBe(0);
  });
});
