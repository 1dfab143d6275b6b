/**
 * The learning filter measured on a labelled set (test/fixtures/spam/): the training part is posted and
 * decided by the owner through the admin API (held by MODERATION=all, then approved or marked spam in bulk),
 * the held-out part is posted afterwards and what the filter said about each is read back from the admin
 * API. The floors are below what this set measured (see README "Spam"), so a regression fails here.
 */
import { describe, expect, it } from 'vitest';
import { HAM } from '../fixtures/spam/ham.ts';
import { isHeldOut, type Sample } from '../fixtures/spam/sample.ts';
import { SPAM } from '../fixtures/spam/spam.ts';
import { admin, freshPage, postJson } from './helpers.ts';

interface Labelled extends Sample {
  spam: boolean;
}

const split = (samples: Sample[], spam: boolean) => ({
  train: samples.filter((_, i) => !isHeldOut(i)).map((s) => ({ ...s, spam })),
  test: samples.filter((_, i) => isHeldOut(i)).map((s) => ({ ...s, spam })),
});

const post = async (sample: Labelled, page: string): Promise<string> => {
  const res = await postJson('/api/v1/comments', {
    url: page,
    body: sample.body,
    author: { name: sample.name ?? 'Reader', ...(sample.website && { website: sample.website }) },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { comment: { id: string } }).comment.id;
};

const decide = async (ids: string[], action: 'approve' | 'spam') => {
  for (let i = 0; i < ids.length; i += 100) {
    const { res } = await admin('POST', '/comments/bulk', { ids: ids.slice(i, i + 100), action });
    expect(res.status).toBe(200);
  }
};

/** What the filter answered on each pending comment, as the owner's API shows it. */
const filterVerdicts = async (): Promise<Map<string, string>> => {
  const { json } = await admin('GET', '/comments?status=pending&limit=200');
  return new Map(
    json.comments.map((c: { id: string; spam: { reasons: Array<{ check: string; verdict: string }> } }) => [
      c.id,
      c.spam.reasons.find((r) => r.check === 'filter')?.verdict,
    ]),
  );
};

describe('the learning filter on the labelled set', () => {
  it('holds held-out spam with precision ≥ 0.9 and recall ≥ 0.65 once trained through the admin API', async () => {
    const spam = split(SPAM, true);
    const ham = split(HAM, false);
    expect(spam.train.length + spam.test.length + ham.train.length + ham.test.length).toBeGreaterThanOrEqual(
      150,
    );
    expect((await admin('PATCH', '/settings', { moderation: 'all' })).res.status).toBe(200);

    // Training: interleaved as a blog receives them; every comment waits, the owner decides.
    const page = freshPage();
    const train = [...spam.train, ...ham.train].sort((a, b) => a.body.length - b.body.length);
    const decided = { approve: [] as string[], spam: [] as string[] };
    for (const sample of train) decided[sample.spam ? 'spam' : 'approve'].push(await post(sample, page));
    await decide(decided.approve, 'approve');
    await decide(decided.spam, 'spam');
    const figures = (await admin('GET', '/spam?days=7')).json;
    expect(figures.filter).toMatchObject({
      state: 'active',
      decisions: { ham: ham.train.length, spam: spam.train.length },
    });

    // Held out: never decided before the filter scored them.
    const testPage = freshPage();
    const posted: Array<{ spam: boolean; id: string }> = [];
    for (const sample of [...spam.test, ...ham.test])
      posted.push({ spam: sample.spam, id: await post(sample, testPage) });
    const verdicts = await filterVerdicts();
    const results = posted.map((p) => ({ ...p, held: verdicts.get(p.id) === 'hold' }));
    expect(results.every((r) => verdicts.has(r.id))).toBe(true);
    const tp = results.filter((r) => r.spam && r.held).length;
    const fp = results.filter((r) => !r.spam && r.held).length;
    const fn = results.filter((r) => r.spam && !r.held).length;
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    // The figures the README and the report quote.
    console.log(
      `spam filter, held-out set: ${results.length} comments (${spam.test.length} spam, ${ham.test.length} ham), ` +
        `trained on ${train.length}: precision ${precision.toFixed(3)} (${tp}/${tp + fp}), recall ${recall.toFixed(3)} (${tp}/${tp + fn}), ` +
        `false positives ${fp}`,
    );
    // Measured 1.000 on this cut: a real reader held by mistake is what costs most, so the floor is high.
    expect(precision).toBeGreaterThanOrEqual(0.9);
    // Measured 0.688 on this cut (the link-less flattery bots post is what it misses; README "Spam").
    expect(recall).toBeGreaterThanOrEqual(0.65);

    // The owner now decides the held-out ones: the figures report the filter's precision on those decisions.
    await decide(
      results.filter((r) => !r.spam).map((r) => r.id),
      'approve',
    );
    await decide(
      results.filter((r) => r.spam).map((r) => r.id),
      'spam',
    );
    const after = (await admin('GET', '/spam?days=7')).json;
    expect(after.filter.held).toMatchObject({ total: tp + fp, approved: fp, spam: tp, pending: 0 });
    expect(after.filter.precision).toBeCloseTo(precision, 6);
    expect(after.filter.missed).toBe(fn);
  }, 120_000);
});
