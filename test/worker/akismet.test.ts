/**
 * Akismet (issue 14, item 3) against a real Akismet-protocol server on 127.0.0.1 (fake-services.ts):
 * comment-check as a SpamCheck with its failures, the check in the posting path (until part P's pipeline
 * takes it), the sealed context kept for feedback, and submit-spam / submit-ham on the owner's decisions.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { findSpamContext } from '../../worker/db/spam-context.ts';
import { readSettings } from '../../worker/env.ts';
import { unseal } from '../../worker/lib/sealed-box.ts';
import { akismetCheck, checkComment, verifyKey } from '../../worker/services/spam/akismet.ts';
import { feedbackKind } from '../../worker/services/spam/akismet-feedback.ts';
import type { SpamCandidate } from '../../worker/services/spam/types.ts';
import { freshPage } from './helpers.ts';
import { AKISMET, adminWith, fake, fakeLog, marker, postWith, storedComment } from './spam-helpers.ts';

const deps = { fetcher: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init) };

const settingsFor = (key = 'test-akismet-key') => {
  const akismet = readSettings({ ...env, ...AKISMET(key) } as Cloudflare.Env).akismet;
  if (!akismet) throw new Error('Akismet should be on');
  return akismet;
};

const candidate = (body: string): SpamCandidate => ({
  body,
  html: `<p>${body}</p>`,
  authorName: 'Zoé',
  authorEmail: 'zoe@example.com',
  authorWebsite: null,
  pageUrl: 'https://blog.example/a-post',
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0',
  referrer: null,
  signedIn: false,
  edit: false,
});

describe('comment-check as a SpamCheck', () => {
  it('passes what Akismet calls ham, sending its fields form-encoded', async () => {
    const tag = marker('ham');
    const result = await akismetCheck(settingsFor(), deps).run(candidate(`Nice post ${tag}`));
    expect(result).toEqual({ check: 'akismet', verdict: 'pass', score: 0, detail: 'akismet: not spam' });
    const [sent] = await fakeLog(tag);
    expect(sent?.path).toBe('/akismet/1.1/comment-check');
    expect(sent?.contentType).toContain('application/x-www-form-urlencoded');
    expect(sent?.fields).toMatchObject({
      api_key: 'test-akismet-key',
      blog: 'https://blog.example',
      permalink: 'https://blog.example/a-post',
      user_ip: '203.0.113.7',
      user_agent: 'Mozilla/5.0',
      comment_type: 'comment',
      comment_author: 'Zoé',
      comment_author_email: 'zoe@example.com',
      comment_content: `Nice post ${tag}`,
      blog_charset: 'UTF-8',
    });
  });

  it('holds spam, and rejects what Akismet says to discard', async () => {
    expect(
      await checkComment(settingsFor(), { ...base(), content: '[spam] cheap pills' }, deps),
    ).toMatchObject({
      verdict: 'hold',
      score: 1,
    });
    expect(await checkComment(settingsFor(), { ...base(), content: '[discard] casino' }, deps)).toMatchObject(
      {
        verdict: 'reject',
        detail: 'akismet: blatant spam (pro-tip: discard)',
      },
    );
  });

  it('says recheck_reason=edit for an edited comment', async () => {
    const tag = marker('edit');
    await akismetCheck(settingsFor(), deps).run({ ...candidate(tag), edit: true });
    expect((await fakeLog(tag))[0]?.fields.recheck_reason).toBe('edit');
  });

  for (const [name, key, content, message] of [
    ['an invalid key (debug help header)', 'bad-key', 'hello', /unable to parse your blog URI/],
    ['a 5xx', 'test-akismet-key', '[500] hello', /HTTP 500/],
    [
      'an answer that is neither true nor false',
      'test-akismet-key',
      '[malformed] hello',
      /answered "maybe\?"/,
    ],
    ['a missing IP (Akismet answers invalid)', 'test-akismet-key', 'no ip', /Empty "blog" or "user_ip"/],
  ] as const) {
    it(`throws on ${name}: the pipeline holds the comment`, async () => {
      const comment = { ...base(), content, ...(name.includes('IP') ? { ip: null } : {}) };
      await expect(checkComment(settingsFor(key), comment, deps)).rejects.toThrow(message);
    });
  }

  it('throws when Akismet does not answer in time', async () => {
    await expect(
      checkComment(settingsFor(), { ...base(), content: '[slow]' }, { ...deps, timeoutMs: 200 }),
    ).rejects.toThrow('comment-check timed out');
  });

  it('verify-key: valid, or false for a refused key', async () => {
    expect(await verifyKey(settingsFor(), 'https://blog.example', deps)).toBe(true);
    expect(await verifyKey(settingsFor('bad-key'), 'https://blog.example', deps)).toBe(false);
    await expect(verifyKey(settingsFor('error500-key'), 'https://blog.example', deps)).rejects.toThrow(
      /HTTP 500/,
    );
  });

  it('points at AKISMET_URL only when it is an http(s) URL', () => {
    expect(settingsFor().url).toBe(`${fake()}/akismet`);
    expect(
      readSettings({ ...env, AKISMET_KEY: 'k', AKISMET_URL: 'javascript:x' } as Cloudflare.Env).akismet?.url,
    ).toBe('https://rest.akismet.com');
  });
});

function base() {
  return {
    blog: 'https://blog.example',
    permalink: 'https://blog.example/a-post',
    ip: '203.0.113.7' as string | null,
    userAgent: 'Mozilla/5.0',
    referrer: null,
    authorName: 'Zoé',
    authorEmail: null,
    authorWebsite: null,
  };
}

const vars = (key?: string) => ({ ...AKISMET(key), RATE_LIMIT_WRITES: 'off' });
const post = (body: string, key?: string) =>
  postWith(vars(key), { url: freshPage(), body, author: { name: 'Zoé' } });

describe('POST /comments with Akismet on', () => {
  it('publishes ham, and keeps the IP, user agent and referrer sealed for 30 days', async () => {
    const tag = marker('post-ham');
    const { res, json } = await post(`Merci ${tag}`);
    expect(res.status).toBe(201);
    expect(json.comment.status).toBe('approved');
    expect((await fakeLog(tag))[0]?.fields).toMatchObject({
      user_ip: '203.0.113.7',
      user_agent: 'Mozilla/5.0 (test) Firefox/140.0',
      referrer: 'https://blog.example/a-post',
    });
    const kept = await findSpamContext(env.DB, json.comment.id, new Date().toISOString());
    expect(kept?.sealed).not.toContain('203.0.113.7');
    expect(JSON.parse((await unseal('test-secret-key', 'spam-context', kept?.sealed ?? '')) ?? '')).toEqual({
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0 (test) Firefox/140.0',
      referrer: 'https://blog.example/a-post',
    });
    const days = (Date.parse(kept?.expires_at ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });

  it('keeps nothing of the IP when Akismet is off', async () => {
    const { res, json } = await postWith(
      { RATE_LIMIT_WRITES: 'off' },
      { url: freshPage(), body: 'sans Akismet' },
    );
    expect(res.status).toBe(201);
    expect(await findSpamContext(env.DB, json.comment.id, new Date().toISOString())).toBeNull();
  });

  it('holds what Akismet calls spam', async () => {
    const { res, json } = await post(`[spam] buy now ${marker('spam')}`);
    expect(res.status).toBe(201);
    expect(json.comment.status).toBe('pending');
    expect((await storedComment(json.comment.id))?.status).toBe('pending');
  });

  it('stores what Akismet says to discard as spam: out of sight, not lost; the reader is told "pending"', async () => {
    const { res, json } = await post(`[discard] casino ${marker('discard')}`);
    expect(res.status).toBe(201);
    expect(json.comment.status).toBe('pending');
    expect((await storedComment(json.comment.id))?.status).toBe('spam');
  });

  for (const [name, body, key] of [
    ['answers 500', '[500] hello', undefined],
    ['refuses the key', 'hello', 'bad-key'],
    ['answers nonsense', '[malformed] hello', undefined],
  ] as const) {
    it(`holds the comment when Akismet ${name} (check unavailable)`, async () => {
      const { res, json } = await post(`${body} ${marker('unavailable')}`, key);
      expect(res.status).toBe(201);
      expect((await storedComment(json.comment.id))?.status).toBe('pending');
    });
  }
});

describe('feedback on the owner’s decisions', () => {
  it('maps decisions to submit-spam and submit-ham', () => {
    expect(feedbackKind({ from: 'approved', to: 'spam' })).toBe('spam');
    expect(feedbackKind({ from: 'pending', to: 'spam' })).toBe('spam');
    expect(feedbackKind({ from: 'pending', to: 'approved' })).toBe('ham');
    expect(feedbackKind({ from: 'spam', to: 'approved' })).toBe('ham');
    expect(feedbackKind({ from: 'pending', to: 'deleted' })).toBeNull();
    expect(feedbackKind({ from: 'deleted', to: 'approved' })).toBeNull();
  });

  it('sends submit-spam when a published comment is marked spam, and submit-ham when it is approved again', async () => {
    const tag = marker('feedback');
    const { json } = await post(`Une remarque ${tag}`);
    const id = json.comment.id as string;
    const spam = await adminWith(vars(), 'PATCH', `/comments/${id}`, { status: 'spam' });
    expect(spam.res.status).toBe(200);
    const ham = await adminWith(vars(), 'PATCH', `/comments/${id}`, { status: 'approved' });
    expect(ham.res.status).toBe(200);
    const calls = await fakeLog(tag);
    expect(calls.map((c) => c.path)).toEqual([
      '/akismet/1.1/comment-check',
      '/akismet/1.1/submit-spam',
      '/akismet/1.1/submit-ham',
    ]);
    expect(calls[1]?.fields).toMatchObject({
      api_key: 'test-akismet-key',
      blog: 'https://blog.example',
      user_ip: '203.0.113.7',
      user_agent: 'Mozilla/5.0 (test) Firefox/140.0',
      comment_author: 'Zoé',
      comment_content: `Une remarque ${tag}`,
    });
  });

  it('sends submit-spam for each comment of a bulk action', async () => {
    const tags = [marker('bulk'), marker('bulk')];
    const ids: string[] = [];
    for (const tag of tags) ids.push((await post(`bulk ${tag}`)).json.comment.id);
    const { res, json } = await adminWith(vars(), 'POST', '/comments/bulk', { ids, action: 'spam' });
    expect(res.status).toBe(200);
    expect(json.updated).toBe(2);
    for (const tag of tags) {
      expect((await fakeLog(tag)).map((c) => c.path)).toContain('/akismet/1.1/submit-spam');
    }
  });

  it('never fails the moderation when Akismet fails, and sends nothing for a delete', async () => {
    const tag = marker('feedback-fails');
    const { json } = await post(`fragile ${tag}`);
    const id = json.comment.id as string;
    const spam = await adminWith(vars('error500-key'), 'PATCH', `/comments/${id}`, { status: 'spam' });
    expect(spam.res.status).toBe(200);
    expect(spam.json.comment.status).toBe('spam');
    const del = await adminWith(vars(), 'PATCH', `/comments/${id}`, { status: 'deleted' });
    expect(del.res.status).toBe(200);
    // The failed submit-spam reached the server; the delete sent nothing more.
    expect((await fakeLog(tag)).map((c) => c.path)).toEqual([
      '/akismet/1.1/comment-check',
      '/akismet/1.1/submit-spam',
    ]);
  });

  it('sends nothing for a comment whose context was not kept (posted while Akismet was off)', async () => {
    const tag = marker('no-context');
    const { json } = await postWith({ RATE_LIMIT_WRITES: 'off' }, { url: freshPage(), body: `old ${tag}` });
    const res = await adminWith(vars(), 'PATCH', `/comments/${json.comment.id}`, { status: 'spam' });
    expect(res.res.status).toBe(200);
    expect(await fakeLog(tag)).toEqual([]);
  });
});

describe('the sealed box the context is kept in', () => {
  it('opens only with the same secret and purpose, and not once altered', async () => {
    const { seal } = await import('../../worker/lib/sealed-box.ts');
    const box = await seal('secret-one', 'spam-context', '{"ip":"198.51.100.1"}');
    expect(box).not.toContain('198.51.100.1');
    expect(await unseal('secret-one', 'spam-context', box)).toBe('{"ip":"198.51.100.1"}');
    expect(await unseal('secret-two', 'spam-context', box)).toBeNull();
    expect(await unseal('secret-one', 'other-purpose', box)).toBeNull();
    // The second-to-last character, always changed (judging by the last one left it as it was 1 time in 64).
    const altered = `${box.slice(0, -2)}${box.at(-2) === 'A' ? 'B' : 'A'}${box.slice(-1)}`;
    expect(await unseal('secret-one', 'spam-context', altered)).toBeNull();
    expect(await unseal('secret-one', 'spam-context', 'not base64url!')).toBeNull();
    // A fresh IV each time: the same plaintext never seals to the same box.
    expect(await seal('secret-one', 'spam-context', 'x')).not.toBe(
      await seal('secret-one', 'spam-context', 'x'),
    );
  });
});
