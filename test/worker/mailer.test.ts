/**
 * Issue 20: one module sends e-mail (services/notify/mailer.ts). The transport the settings choose, the
 * retries and the mail log (D1, real), the per-recipient daily cap, the digest of a burst of replies, and
 * the messages themselves (both parts, the reader's language). The binding is workerd's own EMAIL (the
 * simulation of wrangler.toml's `[[send_email]]`) or, to see what it was handed, a recording stand-in.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { confirmAddress } from '../../worker/db/confirmed-addresses.ts';
import { readSettings } from '../../worker/env.ts';
import { addressHash } from '../../worker/lib/confirm-link.ts';
import { pickMailLang } from '../../worker/lib/mail-i18n/index.ts';
import type { RetryPolicy } from '../../worker/services/notify/deliver.ts';
import { DIGEST_WINDOW_MINUTES, flushDigests } from '../../worker/services/notify/digest.ts';
import { type EmailMessage, replyEmail } from '../../worker/services/notify/email.ts';
import { mailContext, notifyComment } from '../../worker/services/notify/index.ts';
import { type MailContext, sendMail } from '../../worker/services/notify/mailer.ts';
import type { CommentEvent } from '../../worker/services/notify/payload.ts';
import { admin, freshPage, postComment, request } from './helpers.ts';

const instant: RetryPolicy = { delaysMs: [10, 20], timeoutMs: 1000, sleep: async () => {} };

/** A stand-in for the EMAIL binding that keeps what it was asked to send; `fail` makes it throw first. */
const recordingBinding = (fail = 0) => {
  const sent: EmailMessageBuilder[] = [];
  let calls = 0;
  const binding = {
    send: async (builder: EmailMessageBuilder) => {
      calls++;
      if (calls <= fail) throw new Error('E_DELIVERY_FAILED: simulated');
      sent.push(builder);
      return { messageId: `<m${calls}@example.com>` };
    },
  } as unknown as SendEmail;
  return { binding, sent, calls: () => calls };
};

const bindingSettings = (vars: Record<string, string> = {}) =>
  readSettings({ ...env, EMAIL_FROM: 'blog@example.com', ...vars }).email;

let seq = 0;
const address = () => `reader-${Date.now().toString(36)}-${++seq}@example.com`;

const message = (to: string): EmailMessage => ({
  from: 'blog@example.com',
  to,
  subject: 'Hello',
  text: 'Hello',
  html: '<p>Hello</p>',
});

const logOf = async (to: string) =>
  (
    await env.DB.prepare(
      'SELECT status, attempts, last_status, error, kind FROM mail_log WHERE recipient = ?1 ORDER BY id',
    )
      .bind(to)
      .all<{
        status: string;
        attempts: number;
        last_status: number | null;
        error: string | null;
        kind: string;
      }>()
  ).results;

describe('the transport', () => {
  it('is the EMAIL binding by default, the HTTP API when EMAIL_TRANSPORT=http or only EMAIL_API_URL is set', () => {
    expect(bindingSettings()?.transport).toBe('binding');
    expect(
      bindingSettings({ EMAIL_TRANSPORT: 'http', EMAIL_API_URL: 'https://mail.example/send' })?.transport,
    ).toBe('http');
    // A deployment that used the HTTP API before the binding existed keeps it.
    expect(bindingSettings({ EMAIL_API_URL: 'https://mail.example/send' })?.transport).toBe('http');
    expect(
      bindingSettings({ EMAIL_TRANSPORT: 'binding', EMAIL_API_URL: 'https://mail.example/send' })?.transport,
    ).toBe('binding');
    // Asked for, but missing: e-mail is off rather than sent some other way.
    expect(bindingSettings({ EMAIL_TRANSPORT: 'http' })).toBeNull();
    expect(
      readSettings({ ...env, EMAIL: undefined, EMAIL_FROM: 'blog@example.com' } as never).email,
    ).toBeNull();
    expect(readSettings({ ...env, EMAIL_FROM: '' }).email).toBeNull();
  });

  it('hands the binding from, to, subject, both parts and the headers, and logs the message as sent', async () => {
    const email = bindingSettings();
    if (!email) throw new Error('no e-mail settings');
    const { binding, sent } = recordingBinding();
    const fetched: string[] = [];
    const fetcher = (async (input: RequestInfo | URL) => {
      fetched.push(String(input));
      return new Response('ok');
    }) as typeof fetch;
    const to = address();
    const mail = { ...message(to), headers: { 'List-Unsubscribe': '<https://x.example/u>' } };
    const result = await sendMail({ db: env.DB, email, binding, fetcher, retry: instant }, mail, 'reply');
    expect(result.ok).toBe(true);
    expect(fetched).toEqual([]);
    expect(sent).toEqual([
      {
        from: 'blog@example.com',
        to,
        subject: 'Hello',
        text: 'Hello',
        html: '<p>Hello</p>',
        headers: { 'List-Unsubscribe': '<https://x.example/u>' },
      },
    ]);
    expect(await logOf(to)).toEqual([
      { status: 'sent', attempts: 1, last_status: 202, error: null, kind: 'reply' },
    ]);
  });

  it('sends through the real EMAIL binding of this worker (workerd simulates Email Service)', async () => {
    const email = bindingSettings();
    if (!email) throw new Error('no e-mail settings');
    const to = address();
    const ctx: MailContext = { db: env.DB, email, binding: env.EMAIL, fetcher: fetch, retry: instant };
    expect((await sendMail(ctx, message(to), 'owner')).ok).toBe(true);
    expect((await logOf(to))[0]?.status).toBe('sent');
  });

  it('POSTs the JSON message with the bearer key to EMAIL_API_URL with the HTTP transport', async () => {
    const email = bindingSettings({
      EMAIL_TRANSPORT: 'http',
      EMAIL_API_URL: 'https://mail.example/send',
      EMAIL_API_KEY: 'k1',
    });
    if (!email) throw new Error('no e-mail settings');
    const { binding, sent } = recordingBinding();
    const posted: Array<{ url: string; auth: string | null; body: any }> = [];
    const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
      posted.push({
        url: String(input),
        auth: new Headers(init?.headers).get('Authorization'),
        body: JSON.parse(String(init?.body)),
      });
      return new Response('ok');
    }) as typeof fetch;
    const to = address();
    await sendMail({ db: env.DB, email, binding, fetcher, retry: instant }, message(to), 'owner');
    expect(sent).toEqual([]);
    expect(posted).toEqual([
      { url: 'https://mail.example/send', auth: 'Bearer k1', body: { ...message(to) } },
    ]);
  });
});

describe('retries and the mail log', () => {
  it('retries a failing binding, and records the success after the retries', async () => {
    const email = bindingSettings();
    if (!email) throw new Error('no e-mail settings');
    const { binding, calls } = recordingBinding(2);
    const to = address();
    const result = await sendMail(
      { db: env.DB, email, binding, fetcher: fetch, retry: instant },
      message(to),
      'reply',
    );
    expect(result).toMatchObject({ ok: true, attempts: 3 });
    expect(calls()).toBe(3);
    expect(await logOf(to)).toEqual([
      { status: 'sent', attempts: 3, last_status: 202, error: null, kind: 'reply' },
    ]);
  });

  it('records a message that failed every attempt, and shows it to the owner at GET /admin/mail?status=failed', async () => {
    const email = bindingSettings({ EMAIL_TRANSPORT: 'http', EMAIL_API_URL: 'https://mail.example/send' });
    if (!email) throw new Error('no e-mail settings');
    let attempts = 0;
    const fetcher = (async () => {
      attempts++;
      return new Response('down', { status: 503 });
    }) as unknown as typeof fetch;
    const to = address();
    const result = await sendMail({ db: env.DB, email, fetcher, retry: instant }, message(to), 'owner');
    expect(result).toEqual({ ok: false, attempts: 3, status: 503 });
    expect(attempts).toBe(3);
    const { res, json } = await admin('GET', '/mail?status=failed');
    expect(res.status).toBe(200);
    expect(json.mail.find((m: any) => m.to === to)).toMatchObject({
      kind: 'owner',
      subject: 'Hello',
      transport: 'http',
      status: 'failed',
      attempts: 3,
      lastStatus: 503,
      error: 'HTTP 503',
    });
    expect(json.mail.every((m: any) => m.status === 'failed')).toBe(true);
  });

  it('records the error a binding threw on every attempt', async () => {
    const email = bindingSettings();
    if (!email) throw new Error('no e-mail settings');
    const { binding } = recordingBinding(99);
    const to = address();
    await sendMail({ db: env.DB, email, binding, fetcher: fetch, retry: instant }, message(to), 'confirm');
    expect(await logOf(to)).toEqual([
      {
        status: 'failed',
        attempts: 3,
        last_status: null,
        error: 'E_DELIVERY_FAILED: simulated',
        kind: 'confirm',
      },
    ]);
  });

  it('answers a bad status filter with a 400 problem, and the mail log only to the owner', async () => {
    const { res, json } = await admin('GET', '/mail?status=lost');
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(JSON.stringify(json)).toContain('must be sent, failed, capped, queued, digested or all');
    expect((await request('/api/v1/admin/mail')).status).toBe(401);
  });
});

describe('the daily cap per recipient', () => {
  it('sends up to EMAIL_DAILY_CAP_PER_RECIPIENT messages a day to one address, then logs the rest as capped', async () => {
    const email = bindingSettings({ EMAIL_DAILY_CAP_PER_RECIPIENT: '2' });
    if (!email) throw new Error('no e-mail settings');
    expect(email.dailyCapPerRecipient).toBe(2);
    expect(bindingSettings({ EMAIL_DAILY_CAP_PER_RECIPIENT: 'lots' })?.dailyCapPerRecipient).toBe(20);
    const { binding, sent } = recordingBinding();
    const ctx = { db: env.DB, email, binding, fetcher: fetch, retry: instant };
    const to = address();
    const other = address();
    const now = new Date();
    for (let i = 0; i < 3; i++) await sendMail(ctx, message(to), 'reply', now);
    await sendMail(ctx, message(other), 'reply', now);
    expect(sent.map((m) => m.to)).toEqual([to, to, other]);
    expect((await logOf(to)).map((r) => r.status)).toEqual(['sent', 'sent', 'capped']);
    // A day later the count starts again.
    await sendMail(ctx, message(to), 'reply', new Date(now.getTime() + 24 * 3600_000 + 1000));
    expect(sent.map((m) => m.to)).toEqual([to, to, other, to]);
  });
});

describe('a burst of replies to one person becomes one digest', () => {
  it('sends the first reply at once, queues the next ones in the window, and sends them as one digest after it', async () => {
    const settings = readSettings({ ...env, EMAIL_FROM: 'blog@example.com' });
    const email = settings.email;
    if (!email) throw new Error('no e-mail settings');
    const url = freshPage();
    const zoe = address();
    const parent = await postComment({
      url,
      title: 'Un billet',
      author: { name: 'Zoé', email: zoe },
      notify: true,
    });
    await confirmAddress(env.DB, await addressHash(env.SECRET_KEY, zoe), new Date().toISOString());
    const { binding, sent } = recordingBinding();
    const ctx = {
      db: env.DB,
      settings,
      origin: 'https://comments.example',
      fetcher: fetch,
      retry: instant,
      binding,
      lang: 'fr' as const,
    };
    for (const body of ['Première réponse', 'Deuxième réponse', 'Troisième réponse']) {
      const reply = await postComment({
        url,
        parentId: parent.json.comment.id,
        body,
        author: { name: 'Léo' },
      });
      await notifyComment(ctx, reply.json.comment.id, { owner: false });
    }
    expect(sent.map((m) => m.to)).toEqual([zoe]);
    expect(sent[0]?.text).toContain('Première réponse');
    expect((await logOf(zoe)).map((r) => r.status)).toEqual(['sent', 'queued', 'queued']);
    // Inside the window nothing is due yet.
    const mail = mailContext(ctx, email);
    expect(await flushDigests(mail, new Date())).toBe(0);
    const later = new Date(Date.now() + (DIGEST_WINDOW_MINUTES + 1) * 60_000);
    expect(await flushDigests(mail, later)).toBeGreaterThanOrEqual(1);
    const digest = sent.find((m) => m.to === zoe && m !== sent[0]);
    expect(digest?.subject).toBe('2 nouvelles réponses à vos commentaires sur blog.example');
    expect(digest?.text).toContain('Deuxième réponse');
    expect(digest?.text).toContain('Troisième réponse');
    expect(digest?.html).toContain('lang="fr"');
    expect(digest?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect((await logOf(zoe)).map((r) => `${r.kind}:${r.status}`)).toEqual([
      'reply:sent',
      'reply:digested',
      'reply:digested',
      'digest:sent',
    ]);
    // Sent once: a second run finds nothing more for her.
    await flushDigests(mail, later);
    expect(sent.filter((m) => m.to === zoe)).toHaveLength(2);
  });
});

describe('messages in the reader language', () => {
  const event: CommentEvent = {
    event: 'comment.created',
    deliveryId: 'd-2',
    comment: {
      id: 'c42',
      parentId: 'c1',
      status: 'approved',
      author: { name: 'Léo <script>', website: null },
      body: 'Un **avis**',
      html: '<p>Un <strong>avis</strong></p>',
      createdAt: '2026-11-25T10:00:00.000Z',
    },
    thread: { key: 'k', url: 'https://blog.example/a', title: 'Des <b>titres</b> & co' },
    adminUrl: 'https://comments.example/admin/',
  };

  it('picks the language from Accept-Language among those the widget speaks, English otherwise', () => {
    expect(pickMailLang('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(pickMailLang('de-DE,de;q=0.9,fr;q=0.5,en;q=0.7')).toBe('en');
    expect(pickMailLang('de, fr;q=0.3')).toBe('fr');
    expect(pickMailLang('fr;q=0, en')).toBe('en');
    expect(pickMailLang(undefined)).toBe('en');
  });

  it('writes a reply notification in French: both parts, the anchor link, the site, escaped values', () => {
    const mail = replyEmail(
      { from: 'blog@example.com' },
      event,
      'zoe@example.com',
      'https://c.example/u?c=c1&sig=s',
      'fr',
    );
    expect(mail.subject).toBe('Nouvelle réponse à votre commentaire : Des <b>titres</b> & co');
    expect(mail.text).toContain('Léo <script> a répondu à votre commentaire sur https://blog.example/a :');
    expect(mail.text).toContain('Lire la réponse : https://blog.example/a#comment-c42');
    expect(mail.text).toContain('Envoyé par les commentaires de blog.example.');
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.html).toContain(
      '<title>Nouvelle réponse à votre commentaire : Des &lt;b&gt;titres&lt;/b&gt; &amp; co</title>',
    );
    expect(mail.html).toContain('Léo &lt;script&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('<blockquote style="');
    expect(mail.html).toContain('<p>Un <strong>avis</strong></p>');
    expect(mail.html).toContain('href="https://blog.example/a#comment-c42"');
    expect(mail.html).toContain('href="https://c.example/u?c=c1&amp;sig=s"');
    expect(mail).not.toHaveProperty('replyTo');
  });

  it('trims a long comment to a preview in both parts', () => {
    const long = {
      ...event,
      comment: { ...event.comment, body: 'x'.repeat(3000), html: `<p>${'y'.repeat(5000)}</p>` },
    };
    const mail = replyEmail({ from: 'b@example.com' }, long, 'z@example.com', 'https://c.example/u', 'en');
    expect(mail.text).toContain(`${'x'.repeat(500)}…`);
    expect(mail.text).not.toContain('x'.repeat(501));
    expect(mail.html).not.toContain('y'.repeat(2000));
  });
});
