/**
 * Issue 17, item 2: following a thread by e-mail. A signed-in reader's verified address follows at once, a
 * guest's waits for the double opt-in; new approved comments of others are mailed in batches by the cron
 * (at most one e-mail per follower and thread per FOLLOW_DIGEST_MINUTES), each with RFC 8058's one-click
 * unsubscribe, in the mail log and under the daily cap. The e-mails travel the real `http` transport to the
 * fake e-mail API on 127.0.0.1 (fake-services.ts), and are read back from its log.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { runFollowDigests } from '../../worker/services/notify/follow-digest.ts';
import { call, freshPage, ORIGIN, postComment, request } from './helpers.ts';
import { expectProblem, send, signIn } from './identity-helpers.ts';
import { fake, fakeLog, marker } from './spam-helpers.ts';

interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

const MAIL = () => ({
  EMAIL_TRANSPORT: 'http',
  EMAIL_API_URL: `${fake()}/mail/send`,
  EMAIL_FROM: 'blog@example.com',
});

/** The messages the fake e-mail API received for this address. */
const mailsTo = async (address: string): Promise<Mail[]> =>
  (await fakeLog(address))
    .filter((entry) => entry.path === '/mail/send')
    .map((entry) => entry.fields as unknown as Mail)
    .filter((mail) => mail.to === address);

const followBody = (url: string, email?: string) => ({ url, ...(email ? { email } : {}) });

/** POST /threads/follow with e-mail on, as a guest or with a session token. */
const follow = (
  body: Record<string, unknown>,
  options: { token?: string; vars?: Record<string, string>; lang?: string } = {},
) =>
  call({ ...MAIL(), ...options.vars } as Partial<Cloudflare.Env>, '/api/v1/threads/follow', {
    method: 'POST',
    headers: {
      Origin: ORIGIN,
      'Content-Type': 'application/json',
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      ...(options.lang ? { 'Accept-Language': options.lang } : {}),
    },
    body: JSON.stringify(body),
  });

/** A page with a first comment (a follow never creates a thread). */
const threadWithComment = async (): Promise<string> => {
  const url = freshPage();
  expect((await postComment({ url, body: 'first' })).res.status).toBe(201);
  return url;
};

/** The cron's follow job, at `minutesLater` minutes from now, with e-mail on. */
const cron = (minutesLater = 0, vars: Record<string, string> = {}) =>
  runFollowDigests(
    { ...env, ...MAIL(), ...vars } as Cloudflare.Env,
    new Date(Date.now() + minutesLater * 60_000),
  );

const followCount = async (): Promise<number> =>
  (await env.DB.prepare('SELECT count(*) AS n FROM thread_follows').first<{ n: number }>())?.n ?? 0;

const unsubscribeLink = (mail: Mail): URL => {
  const header = mail.headers?.['List-Unsubscribe'] ?? '';
  const link = /^<(https:\/\/comments\.example\/api\/v1\/unfollow\?[^>]+)>$/.exec(header)?.[1];
  expect(link, header).toBeDefined();
  return new URL(link as string);
};

describe('POST /threads/follow: who may follow', () => {
  it('is a 404 problem when the site sends no e-mail', async () => {
    const url = await threadWithComment();
    const answer = await call({}, '/api/v1/threads/follow', {
      method: 'POST',
      headers: { Origin: ORIGIN, 'Content-Type': 'application/json' },
      body: JSON.stringify(followBody(url, 'a@example.com')),
    });
    expectProblem(answer, 404, 'not_found');
  });

  it('refuses bad input with 4xx problems, never a 500', async () => {
    const url = await threadWithComment();
    expectProblem(await follow(followBody(url)), 422, 'validation_failed');
    expectProblem(await follow(followBody(url, 'not-an-address')), 422, 'validation_failed');
    expectProblem(await follow({ email: 'a@example.com' }), 422, 'validation_failed');
    expectProblem(await follow(followBody('not a url', 'a@example.com')), 422, 'validation_failed');
    expectProblem(
      await follow(followBody('https://evil.example/x', 'a@example.com')),
      403,
      'origin_not_allowed',
    );
    expectProblem(await follow(followBody(freshPage(), 'a@example.com')), 404, 'not_found');
    expectProblem(await follow({ url, email: 42 }), 422, 'validation_failed');
  });

  it('a signed-in reader with a verified address follows at once (200), and DELETE stops it (204)', async () => {
    const url = await threadWithComment();
    const { token } = await signIn();
    const before = await followCount();
    const answer = await follow(followBody(url), { token });
    expect(answer.res.status).toBe(200);
    expect(answer.json).toEqual({ state: 'following' });
    // Following again changes nothing.
    expect((await follow(followBody(url), { token })).res.status).toBe(200);
    expect(await followCount()).toBe(before + 1);
    const stop = await send('DELETE', '/api/v1/threads/follow', { token, body: { url }, vars: MAIL() });
    expect(stop.res.status).toBe(204);
    expect(await followCount()).toBe(before);
  });

  it('is limited per IP by RATE_LIMIT_WRITES (a guest’s follow sends a confirmation e-mail): 429 with Retry-After', async () => {
    const url = await threadWithComment();
    const from = (n: number) =>
      call({ ...MAIL(), RATE_LIMIT_WRITES: '2/60' } as Partial<Cloudflare.Env>, '/api/v1/threads/follow', {
        method: 'POST',
        headers: { Origin: ORIGIN, 'Content-Type': 'application/json', 'CF-Connecting-IP': '203.0.113.77' },
        body: JSON.stringify(followBody(url, `${marker(`rate${n}`)}@example.com`)),
      });
    expect((await from(1)).res.status).toBe(202);
    expect((await from(2)).res.status).toBe(202);
    const third = await from(3);
    expectProblem(third, 429, 'rate_limited');
    expect(Number(third.res.headers.get('Retry-After'))).toBeGreaterThan(0);
  });

  it('a guest cannot DELETE by typing an address: 401, the e-mails carry the way out', async () => {
    const url = await threadWithComment();
    const answer = await send('DELETE', '/api/v1/threads/follow', { body: { url }, vars: MAIL() });
    expectProblem(answer, 401, 'sign_in_required');
  });
});

describe('a guest follows through the double opt-in', () => {
  it('202 and one confirmation e-mail; nothing of the thread is mailed until the address is confirmed', async () => {
    const address = `${marker('guest')}@example.com`;
    const url = await threadWithComment();
    const answer = await follow(followBody(url, address));
    expect(answer.res.status).toBe(202);
    expect(answer.json).toEqual({ state: 'confirm' });
    const [confirmation, ...more] = await mailsTo(address);
    expect(more).toEqual([]);
    expect(confirmation?.text).toContain('/api/v1/confirm?');

    await postComment({ url, body: 'a comment before the confirmation', author: { name: 'Ana' } });
    await cron();
    expect(await mailsTo(address)).toHaveLength(1); // still only the confirmation

    const link = new URL(
      /https:\/\/comments\.example\/api\/v1\/confirm\?\S+/.exec(confirmation?.text ?? '')?.[0] ?? '',
    );
    const confirmed = await request(`${link.pathname}${link.search}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(confirmed.status).toBe(200);
    await cron();
    const mails = await mailsTo(address);
    expect(mails).toHaveLength(2);
    expect(mails[1]?.subject).toContain('A new comment on');
    expect(mails[1]?.text).toContain('a comment before the confirmation');
  });

  it('an address confirmed before follows at once (200)', async () => {
    const address = `${marker('known')}@example.com`;
    const url = await threadWithComment();
    await follow(followBody(url, address));
    const [confirmation] = await mailsTo(address);
    const link = new URL(
      /https:\/\/comments\.example\/api\/v1\/confirm\?\S+/.exec(confirmation?.text ?? '')?.[0] ?? '',
    );
    await request(`${link.pathname}${link.search}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const other = await threadWithComment();
    const answer = await follow(followBody(other, address));
    expect(answer.res.status).toBe(200);
    expect(answer.json).toEqual({ state: 'following' });
  });
});

describe('the cron mails new comments in batches', () => {
  /** A signed-in follower of a fresh thread, with its address. */
  const follower = async () => {
    const url = await threadWithComment();
    const session = await signIn({ email: `${marker('follower')}@example.com` });
    expect((await follow(followBody(url), { token: session.token })).res.status).toBe(200);
    return { url, ...session, address: session.user.email as string };
  };

  it('one e-mail for several comments, none of the follower’s own, with one-click unsubscribe', async () => {
    const { url, token, address } = await follower();
    await postComment({ url, body: 'comment one', author: { name: 'Bea' } });
    await postComment({ url, body: 'comment two', author: { name: 'Carl' } });
    // The follower's own comments, signed in or typed with the same address, are never mailed to them.
    const own = await send('POST', '/api/v1/comments', {
      token,
      body: { url, body: 'my own words' },
      vars: { AUTH: 'optional' },
    });
    expect(own.res.status).toBe(201);
    await postComment({ url, body: 'typed with my address', author: { email: address.toUpperCase() } });

    expect(await cron()).toBeGreaterThan(0);
    const [mail, ...more] = await mailsTo(address);
    expect(more).toEqual([]);
    expect(mail?.subject, mail?.text).toMatch(/^2 new comments on /);
    expect(mail?.text).toContain('comment one');
    expect(mail?.text).toContain('comment two');
    expect(mail?.text).toContain('Bea wrote:');
    expect(mail?.text).not.toContain('my own words');
    expect(mail?.text).not.toContain('typed with my address');
    expect(mail?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    unsubscribeLink(mail as Mail);
    // In the mail log, as its own kind.
    const logged = await env.DB.prepare(
      "SELECT status FROM mail_log WHERE recipient = ?1 AND kind = 'follow'",
    )
      .bind(address)
      .all<{ status: string }>();
    expect(logged.results).toEqual([{ status: 'sent' }]);
  });

  it('mails no like or repost from the open web (a face, not words)', async () => {
    const { url, address } = await follower();
    const like = (await postComment({ url, body: 'a like' })).json.comment.id as string;
    await env.DB.prepare(
      "UPDATE comments SET kind = 'webmention', source_type = 'like', source_url = ?2 WHERE id = ?1",
    )
      .bind(like, `https://elsewhere.example/${like}`)
      .run();
    await cron();
    expect(await mailsTo(address)).toEqual([]);
    await postComment({ url, body: 'words' });
    await cron();
    const [mail, ...more] = await mailsTo(address);
    expect(more).toEqual([]);
    expect(mail?.text).toContain('words');
    expect(mail?.text).not.toContain('a like');
  });

  it('at most one e-mail per FOLLOW_DIGEST_MINUTES: later comments wait for the window, then come together', async () => {
    const { url, address } = await follower();
    await postComment({ url, body: 'early' });
    await cron();
    expect(await mailsTo(address)).toHaveLength(1);
    await postComment({ url, body: 'late one' });
    await postComment({ url, body: 'late two' });
    await cron(30); // within the default 60 minutes
    expect(await mailsTo(address)).toHaveLength(1);
    await cron(61);
    const mails = await mailsTo(address);
    expect(mails).toHaveLength(2);
    expect(mails[1]?.text).toContain('late one');
    expect(mails[1]?.text).toContain('late two');
    expect(mails[1]?.text).not.toContain('early');
    // Nothing new: nothing sent, however late.
    await cron(200);
    expect(await mailsTo(address)).toHaveLength(2);
  });

  it('FOLLOW_DIGEST_MINUTES sets the window', async () => {
    const { url, address } = await follower();
    await postComment({ url, body: 'first batch' });
    await cron(0, { FOLLOW_DIGEST_MINUTES: '5' });
    await postComment({ url, body: 'second batch' });
    await cron(6, { FOLLOW_DIGEST_MINUTES: '5' });
    expect((await mailsTo(address)).map((m) => m.text.includes('second batch'))).toEqual([false, true]);
  });

  it('a new comment writes nothing per follower: the follows and the mail log stay as they were', async () => {
    const { url } = await follower();
    const rows = async () =>
      (await env.DB.prepare(
        "SELECT (SELECT count(*) FROM thread_follows) + (SELECT count(*) FROM mail_log) AS n, (SELECT group_concat(last_seq || ':' || coalesce(last_sent_at, '')) FROM thread_follows) AS s",
      ).first<{ n: number; s: string }>()) ?? { n: 0, s: '' };
    const before = await rows();
    await postComment({ url, body: 'no write per follower' });
    expect(await rows()).toEqual(before);
  });

  it('the one-click POST of RFC 8058 stops the e-mails; a forged link is a 401', async () => {
    const { url, address } = await follower();
    await postComment({ url, body: 'before unsubscribing' });
    await cron();
    const [mail] = await mailsTo(address);
    const link = unsubscribeLink(mail as Mail);
    const forged = await call({}, `${link.pathname}?f=${link.searchParams.get('f')}&sig=${'0'.repeat(32)}`, {
      method: 'POST',
    });
    expectProblem(forged, 401, 'unauthorized');
    const done = await call({}, `${link.pathname}${link.search}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.res.status).toBe(200);
    await postComment({ url, body: 'after unsubscribing' });
    await cron(61);
    expect(await mailsTo(address)).toHaveLength(1);
    // The GET of the same link shows a page (and is idempotent).
    const page = await env.DB.prepare('SELECT count(*) AS n FROM thread_follows WHERE id = ?1')
      .bind(link.searchParams.get('f'))
      .first<{ n: number }>();
    expect(page?.n).toBe(0);
  });

  it('counts against EMAIL_DAILY_CAP_PER_RECIPIENT: over it, the e-mail is logged as capped', async () => {
    const { url, address } = await follower();
    await postComment({ url, body: 'one' });
    await cron(0, { EMAIL_DAILY_CAP_PER_RECIPIENT: '1' });
    await postComment({ url, body: 'two' });
    await cron(61, { EMAIL_DAILY_CAP_PER_RECIPIENT: '1' });
    expect(await mailsTo(address)).toHaveLength(1);
    const logged = await env.DB.prepare(
      "SELECT status FROM mail_log WHERE recipient = ?1 AND kind = 'follow' ORDER BY id",
    )
      .bind(address)
      .all<{ status: string }>();
    expect(logged.results.map((r) => r.status)).toEqual(['sent', 'capped']);
  });

  it('speaks the language of the request that followed', async () => {
    const url = await threadWithComment();
    const { token, user } = await signIn({ email: `${marker('fr')}@example.com` });
    await follow(followBody(url), { token, lang: 'fr-FR,fr;q=0.9' });
    await postComment({ url, body: 'Bonjour' });
    await cron();
    const [mail] = await mailsTo(user.email as string);
    expect(mail?.subject).toMatch(/^Un nouveau commentaire sur /);
    expect(mail?.text).toContain('Ne plus recevoir d’e-mails sur cette discussion');
  });

  it('erasing the account erases its follows', async () => {
    const { token, user } = await follower();
    const erased = await send('DELETE', '/api/v1/me', { token });
    expect(erased.res.status).toBeLessThan(300);
    const left = await env.DB.prepare('SELECT count(*) AS n FROM thread_follows WHERE user_id = ?1')
      .bind(user.id)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
  });
});
