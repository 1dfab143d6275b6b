/// <reference path="../fixtures/import/raw.d.ts" />
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportThread,
} from '../../worker/lib/transfer/causerie-format.ts';
import { convertFile } from '../../worker/lib/transfer/convert.ts';
import disqus from '../fixtures/import/disqus-quirks.xml?raw';
import { importText, NO_VIOLATIONS, treeViolations, wipe } from '../fixtures/import/support.ts';
import wxr from '../fixtures/import/wxr-quirks.xml?raw';

/** Splits converted threads into Causerie files of `size` comments each, as the command-line tool does. */
const batches = (threads: ExportThread[], size: number): string[] => {
  const out: string[] = [];
  for (const thread of threads) {
    for (let i = 0; i < thread.comments.length; i += size) {
      const comments = thread.comments.slice(i, i + size);
      out.push(
        JSON.stringify({
          format: EXPORT_FORMAT,
          version: EXPORT_VERSION,
          threads: [{ ...thread, comments }],
        }),
      );
    }
  }
  return out;
};

const snapshot = async () =>
  (
    await env.DB.prepare(
      `SELECT c.id, c.parent_id, c.root_id, c.status, c.reply_count, c.tree_no, c.body, c.import_key, t.key,
         t.comment_count, t.roots_total
       FROM comments c JOIN threads t ON t.id = c.thread_id ORDER BY c.import_key`,
    ).all()
  ).results;

describe('imports in batches (the command-line tool’s path)', () => {
  for (const [format, text] of [
    ['disqus', disqus],
    ['wxr', wxr],
  ] as const) {
    it(`links replies to parents sent in earlier batches, one comment per batch (${format})`, async () => {
      const { file } = await convertFile(format, text);
      await wipe();
      const whole = await importText('causerie', JSON.stringify(file), 'application/json');
      expect(whole.res.status).toBe(200);
      const expected = await snapshot();

      await wipe();
      let comments = 0;
      for (const body of batches(file.threads, 1)) {
        const { res, json } = await importText('causerie', body, 'application/json');
        expect(res.status).toBe(200);
        comments += json.comments;
      }
      expect(comments).toBe(whole.json.comments);
      // Same tree, same counters: a placeholder sent alone became listed when its reply came later.
      expect(await snapshot()).toEqual(expected);
      expect(await treeViolations()).toEqual(NO_VIOLATIONS);
    });
  }

  it('turns a reply whose parent never arrives into a root', async () => {
    await wipe();
    const body = JSON.stringify({
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      threads: [
        {
          url: 'https://blog.example/lonely',
          comments: [
            {
              id: 'reply-1',
              parentId: 'nowhere',
              status: 'approved',
              body: 'hi',
              createdAt: '2024-01-01T00:00:00Z',
            },
          ],
        },
      ],
    });
    const { json } = await importText('causerie', body, 'application/json');
    expect(json.comments).toBe(1);
    const stored = await env.DB.prepare(
      "SELECT parent_id, root_id, tree_no FROM comments WHERE id = 'reply-1'",
    ).first();
    expect(stored).toEqual({ parent_id: null, root_id: 'reply-1', tree_no: 1 });
  });

  it('continues the ordinals of a thread that already has roots', async () => {
    await wipe();
    const file = (id: string) =>
      JSON.stringify({
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        threads: [
          {
            url: 'https://blog.example/more',
            comments: [{ id, status: 'approved', body: id, createdAt: '2024-01-01T00:00:00Z' }],
          },
        ],
      });
    await importText('causerie', file('a'), 'application/json');
    await importText('causerie', file('b'), 'application/json');
    const { results } = await env.DB.prepare(
      "SELECT id, tree_no FROM comments WHERE id IN ('a', 'b') ORDER BY id",
    ).all();
    expect(results).toEqual([
      { id: 'a', tree_no: 1 },
      { id: 'b', tree_no: 2 },
    ]);
    expect(await treeViolations()).toEqual(NO_VIOLATIONS);
  });
});
