import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { confirmAddress } from '../../worker/db/confirmed-addresses.ts';
import { readSettings } from '../../worker/env.ts';
import { addressHash } from '../../worker/lib/confirm-link.ts';
import { unsubscribeUrl } from '../../worker/lib/unsubscribe-link.ts';
import { deliver, type RetryPolicy } from '../../worker/services/notify/deliver.ts';
import { ownerEmail, replyEmail } from '../../worker/services/notify/email.ts';
import { notifyComment } from '../../worker/services/notify/index.ts';
import { type CommentEvent, webhookBody } from '../../worker/services/notify/payload.ts';
import { signWebhook, verifyWebhook } from '../../worker/services/notify/sign.ts';
import { freshPage, postComment, request } from './helpers.ts';

const event: CommentEvent = {
  event: 'comment.held',
  deliveryId: 'd-1',
  comment: {
    id: 'c1',
    parentId: null,
    status: 'pending',
    author: { name: '<@everyone> & co', website: null },
    body: 'Hello <b>world</b>\nsecond line',
    html: '<p>Hello</p>',
    createdAt: '2026-11-25T10:00:00.000Z',
  },
  thread: { key: 'https://blog.example/a', url: 'https://blog.example/a', title: 'A & B' },
  adminUrl: 'https://comments.example/admin/',
};

const instant: RetryPolicy = { delaysMs: [10, 20], timeoutMs: 1000, sleep: async () => {} };

describe('webhook signatures', () => {
  it('signs <timestamp>.<body> with HMAC-SHA256, and verification refuses tampering and replays', async () => {
    const body = JSON.stringify(event);
    const now = 1_800_000_000;
    const signature = await signWebhook('s3cret', now, body);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    const headers = { timestamp: String(now), signature };
    expect(await verifyWebhook('s3cret', headers, body, now + 10)).toBe(true);
    expect(await verifyWebhook('s3cret', headers, `${body} `, now)).toBe(false);
    expect(await verifyWebhook('other', headers, body, now)).toBe(false);
    expect(await verifyWebhook('s3cret', { ...headers, timestamp: String(now + 1) }, body, now)).toBe(false);
    expect(await verifyWebhook('s3cret', headers, body, now + 301)).toBe(false);
  });

  it('matches an HMAC computed independently (what a receiver in another language computes)', async () => {
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode('k'),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode('42.{}'));
    const hex = Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('');
    expect(await signWebhook('k', 42, '{}')).toBe(`sha256=${hex}`);
  });
});

describe('webhook bodies', () => {
  it('json: the whole event, with no e-mail address or IP hash in it', () => {
    const json = JSON.parse(webhookBody(event, 'json'));
    expect(json).toEqual(event);
    expect(JSON.stringify(json)).not.toMatch(/email|ipHash/);
  });

  it('slack: { text } with &, < and > escaped, and the comment quoted', () => {
    const { text } = JSON.parse(webhookBody(event, 'slack'));
    expect(text).toContain('*Comment held for moderation* by &lt;@everyone&gt; &amp; co');
    expect(text).toContain('<https://blog.example/a|A &amp; B>');
    expect(text).toContain('> Hello &lt;b&gt;world&lt;/b&gt;\n> second line');
    expect(text).toContain('<https://comments.example/admin/|Moderate>');
  });

  it('discord: { content } under 2,000 characters, mentions disabled', () => {
    const long = { ...event, comment: { ...event.comment, body: 'x'.repeat(5000) } };
    const json = JSON.parse(webhookBody(long, 'discord'));
    expect(json.allowed_mentions).toEqual({ parse: [] });
    expect(json.content.length).toBeLessThanOrEqual(2000);
    expect(json.content).toContain('**Comment held for moderation**');
  });
});

describe('deliver', () => {
  it('retries network errors and 5xx with pauses, then stops at the first success', async () => {
    const pauses: number[] = [];
    const answers = [
      () => Promise.reject(new Error('down')),
      () => Promise.resolve(new Response('', { status: 503 })),
      () => Promise.resolve(new Response('ok')),
    ];
    let n = 0;
    const result = await deliver(() => (answers[n++] as () => Promise<Response>)(), {
      ...instant,
      sleep: async (ms) => {
        pauses.push(ms);
      },
    });
    expect(result).toEqual({ ok: true, attempts: 3, status: 200 });
    expect(pauses).toEqual([10, 20]);
  });

  it('gives up at once on a 4xx other than 408/429, and after the last attempt otherwise', async () => {
    let calls = 0;
    const bad = await deliver(async () => {
      calls++;
      return new Response('', { status: 400 });
    }, instant);
    expect(bad).toEqual({ ok: false, attempts: 1, status: 400 });
    const busy = await deliver(async () => new Response('', { status: 429 }), instant);
    expect(busy).toEqual({ ok: false, attempts: 3, status: 429 });
    expect(calls).toBe(1);
  });
});

describe('e-mails', () => {
  const settings = {
    apiUrl: 'https://mail.example/send',
    apiKey: 'k',
    from: 'blog@example.com',
    ownerEmail: 'me@example.com',
  };

  it('tells the owner of a held comment, with the author e-mail', () => {
    const mail = ownerEmail(settings, event, 'zoe@example.com');
    expect(mail).toMatchObject({
      from: 'blog@example.com',
      to: 'me@example.com',
      subject: 'Held for moderation: A & B',
    });
    expect(mail.text).toContain('<zoe@example.com>');
    expect(mail.text).toContain('Moderate: https://comments.example/admin/');
  });

  it('tells a commenter of a reply, with RFC 8058 one-click unsubscribe headers', () => {
    const mail = replyEmail(
      settings,
      event,
      'zoe@example.com',
      'https://comments.example/api/v1/unsubscribe?c=p&sig=s',
    );
    expect(mail.headers).toEqual({
      'List-Unsubscribe': '<https://comments.example/api/v1/unsubscribe?c=p&sig=s>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(mail.text).toContain('https://comments.example/api/v1/unsubscribe?c=p&sig=s');
  });
});

describe('notifyComment', () => {
  const capture = () => {
    const sent: Array<{ url: string; headers: Headers; body: any }> = [];
    const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push({
        url: String(input),
        headers: new Headers(init?.headers),
        body: JSON.parse(String(init?.body)),
      });
      return new Response('ok');
    }) as typeof fetch;
    return { sent, fetcher };
  };

  const settings = readSettings({
    ...env,
    WEBHOOK_URL: 'https://hooks.example/in',
    WEBHOOK_SECRET: 'whsec',
    EMAIL_API_URL: 'https://mail.example/send',
    EMAIL_API_KEY: 'mailkey',
    EMAIL_FROM: 'blog@example.com',
    OWNER_EMAIL: 'me@example.com',
  });

  it('sends the signed webhook and the owner e-mail for a new comment, and a reply e-mail to who asked', async () => {
    const url = freshPage();
    const parent = await postComment({
      url,
      author: { name: 'Zoé', email: 'zoe@example.com' },
      notify: true,
    });
    const reply = await postComment({
      url,
      parentId: parent.json.comment.id,
      author: { name: 'Léo', email: 'leo@example.com' },
      body: 'Je réponds',
    });
    // Reply e-mails go to confirmed addresses only (double opt-in: address-confirmation.test.ts).
    await confirmAddress(
      env.DB,
      await addressHash(env.SECRET_KEY, 'zoe@example.com'),
      new Date().toISOString(),
    );
    const { sent, fetcher } = capture();
    const ctx = { db: env.DB, settings, origin: 'https://comments.example', fetcher, retry: instant };
    await notifyComment(ctx, reply.json.comment.id, { owner: true });
    // The three go out concurrently: compare them in a fixed order.
    sent.sort((a, b) => String(a.body.to ?? '').localeCompare(String(b.body.to ?? '')));
    expect(sent.map((s) => [s.url, s.body.to ?? null])).toEqual([
      ['https://hooks.example/in', null],
      ['https://mail.example/send', 'me@example.com'],
      ['https://mail.example/send', 'zoe@example.com'],
    ]);
    const [hook, , toReader] = sent as [any, any, any];
    expect(hook.body).toMatchObject({
      event: 'comment.created',
      comment: { body: 'Je réponds', author: { name: 'Léo' } },
    });
    const ok = await verifyWebhook(
      'whsec',
      {
        timestamp: hook.headers.get('X-Causerie-Timestamp'),
        signature: hook.headers.get('X-Causerie-Signature'),
      },
      JSON.stringify(hook.body),
      Math.floor(Date.now() / 1000),
    );
    expect(ok).toBe(true);
    expect(toReader.headers.get('Authorization')).toBe('Bearer mailkey');
    expect(toReader.body.headers['List-Unsubscribe']).toBe(
      `<${await unsubscribeUrl('https://comments.example', env.SECRET_KEY, parent.json.comment.id)}>`,
    );
  });

  it('sends nothing to the reader who did not ask, and no owner alert for the owner own reply', async () => {
    const url = freshPage();
    const parent = await postComment({ url, author: { email: 'zoe@example.com' } });
    const reply = await postComment({ url, parentId: parent.json.comment.id });
    const { sent, fetcher } = capture();
    await notifyComment(
      { db: env.DB, settings, origin: 'https://c.example', fetcher, retry: instant },
      reply.json.comment.id,
      { owner: false },
    );
    expect(sent).toEqual([]);
  });
});

describe('GET|POST /api/v1/unsubscribe', () => {
  it('turns reply e-mails off with a valid link, by GET or by RFC 8058 one-click POST', async () => {
    const { json } = await postComment({
      url: freshPage(),
      author: { email: 'zoe@example.com' },
      notify: true,
    });
    const id = json.comment.id;
    const link = new URL(await unsubscribeUrl('https://comments.example', env.SECRET_KEY, id));
    const notify = async () =>
      (await env.DB.prepare('SELECT notify FROM comments WHERE id = ?1').bind(id).first())?.notify;
    expect(await notify()).toBe(1);
    const bad = await request(`/api/v1/unsubscribe?c=${id}&sig=${'0'.repeat(32)}`);
    expect(bad.status).toBe(401);
    expect(await notify()).toBe(1);
    const res = await request(`${link.pathname}${link.search}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect(await notify()).toBe(0);
    const page = await request(`${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
  });
});
