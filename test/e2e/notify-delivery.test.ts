/**
 * Notifications end to end: a real `wrangler dev` of our own (the shared one has fixed vars) whose webhook
 * and e-mail API point at a real HTTP server on 127.0.0.1 standing in for the receiver and the provider.
 * Every wait is on that server's events (a delivery arrived, a connection was dropped), never on a clock.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../support/events.ts';
import { closeServer, listenLocal, onBody, type Stack, startStack } from '../support/stack.ts';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
  /** The receiver has sent its response. */
  answered: boolean;
  /** The worker dropped the request before it was answered (its delivery timeout). */
  dropped: boolean;
}

const WEBHOOK_SECRET = 'e2e-webhook-secret';
const received: Received[] = [];
/** Says 'change' whenever a delivery arrives or is dropped: what `waitFor` listens to. */
const changes = new EventEmitter();
let failNextHook = 0;
/** The receiver answers each delivery once this settles: `holdDeliveries` keeps it pending. */
let answering: Promise<void> = Promise.resolve();
let receiver: Server;
let receiverUrl = '';
let baseUrl = '';
let stack: Stack | undefined;

/** What a receiver must do (documented in the API reference): HMAC over `<timestamp>.<raw body>`, 5 minutes. */
const verify = (r: Received): boolean => {
  const timestamp = String(r.headers['x-causerie-timestamp']);
  const given = Buffer.from(String(r.headers['x-causerie-signature']));
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(`${timestamp}.${r.body}`).digest('hex')}`,
  );
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
  return fresh && given.length === expected.length && timingSafeEqual(given, expected);
};

/** Resolves as soon as the receiver's deliveries satisfy `predicate`, checked on each of its events. */
const waitFor = async (predicate: () => boolean, timeoutMs = 20_000): Promise<void> => {
  await until(
    changes,
    'change',
    predicate,
    timeoutMs,
    () => `timed out; received: ${JSON.stringify(received, null, 1)}`,
  );
};

/** Makes the receiver hold every delivery open, unanswered, until the returned function is called. */
const holdDeliveries = (): (() => void) => {
  let release = () => {};
  answering = new Promise((resolve) => {
    release = resolve;
  });
  return () => {
    release();
    answering = Promise.resolve();
  };
};

const post = async (body: Record<string, unknown>) => {
  const res = await fetch(`${baseUrl}/api/v1/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ url: `${baseUrl}/notify-post`, title: 'Notify', ...body }),
  });
  return { res, json: (await res.json()) as Record<string, any> };
};

const hooks = () => received.filter((r) => r.path === '/hook');
const mails = () => received.filter((r) => r.path === '/mail');
/** The e-mails whose text quotes this comment body (both kinds quote it on a line of its own). */
const mailsQuoting = (body: string) => mails().filter((m) => JSON.parse(m.body).text.includes(`\n${body}\n`));
const recipients = (list: Received[]) => list.map((m) => JSON.parse(m.body).to as string);

beforeAll(async () => {
  receiver = createServer((req, res) =>
    onBody(req, (body) => {
      const entry: Received = {
        path: req.url ?? '',
        headers: req.headers,
        body,
        at: Date.now(),
        answered: false,
        dropped: false,
      };
      res.on('close', () => {
        if (entry.answered) return;
        entry.dropped = true;
        changes.emit('change');
      });
      received.push(entry);
      changes.emit('change');
      void answering.then(() => {
        if (entry.dropped) return;
        entry.answered = true;
        if (req.url === '/hook' && failNextHook > 0) {
          failNextHook--;
          res.writeHead(503).end();
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
      });
    }),
  );
  receiverUrl = await listenLocal(receiver);

  stack = await startStack({
    name: 'notify',
    vars: {
      RATE_LIMIT_WRITES: 'off',
      WEBHOOK_URL: `${receiverUrl}/hook`,
      WEBHOOK_SECRET,
      WEBHOOK_FORMAT: 'json',
      EMAIL_API_URL: `${receiverUrl}/mail`,
      EMAIL_API_KEY: 'e2e-mail-key',
      EMAIL_FROM: 'blog@example.com',
      OWNER_EMAIL: 'owner@example.com',
      BLOCKLIST: 'casino',
    },
  });
  baseUrl = stack.url;
});

afterAll(async () => {
  stack?.stop();
  await closeServer(receiver);
});

describe('notifications', () => {
  it('answers the reader at once, then POSTs a signed webhook and e-mails the owner', async () => {
    received.length = 0;
    // No `notify: true` here: that would add the confirmation e-mail of the double opt-in (tested below).
    // The receiver holds every delivery open: a worker that waited for them could not answer before the
    // release below (or only once its delivery timeouts had dropped them, which the receiver would see).
    const release = holdDeliveries();
    const { res, json } = await post({
      body: 'Bonjour',
      author: { name: 'Zoé', email: 'zoe@example.com' },
    });
    expect(res.status).toBe(201);
    expect(received.filter((r) => r.answered || r.dropped)).toEqual([]);
    // And the deliveries did start: both arrive, and are still held open, after the reader's answer.
    await waitFor(() => hooks().length === 1 && mails().length === 1);
    expect(received.filter((r) => r.answered || r.dropped)).toEqual([]);
    release();
    const [hook] = hooks() as [Received];
    expect(verify(hook)).toBe(true);
    expect(hook.headers['x-causerie-event']).toBe('comment.created');
    expect(JSON.parse(hook.body)).toMatchObject({
      event: 'comment.created',
      comment: { id: json.comment.id, body: 'Bonjour', author: { name: 'Zoé' } },
      thread: { url: `${baseUrl}/notify-post`, title: 'Notify' },
    });
    expect(hook.body).not.toContain('zoe@example.com');
    const [mail] = mails() as [Received];
    expect(mail.headers.authorization).toBe('Bearer e2e-mail-key');
    expect(JSON.parse(mail.body)).toMatchObject({ from: 'blog@example.com', to: 'owner@example.com' });
  });

  it('says when a comment is held, and retries a failed delivery with the same delivery id', async () => {
    received.length = 0;
    failNextHook = 1;
    const { json } = await post({ body: 'cheap casino here' });
    expect(json.comment.status).toBe('pending');
    await waitFor(() => hooks().length === 2);
    const [first, second] = hooks() as [Received, Received];
    expect(second.headers['x-causerie-delivery']).toBe(first.headers['x-causerie-delivery']);
    expect(second.at - first.at).toBeGreaterThanOrEqual(1_500);
    expect(verify(second)).toBe(true);
    expect(JSON.parse(second.body).event).toBe('comment.held');
  });

  it('e-mails a commenter who asked about a reply, with a working one-click unsubscribe', async () => {
    const parent = await post({
      body: 'Question ?',
      author: { name: 'Zoé', email: 'zoe@example.com' },
      notify: true,
    });
    // Another subscriber, who stays subscribed: a reply to her is the marker at the end.
    const other = await post({
      body: 'Autre question ?',
      author: { name: 'Inès', email: 'ines@example.com' },
      notify: true,
    });
    // Double opt-in: each first confirms her address through the link e-mailed to her (GET shows a button,
    // POST confirms).
    for (const address of ['zoe@example.com', 'ines@example.com']) {
      await waitFor(() => mails().some((m) => JSON.parse(m.body).to === address));
      const confirmation = JSON.parse(mails().find((m) => JSON.parse(m.body).to === address)?.body ?? '{}');
      const confirmLink = /(http\S+\/api\/v1\/confirm\?\S+)/.exec(confirmation.text)?.[1] as string;
      expect((await fetch(confirmLink)).status).toBe(200);
      expect((await fetch(confirmLink, { method: 'POST' })).status).toBe(200);
    }
    received.length = 0;
    await post({
      parentId: parent.json.comment.id,
      body: 'Réponse',
      author: { name: 'Léo', email: 'leo@example.com' },
    });
    await waitFor(() => mails().some((m) => JSON.parse(m.body).to === 'zoe@example.com'));
    const mail = JSON.parse(mails().find((m) => JSON.parse(m.body).to === 'zoe@example.com')?.body ?? '{}');
    expect(mail.text).toContain('Léo replied');
    expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const link = /^<(.+)>$/.exec(mail.headers['List-Unsubscribe'])?.[1] as string;
    expect(link.startsWith(`${baseUrl}/api/v1/unsubscribe?c=${parent.json.comment.id}&sig=`)).toBe(true);
    const oneClick = await fetch(link, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    // Unsubscribed: the next reply e-mails the owner only.
    received.length = 0;
    await post({ parentId: parent.json.comment.id, body: 'Encore', author: { name: 'Léo' } });
    await waitFor(() => recipients(mailsQuoting('Encore')).includes('owner@example.com'));
    // The marker: a later reply to the other subscriber. Its e-mail goes through the same steps, started
    // after those of "Encore" had read its parent (each comment's owner e-mail is sent before that read), so
    // by the time it has arrived, an e-mail to Zoé about "Encore" would have arrived too.
    await post({ parentId: other.json.comment.id, body: 'Pour Inès', author: { name: 'Léo' } });
    await waitFor(() => recipients(mailsQuoting('Pour Inès')).includes('ines@example.com'));
    expect(recipients(mailsQuoting('Encore'))).toEqual(['owner@example.com']);
  });
});
