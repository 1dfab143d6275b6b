import { describe, expect, it } from 'vitest';
import { freshPage, getThread, postComment } from './helpers.ts';

/** Follows nextCursor to the end; returns every comment id seen. */
const allIds = async (url: string) => {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const { json } = await getThread(
      `url=${encodeURIComponent(url)}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    ids.push(...json.comments.map((c: { id: string }) => c.id));
    cursor = json.nextCursor;
  } while (cursor);
  return ids;
};

describe('concurrent writes', () => {
  it('gives 200 concurrent posts to one thread 200 comments, a count of 200, and no duplicate', async () => {
    const url = freshPage();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        postComment({ url, body: `comment ${i}`, clientId: `concurrent-${i}-${url.slice(-12)}` }),
      ),
    );
    expect(results.map((r) => r.res.status)).toEqual(Array(200).fill(201));
    const ids = await allIds(url);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    const { json } = await getThread(`url=${encodeURIComponent(url)}&limit=1`);
    expect(json.thread.commentCount).toBe(200);
  }, 60_000);

  it('gives 50 concurrent retries of one clientId one comment', async () => {
    const url = freshPage();
    const clientId = `one-of-fifty-${crypto.randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 50 }, () => postComment({ url, body: 'once', clientId })),
    );
    expect(results.filter((r) => r.res.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.res.status === 200)).toHaveLength(49);
    expect(new Set(results.map((r) => r.json.comment.id)).size).toBe(1);
    expect(await allIds(url)).toHaveLength(1);
    expect((await getThread(`url=${encodeURIComponent(url)}`)).json.thread.commentCount).toBe(1);
  }, 60_000);
});
