/**
 * The spam pipeline (issue 14): every verdict path, a failing or slow check, the record on the comment and
 * in the admin API, edits screened again, spam never shown to readers, and a held comment never lost.
 * Checks other than the built-in ones are small SpamCheck objects passed to the posting service, the way
 * the registry passes Akismet's; the database is the real local D1.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../worker/env.ts';
import { postComment as postDirect } from '../../worker/services/posting/post-comment.ts';
import { runPipeline } from '../../worker/services/spam/pipeline.ts';
import type { SpamCandidate, SpamCheck, SpamVerdict } from '../../worker/services/spam/types.ts';
import { admin, freshPage, getThread, postJson, request } from './helpers.ts';

const CANDIDATE: SpamCandidate = {
  body: 'Bonjour',
  html: '<p>Bonjour</p>',
  authorName: null,
  authorEmail: null,
  authorWebsite: null,
  pageUrl: 'https://blog.example/a',
  ip: null,
  userAgent: null,
  referrer: null,
  signedIn: false,
  edit: false,
};

const answering = (name: string, verdict: SpamVerdict, score = 0): SpamCheck => ({
  name,
  run: async () => ({ check: name, verdict, score, detail: `${name} says ${verdict}` }),
});

const throwing: SpamCheck = {
  name: 'broken',
  run: async () => {
    throw new TypeError('secret upstream text');
  },
};

/** Never answers: what a third party that hangs looks like. */
const hanging: SpamCheck = { name: 'slow', run: () => new Promise(() => {}) };

/** Posts through the posting service with these checks, the test deployment's settings otherwise. */
const postWith = (checks: SpamCheck[], body = 'Un commentaire', timeoutMs = 1500) => {
  const settings = readSettings(env);
  return postDirect(
    {
      db: env.DB,
      settings: { ...settings, spam: { ...settings.spam, timeoutMs } },
      ip: null,
      reader: null,
      isAllowedOrigin: () => true,
      now: new Date(),
      checks,
    },
    { url: freshPage(), body },
  );
};

/** The comment as the owner's API lists it. */
const adminComment = async (id: string) => {
  const listed = (await admin('GET', '/comments?status=all&limit=200')).json.comments;
  return listed.find((c: { id: string }) => c.id === id) as Record<string, any>;
};

describe('runPipeline', () => {
  it('answers the worst verdict and the highest score, every reason in order', async () => {
    const result = await runPipeline(
      [answering('a', 'pass', 0.2), answering('b', 'hold', 0.7), answering('c', 'pass', 0.1)],
      CANDIDATE,
      { timeoutMs: 1000 },
    );
    expect(result.verdict).toBe('hold');
    expect(result.score).toBe(0.7);
    expect(result.reasons.map((r) => `${r.check}:${r.verdict}`)).toEqual(['a:pass', 'b:hold', 'c:pass']);
  });

  it('stops at a reject: a later check (a third party) is not asked', async () => {
    let asked = false;
    const later: SpamCheck = {
      name: 'later',
      run: async () => {
        asked = true;
        return { check: 'later', verdict: 'pass', score: 0, detail: '' };
      },
    };
    const result = await runPipeline([answering('a', 'reject', 1), later], CANDIDATE, { timeoutMs: 1000 });
    expect(result.verdict).toBe('reject');
    expect(result.reasons).toHaveLength(1);
    expect(asked).toBe(false);
  });

  it('holds with "check unavailable" when a check throws, without its error text', async () => {
    const result = await runPipeline([throwing], CANDIDATE, { timeoutMs: 1000 });
    expect(result.reasons).toEqual([
      { check: 'broken', verdict: 'hold', score: 0, detail: 'check unavailable (TypeError)' },
    ]);
  });

  it('holds with "check unavailable" when a check runs past its budget, after about that budget', async () => {
    const started = Date.now();
    const result = await runPipeline([hanging, answering('next', 'pass')], CANDIDATE, { timeoutMs: 50 });
    expect(result.verdict).toBe('hold');
    expect(result.reasons[0]).toEqual({
      check: 'slow',
      verdict: 'hold',
      score: 0,
      detail: 'check unavailable (no answer in 50 ms)',
    });
    // The next check still ran: one slow check costs its budget, not the comment.
    expect(result.reasons[1]?.check).toBe('next');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('treats a malformed answer as unavailable and clamps scores into 0…1', async () => {
    const odd: SpamCheck = {
      name: 'odd',
      run: async () => ({ check: 'odd', verdict: 'maybe' as SpamVerdict, score: 7, detail: '' }),
    };
    const result = await runPipeline([odd, answering('high', 'pass', 42)], CANDIDATE, { timeoutMs: 1000 });
    expect(result.reasons[0]?.detail).toBe('check unavailable (malformed answer)');
    expect(result.score).toBe(1);
  });
});

describe('posting through the pipeline', () => {
  it('publishes a comment every check passes (MODERATION=none), the mode as the last reason', async () => {
    const { body } = await postWith([answering('a', 'pass', 0.1)]);
    expect(body.comment.status).toBe('approved');
    const stored = await adminComment(body.comment.id);
    expect(stored.spam).toEqual({
      score: 0.1,
      reasons: [
        { check: 'a', verdict: 'pass', detail: 'a says pass' },
        { check: 'moderation', verdict: 'pass', detail: 'mode none: published' },
      ],
    });
  });

  it('holds as pending on a hold, with the reason for the owner', async () => {
    const { body } = await postWith([answering('a', 'pass'), answering('b', 'hold', 0.8)]);
    expect(body.comment.status).toBe('pending');
    const stored = await adminComment(body.comment.id);
    expect(stored.status).toBe('pending');
    expect(stored.spam.reasons).toEqual([
      { check: 'a', verdict: 'pass', detail: 'a says pass' },
      { check: 'b', verdict: 'hold', detail: 'b says hold' },
    ]);
  });

  it('stores a reject as spam, answers the reader as for a held comment, and never shows it', async () => {
    const { body, threadKey } = await postWith([answering('a', 'reject', 1)], 'Cheap pills');
    // The reader's answer is the held one: a spammer learns nothing from it.
    expect(body.comment.status).toBe('pending');
    expect(body.editToken).toBeTruthy();
    const stored = await adminComment(body.comment.id);
    expect(stored.status).toBe('spam');
    expect(stored.spam).toEqual({
      score: 1,
      reasons: [{ check: 'a', verdict: 'reject', detail: 'a says reject' }],
    });
    const { json } = await getThread(`url=${encodeURIComponent(threadKey)}`);
    expect(json.thread.commentCount).toBe(0);
    expect(JSON.stringify(json)).not.toContain(body.comment.id);
  });

  it('keeps a comment whose check throws: held, "check unavailable", in the queue', async () => {
    const { body } = await postWith([throwing], 'Un avis');
    expect(body.comment.status).toBe('pending');
    const queue = (await admin('GET', '/comments?status=pending&limit=200')).json.comments;
    const held = queue.find((c: { id: string }) => c.id === body.comment.id);
    expect(held.body).toBe('Un avis');
    expect(held.spam.reasons).toEqual([
      { check: 'broken', verdict: 'hold', detail: 'check unavailable (TypeError)' },
    ]);
  });

  it('keeps a comment whose check hangs: held after the configured budget', async () => {
    const { body } = await postWith([hanging], 'Un autre avis', 30);
    expect(body.comment.status).toBe('pending');
    const stored = await adminComment(body.comment.id);
    expect(stored.body).toBe('Un autre avis');
    expect(stored.spam.reasons[0]).toEqual({
      check: 'slow',
      verdict: 'hold',
      detail: 'check unavailable (no answer in 30 ms)',
    });
  });
});

describe('the configured checks over HTTP', () => {
  it('records rules and filter on every new comment; the filter starts neutral and says so', async () => {
    const res = await postJson('/api/v1/comments', { url: freshPage(), body: 'Un commentaire ordinaire.' });
    expect(res.status).toBe(201);
    const { comment } = (await res.json()) as { comment: { id: string; status: string } };
    expect(comment.status).toBe('approved');
    const stored = await adminComment(comment.id);
    expect(Object.keys(stored.spam).sort()).toEqual(['reasons', 'score']);
    expect(stored.spam.reasons).toEqual([
      { check: 'rules', verdict: 'pass', detail: '0 links (limit 3), no blocked phrase' },
      { check: 'filter', verdict: 'pass', detail: expect.stringMatching(/^learning, \d+\/30 decisions/) },
      { check: 'moderation', verdict: 'pass', detail: 'mode none: published' },
    ]);
    expect(stored.spam.score).toBe(0);
  });

  it('holds past MAX_LINKS with the count in the reason', async () => {
    const links = [1, 2, 3, 4].map((n) => `https://site${n}.example/`).join(' ');
    const res = await postJson('/api/v1/comments', { url: freshPage(), body: `Voir ${links}` });
    const { comment } = (await res.json()) as { comment: { id: string; status: string } };
    expect(comment.status).toBe('pending');
    const stored = await adminComment(comment.id);
    expect(stored.spam.reasons[0]).toEqual({ check: 'rules', verdict: 'hold', detail: '4 links (limit 3)' });
    expect(stored.spam.score).toBe(1);
  });

  it('screens an edit again: a link slipped in after approval holds it', async () => {
    const res = await postJson('/api/v1/comments', { url: freshPage(), body: 'Sage et sans lien.' });
    const { comment, editToken } = (await res.json()) as { comment: { id: string }; editToken: string };
    const links = [1, 2, 3, 4, 5].map((n) => `https://shop${n}.example/`).join(' ');
    const edit = await request(`/api/v1/comments/${comment.id}`, {
      method: 'PATCH',
      headers: {
        'Content-Type': 'application/json',
        Origin: 'https://blog.example',
        Authorization: `Bearer ${editToken}`,
      },
      body: JSON.stringify({ body: `Promo ${links}` }),
    });
    expect(edit.status).toBe(200);
    expect(((await edit.json()) as { comment: { status: string } }).comment.status).toBe('pending');
    const stored = await adminComment(comment.id);
    expect(stored.status).toBe('pending');
    expect(stored.spam.reasons[0]).toEqual({ check: 'rules', verdict: 'hold', detail: '5 links (limit 3)' });
  });

  it('shows the record on the moderation queue of the admin API', async () => {
    const { json } = await admin('GET', '/comments?status=all&limit=5');
    expect(json.comments.length).toBeGreaterThan(0);
    for (const c of json.comments) {
      expect(typeof c.spam.score).toBe('number');
      for (const reason of c.spam.reasons)
        expect(Object.keys(reason).sort()).toEqual(['check', 'detail', 'verdict']);
    }
  });
});
