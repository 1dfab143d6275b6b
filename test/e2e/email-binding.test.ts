/**
 * Issue 20 end to end: a `wrangler dev` of our own with wrangler.toml's `[[send_email]] name = "EMAIL"`
 * and no EMAIL_API_URL, so the worker sends through the binding, which wrangler dev simulates
 * (https://developers.cloudflare.com/email-service/local-development/sending/): it writes each message's
 * parts to files under .wrangler/tmp/email/<session>/email-text|email-html/ and logs their paths, and its
 * Local Explorer API (/cdn-cgi/local/explorer/api/local/email/sending) lists every message with its
 * subject and headers. The test reads both, then follows the unsubscribe link of the reply e-mail.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../support/stack.ts';

interface SentItem {
  messageId: string;
  to: string[];
  subject: string;
}

interface SentDetail extends SentItem {
  from: string;
  replyTo?: string;
  headers?: Record<string, string>;
  text?: string;
  html?: string;
}

let baseUrl = '';
let server: Stack;

const explorer = (query: string) => `${baseUrl}/cdn-cgi/local/explorer/api/local/email/sending${query}`;

const sentList = async (): Promise<SentItem[]> =>
  ((await (await fetch(explorer('?per_page=100'))).json()) as { result: SentItem[] }).result;

/** Polls the simulation until a message to `to` whose subject matches has been sent; answers its details. */
const waitForMail = async (to: string, subject: RegExp, timeoutMs = 20_000): Promise<SentDetail> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const hit = (await sentList()).find((m) => m.to.some((t) => t.includes(to)) && subject.test(m.subject));
    if (hit) {
      const res = await fetch(explorer(`?email_id=${encodeURIComponent(hit.messageId)}`));
      return ((await res.json()) as { result: SentDetail }).result;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no e-mail to ${to} matching ${subject}; sent: ${JSON.stringify(await sentList())}`);
};

/** The files the simulation logged for the message with this subject (text and HTML parts). */
const waitForFiles = async (subject: string, timeoutMs = 20_000): Promise<{ text: string; html: string }> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const block = server
      .log()
      // biome-ignore lint/suspicious/noControlCharactersInRegex: wrangler colours its log lines
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('send_email binding called with MessageBuilder:')
      .find((b) => b.includes(`Subject: ${subject}\n`));
    const text = /Text: (\S+\.txt)/.exec(block ?? '')?.[1];
    const html = /HTML: (\S+\.html)/.exec(block ?? '')?.[1];
    if (text && html) return { text: readFileSync(text, 'utf8'), html: readFileSync(html, 'utf8') };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no files logged for "${subject}"\n${server.log()}`);
};

const post = async (body: Record<string, unknown>, lang = 'fr-FR,fr;q=0.9,en;q=0.5') => {
  const res = await fetch(`${baseUrl}/api/v1/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
    body: JSON.stringify({ url: `${baseUrl}/billet`, title: 'Un billet', ...body }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { comment: { id: string } }).comment.id;
};

beforeAll(async () => {
  server = await startStack({
    name: 'email',
    vars: {
      RATE_LIMIT_WRITES: 'off',
      // No EMAIL_API_URL: the EMAIL binding is the transport.
      EMAIL_FROM: 'comments@blog.example',
      OWNER_EMAIL: 'owner@blog.example',
    },
  });
  baseUrl = server.url;
});

afterAll(() => {
  server?.stop();
});

describe('e-mail through the Email Service binding (wrangler dev simulation)', () => {
  it('sends the confirmation, the owner alert and the reply notification, multipart, in French', async () => {
    const parent = await post({
      body: 'Une question ?',
      author: { name: 'Zoé', email: 'zoe@example.com' },
      notify: true,
    });
    // Double opt-in: the confirmation e-mail, in the language of the page's writer.
    const confirmation = await waitForMail('zoe@example.com', /^Confirmez/);
    expect(confirmation.subject).toBe(
      `Confirmez les e-mails de commentaires sur 127.0.0.1:${new URL(baseUrl).port}`,
    );
    const confirmLink = /(http\S+\/api\/v1\/confirm\?\S+)/.exec(confirmation.text ?? '')?.[1] as string;
    expect((await fetch(confirmLink, { method: 'POST' })).status).toBe(200);

    await post({
      parentId: parent,
      body: 'Voici la **réponse**.',
      author: { name: 'Léo', email: 'leo@example.com' },
    });
    const reply = await waitForMail('zoe@example.com', /^Nouvelle réponse/);
    expect(reply.from).toContain('comments@blog.example');
    expect(reply.subject).toBe('Nouvelle réponse à votre commentaire : Un billet');
    // Never a reader's address to reply to.
    expect(reply.replyTo ?? '').not.toContain('leo@example.com');
    expect(reply.text).toContain('Léo a répondu à votre commentaire');
    expect(reply.text).toContain('Voici la **réponse**.');
    expect(reply.text).toContain(`Lire la réponse : ${baseUrl}/billet#comment-`);
    expect(reply.html).toContain('<html lang="fr">');
    expect(reply.html).toContain('<strong>réponse</strong>');
    const headers = Object.fromEntries(
      Object.entries(reply.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    expect(headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const link = /^<(.+)>$/.exec(headers['list-unsubscribe'] ?? '')?.[1] as string;
    expect(link.startsWith(`${baseUrl}/api/v1/unsubscribe?c=${parent}&sig=`)).toBe(true);

    // The files the simulation wrote hold the same two parts.
    const files = await waitForFiles(reply.subject);
    expect(files.text).toBe(reply.text);
    expect(files.html).toBe(reply.html);

    // The owner's alert went out too (the reply was the reader's, not the owner's).
    const owner = await waitForMail('owner@blog.example', /Un billet$/);
    expect(owner.text).toContain('Léo <leo@example.com>');

    // The unsubscribe link works when followed: the page, then RFC 8058's one-click POST.
    const page = await fetch(link);
    expect(page.status).toBe(200);
    const oneClick = await fetch(link, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);

    // Every message is in the owner's mail log, sent through the binding (each row is written once its
    // send has resolved: wait for the four).
    const logged = async () => {
      const res = await fetch(`${baseUrl}/api/v1/admin/mail`, {
        headers: { Authorization: 'Bearer e2e-admin-token' },
      });
      const { mail } = (await res.json()) as {
        mail: Array<{ kind: string; to: string; status: string; transport: string }>;
      };
      return mail.map((m) => `${m.kind} ${m.to} ${m.status} ${m.transport}`).sort();
    };
    const deadline = Date.now() + 20_000;
    while ((await logged()).length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await logged()).toEqual([
      'confirm zoe@example.com sent binding',
      'owner owner@blog.example sent binding',
      'owner owner@blog.example sent binding',
      'reply zoe@example.com sent binding',
    ]);
  });
});
