/**
 * The Mastodon import when the instance misbehaves, and when fetches happen (issue 18, item 2): slow,
 * trickling, huge, lying, non-JSON, redirecting or missing answers end as a recorded failure retried
 * later — nothing hangs, nothing is stored, never a 500; the Cron Trigger fetches a bounded number of
 * links, the least recently fetched first; a reader's page triggers at most one fetch per 5 minutes.
 * This file's storage is its own (one per test file), so the cron sees only the links made here.
 */
import { describe, expect, it } from 'vitest';
import { freshPage } from './helpers.ts';
import {
  adminCall,
  embedLink,
  fixtureReplies,
  hits,
  mastodonVars,
  newId,
  ownerLink,
  readThread,
  refresh,
  reply,
  runCron,
  script,
  scriptToot,
  toot,
  tootUrl,
} from './mastodon-helpers.ts';

const linkState = async (page: string) =>
  (await adminCall('GET', `/threads/mastodon?key=${encodeURIComponent(page)}`)).json.mastodon;

describe('a misbehaving instance', () => {
  const cases: [string, { statusBehaviour?: string; contextBehaviour?: string }, RegExp][] = [
    ['a toot that never answers', { statusBehaviour: 'slow' }, /toot: no answer within 1500 ms/],
    ['a context that trickles forever', { contextBehaviour: 'trickle' }, /context: no answer within 1500 ms/],
    [
      'a huge context without Content-Length',
      { contextBehaviour: 'huge' },
      /context: answer over 1048576 bytes/,
    ],
    ['a declared 50 MB context', { contextBehaviour: 'declared-huge' }, /context: answer over 1048576 bytes/],
    ['an HTML page instead of JSON', { contextBehaviour: 'invalid-json' }, /context: answer is not JSON/],
    ['a redirect to loopback', { statusBehaviour: 'redirect' }, /toot: redirect refused \(HTTP 302\)/],
    ['a toot gone (410)', { statusBehaviour: '410' }, /toot: HTTP 410/],
    ['a toot unknown (404)', { statusBehaviour: '404' }, /toot: HTTP 404/],
    ['a server error', { contextBehaviour: '500' }, /context: HTTP 500/],
  ];

  for (const [name, behaviour, error] of cases) {
    it(`records ${name} as a failure, stores nothing, and answers 200`, async () => {
      const tootId = newId();
      const page = freshPage();
      await script(tootId, {
        status: toot(tootId),
        context: { ancestors: [], descendants: [reply(newId(), tootId, '<p>hello</p>')] },
        ...behaviour,
      });
      await ownerLink(page, tootId);
      const started = Date.now();
      const { res, json } = await refresh(page);
      expect(res.status).toBe(200);
      expect(json.refresh.ok).toBe(false);
      expect(json.refresh.error).toMatch(error);
      // Bounded by the timeout (1.5 s per request here), never by the instance.
      expect(Date.now() - started).toBeLessThan(5000);
      expect(json.mastodon).toMatchObject({ failures: 1, okAt: null });
      expect(json.mastodon.lastError).toMatch(error);
      expect(Date.parse(json.mastodon.dueAt)).toBeGreaterThan(Date.now() + 9 * 60_000);
      expect((await readThread(page)).comments).toEqual([]);
    });
  }

  it('refuses a toot that is not public', async () => {
    const tootId = newId();
    const page = freshPage();
    await scriptToot(tootId, [], { visibility: 'private' });
    await ownerLink(page, tootId);
    const { json } = await refresh(page);
    expect(json.refresh).toMatchObject({ ok: false, error: 'toot: a private status is not imported' });
  });

  it('skips statuses of the wrong shape and imports the rest', async () => {
    const tootId = newId();
    const page = freshPage();
    await scriptToot(tootId, [
      { id: 'not valid!', content: 42 },
      'a string',
      null,
      { ...reply(newId(), tootId, '<p>ok</p>'), created_at: 'yesterday' },
      reply(newId(), tootId, '<p>bien formé</p>'),
    ]);
    await ownerLink(page, tootId);
    const { json } = await refresh(page);
    expect(json.refresh).toMatchObject({ ok: true, added: 1 });
    expect((await readThread(page)).comments[0].html).toContain('bien formé');
  });

  it('retries a failed link on a later run, and clears the failure once it works', async () => {
    const tootId = newId();
    const page = freshPage();
    await script(tootId, { statusBehaviour: '500' });
    await ownerLink(page, tootId);
    await refresh(page);
    const failed = await linkState(page);
    expect(failed.failures).toBe(1);
    await scriptToot(tootId, [reply(newId(), tootId, '<p>enfin</p>')]);
    // Not due yet: a run now leaves it alone.
    const before = (await hits(tootId)).status ?? 0;
    await runCron(mastodonVars({ MASTODON_FETCH_PER_RUN: '10' }));
    expect(await hits(tootId)).toMatchObject({ status: before });
    // Past its due time (10 minutes after one failure), a run fetches it: two runs, since the earlier
    // tests' failed links (this file's storage) are due then too and were fetched before it.
    const due = new Date(Date.parse(failed.dueAt) + 1000);
    await runCron(mastodonVars({ MASTODON_FETCH_PER_RUN: '10' }), due);
    await runCron(mastodonVars({ MASTODON_FETCH_PER_RUN: '10' }), due);
    const after = await linkState(page);
    expect(after).toMatchObject({ failures: 0, lastError: null });
    expect((await readThread(page)).comments).toHaveLength(1);
    // Each run waits on this file's slow links (1.5 s each): bounded, but more than the default 5 s.
  }, 30_000);
});

describe('the Cron Trigger', () => {
  it('fetches at most MASTODON_FETCH_PER_RUN links a run, the least recently fetched first', async () => {
    // Whatever earlier tests of this file left due is fetched first, by a generous run in the future.
    const later = Date.now() + 2 * 24 * 3600_000;
    await runCron(mastodonVars({ MASTODON_FETCH_PER_RUN: '10' }), new Date(later));
    await runCron(mastodonVars({ MASTODON_FETCH_PER_RUN: '10' }), new Date(later));
    const ids = [newId(), newId(), newId()];
    for (const id of ids) {
      await scriptToot(id, [fixtureReplies(id).bob]);
      await ownerLink(freshPage(), id);
    }
    const vars = mastodonVars({ MASTODON_FETCH_PER_RUN: '2' });
    await runCron(vars, new Date(later + 60_000));
    const fetched = await Promise.all(ids.map(async (id) => (await hits(id)).context ?? 0));
    expect(fetched.reduce((a, b) => a + b, 0)).toBe(2);
    // The next run takes the one left, never fetched, before the two just fetched.
    await runCron(vars, new Date(later + 2 * 60_000));
    expect(await Promise.all(ids.map(async (id) => (await hits(id)).context ?? 0))).toEqual([1, 1, 1]);
  }, 30_000);

  it('imports on a run what a refresh would', async () => {
    const tootId = newId();
    const page = freshPage();
    await scriptToot(tootId, [reply(newId(), tootId, '<p>par le cron</p>')]);
    await ownerLink(page, tootId);
    await runCron(mastodonVars({ MASTODON_FETCH_PER_RUN: '10' }), new Date(Date.now() + 5 * 24 * 3600_000));
    expect((await readThread(page)).comments[0]).toMatchObject({ kind: 'mastodon' });
  }, 30_000);
});

describe('POST /threads/mastodon (a page’s data-mastodon)', () => {
  it('refuses every embed link while MASTODON_ACCOUNTS is unset', async () => {
    const { res, json } = await embedLink(
      freshPage(),
      tootUrl(newId()),
      mastodonVars({ MASTODON_ACCOUNTS: '' }),
    );
    expect(res.status).toBe(403);
    expect(json.code).toBe('forbidden');
  });

  it('refuses a toot by someone else, or on another instance', async () => {
    for (const url of [
      `https://social.example/@mallory/${newId()}`,
      `https://evil.example/@alice/${newId()}`,
      `https://social.example/@alice@evil.example/${newId()}`,
      `https://social.example/notice/${newId()}`,
    ]) {
      const { res } = await embedLink(freshPage(), url);
      expect(res.status, url).toBe(403);
    }
  });

  it('refuses a bad toot URL with 422 naming toot, and a foreign page with 403', async () => {
    const bad = await embedLink(freshPage(), 'https://127.0.0.1/@alice/1');
    expect(bad.res.status).toBe(422);
    expect(bad.json.errors[0].field).toBe('toot');
    const foreign = await embedLink('https://elsewhere.example/post', tootUrl(newId()));
    expect(foreign.res.status).toBe(403);
  });

  it('links the owner’s toot, fetches it once, and at most once per 5 minutes after that', async () => {
    const tootId = newId();
    const page = freshPage();
    await scriptToot(tootId, [reply(newId(), tootId, '<p>via la page</p>')]);
    const first = await embedLink(page, tootUrl(tootId));
    expect(first.res.status).toBe(202);
    expect(first.json).toMatchObject({ accepted: true, refreshing: true, mastodon: { linkedBy: 'embed' } });
    expect((await readThread(page)).comments).toHaveLength(1);
    const second = await embedLink(page, tootUrl(tootId));
    expect(second.res.status).toBe(200);
    expect(second.json).toMatchObject({ accepted: true, refreshing: false });
    expect(await hits(tootId)).toEqual({ status: 1, context: 1 });
  });

  it('spends the IP’s write budget when it creates a thread, and nothing on a page that has one', async () => {
    const vars = mastodonVars({ RATE_LIMIT_WRITES: '1/3600' });
    const ip = { 'CF-Connecting-IP': `203.0.113.${Math.floor(Math.random() * 200) + 1}` };
    const [first, second] = [newId(), newId()];
    await scriptToot(first, []);
    const page = freshPage();
    expect((await embedLink(page, tootUrl(first), vars, undefined, ip)).res.status).toBe(202);
    // The same page again: its thread exists, no budget spent.
    expect((await embedLink(page, tootUrl(first), vars, undefined, ip)).res.status).toBe(200);
    const another = await embedLink(freshPage(), tootUrl(second), vars, undefined, ip);
    expect(another.res.status).toBe(429);
    expect(another.res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(another.res.headers.get('Retry-After')).toMatch(/^\d+$/);
  });

  it('never replaces the owner’s link, but may replace an earlier embed link', async () => {
    const [ownerToot, embedToot, newer] = [newId(), newId(), newId()];
    for (const id of [ownerToot, embedToot, newer]) await scriptToot(id, []);
    const page = freshPage();
    await ownerLink(page, ownerToot);
    const refused = await embedLink(page, tootUrl(embedToot));
    expect(refused.res.status).toBe(200);
    expect(refused.json).toMatchObject({
      accepted: false,
      refreshing: false,
      mastodon: { url: tootUrl(ownerToot) },
    });

    const other = freshPage();
    await embedLink(other, tootUrl(embedToot));
    const replaced = await embedLink(other, tootUrl(newer));
    expect(replaced.json).toMatchObject({
      accepted: true,
      mastodon: { url: tootUrl(newer), linkedBy: 'embed' },
    });
  });

  it('drops an embed link whose toot turns out to be by another account', async () => {
    const tootId = newId();
    const page = freshPage();
    // The URL names alice, the instance says the status is mallory's.
    await scriptToot(tootId, [reply(newId(), tootId, '<p>spam</p>')], {
      account: { ...toot(tootId).account, acct: 'mallory', url: 'https://social.example/@mallory' },
    });
    const { json } = await embedLink(page, tootUrl(tootId));
    expect(json.refreshing).toBe(true);
    expect(await linkState(page)).toMatchObject({
      failures: 1,
      lastError: 'toot: not by one of MASTODON_ACCOUNTS',
    });
    expect((await readThread(page)).comments).toEqual([]);
  });
});
