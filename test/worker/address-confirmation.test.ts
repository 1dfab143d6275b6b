/**
 * Issue 11, item 3: `notify: true` with someone else's address must not e-mail them. Double opt-in: one
 * confirmation e-mail (at most one a day per address, no text a commenter chose), a signed expiring link
 * (GET shows a page, POST confirms), and reply e-mails only to confirmed addresses. E-mails are captured
 * through the fetcher the notifier takes, as in notify-unit.test.ts.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../worker/env.ts';
import { freshPage, type SentMail as Mail, notifyReaders, postComment, request } from './helpers.ts';

const settings = readSettings({
  ...env,
  EMAIL_API_URL: 'https://mail.example/send',
  EMAIL_API_KEY: 'mailkey',
  EMAIL_FROM: 'blog@example.com',
});

/** Runs the notifications of one comment, as waitUntil would, and answers the e-mails sent. */
const notify = (commentId: string): Promise<Mail[]> => notifyReaders(settings, commentId);

const linkIn = (mail: Mail): URL => {
  const link = /https:\/\/comments\.example\/api\/v1\/confirm\?\S+/.exec(mail.text)?.[0];
  expect(link, mail.text).toBeDefined();
  return new URL(link as string);
};

const post = async (body: Record<string, unknown>) => (await postComment(body)).json.comment.id as string;

describe('double opt-in for reply e-mails', () => {
  it('sends no reply e-mail to an address nobody confirmed (someone typed it)', async () => {
    const url = freshPage();
    const parent = await post({ url, author: { email: 'victim@example.com' }, notify: true });
    const reply = await post({ url, parentId: parent, body: 'harassment', author: { name: 'Troll' } });
    expect((await notify(reply)).filter((m) => m.to === 'victim@example.com')).toEqual([]);
  });

  it('sends one confirmation e-mail, without the title, name or body a commenter chose, at most once a day', async () => {
    const address = `confirm-${Date.now()}@example.com`;
    const id = await post({
      url: freshPage(),
      title: 'BUY NOW http://spam.example',
      author: { name: 'Spammer <b>', email: address },
      body: 'hateful words',
      notify: true,
    });
    const [mail, ...more] = await notify(id);
    expect(more).toEqual([]);
    expect(mail?.to).toBe(address);
    const text = `${mail?.subject}\n${mail?.text}`;
    for (const chosen of ['BUY NOW', 'spam.example', 'Spammer', 'hateful', '/post-']) {
      expect(text).not.toContain(chosen);
    }
    expect(text).toContain('blog.example');
    // A second request within a day sends nothing (the address is not bombarded).
    const again = await post({ url: freshPage(), author: { email: address }, notify: true });
    expect(await notify(again)).toEqual([]);
    // The table holds a keyed hash, never the address.
    const rows = (await env.DB.prepare('SELECT * FROM confirmed_addresses').all()).results;
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('@');
  });

  it('GET shows a page and confirms nothing (link scanners); POST confirms; then replies are e-mailed', async () => {
    const address = `owner-${Date.now()}@example.com`;
    const url = freshPage();
    const parent = await post({ url, author: { email: address }, notify: true });
    const [mail] = await notify(parent);
    const link = linkIn(mail as Mail);

    const page = await request(`${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<form method="post"');
    const before = await post({ url, parentId: parent, body: 'first reply' });
    expect((await notify(before)).filter((m) => m.to === address)).toEqual([]);

    const confirmed = await request(`${link.pathname}${link.search}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(confirmed.status).toBe(200);
    const after = await post({ url, parentId: parent, body: 'second reply' });
    const replies = (await notify(after)).filter((m) => m.to === address);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain('second reply');
  });

  it('refuses a tampered, truncated or expired link with 401, and never a 500', async () => {
    const address = `tamper-${Date.now()}@example.com`;
    const id = await post({ url: freshPage(), author: { email: address }, notify: true });
    const [mail] = await notify(id);
    const link = linkIn(mail as Mail);
    const a = link.searchParams.get('a') ?? '';
    const e = link.searchParams.get('e') ?? '';
    const sig = link.searchParams.get('sig') ?? '';
    const bad = [
      `a=${a}&e=${e}&sig=${'0'.repeat(sig.length)}`,
      `a=${'f'.repeat(a.length)}&e=${e}&sig=${sig}`,
      `a=${a}&e=${Number(e) + 1}&sig=${sig}`,
      `a=${a}&e=0x${Number(e).toString(16)}&sig=${sig}`,
      `a=${a}&e=1&sig=${sig}`,
      `a=${a}&sig=${sig}`,
      'a=&e=&sig=',
    ];
    for (const query of bad) {
      const res = await request(`/api/v1/confirm?${query}`, { method: 'POST' });
      expect([400, 401, 422], query).toContain(res.status);
      expect(res.headers.get('Content-Type')).toMatch(/problem\+json/);
    }
    const row = await env.DB.prepare(
      'SELECT count(*) AS n FROM confirmed_addresses WHERE confirmed_at IS NOT NULL AND address_hash = ?1',
    )
      .bind(a)
      .first<{ n: number }>();
    expect(row?.n).toBe(0);
  });

  it('sends nothing for a honeypot comment, which is never stored', async () => {
    const { json } = await postComment({
      url: freshPage(),
      author: { email: 'bot-target@example.com' },
      notify: true,
      hp: 'filled',
    });
    expect(await notify(json.comment.id)).toEqual([]);
  });
});
