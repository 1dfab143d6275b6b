/**
 * One-click moderation from the notification (issue 14, item 5) and Telegram as a target, end to end in
 * workerd: a held comment's Telegram message (sent to a real Bot-API server on 127.0.0.1) carries the
 * three links; GET shows a page and changes nothing; its form's POST acts once; replays, forgeries and
 * expired links are refused.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { moderationLinks } from '../../worker/lib/moderation-link.ts';
import { actOnLink, type ValidLink } from '../../worker/services/moderation/link-action.ts';
import { ownerEmail } from '../../worker/services/notify/email.ts';
import { type CommentEvent, webhookBody } from '../../worker/services/notify/payload.ts';
import { telegramMessage } from '../../worker/services/notify/telegram.ts';
import { call, freshPage } from './helpers.ts';
import { admin, fakeLog, marker, postWith, storedComment, TELEGRAM } from './spam-helpers.ts';

const HELD = { MODERATION: 'all', RATE_LIMIT_WRITES: 'off' };

/** Posts a held comment with Telegram on; returns its id and the message the bot sent. */
const heldWithMessage = async (vars: Record<string, string> = {}) => {
  const tag = marker('held');
  const { res, json } = await postWith(
    { ...HELD, ...TELEGRAM(), ...vars },
    {
      url: freshPage(),
      body: `Un avis ${tag}`,
      author: { name: 'Zoé' },
    },
  );
  expect(res.status).toBe(201);
  const [sent] = await fakeLog(tag);
  return { id: json.comment.id as string, sent, tag };
};

const buttons = (sent: { fields: Record<string, any> } | undefined): Record<string, string> =>
  Object.fromEntries(
    (sent?.fields.reply_markup?.inline_keyboard?.[0] ?? []).map((b: { text: string; url: string }) => [
      b.text,
      b.url,
    ]),
  );

/** The link as the browser follows it: the path and query on the test origin. */
const open = (url: string, init: RequestInit = {}, accept = 'text/html') => {
  const { pathname, search } = new URL(url);
  return call({}, `${pathname}${search}`, { ...init, headers: { Accept: accept, ...(init.headers ?? {}) } });
};
const openRaw = async (url: string, init: RequestInit = {}, accept = 'text/html') => {
  const { pathname, search } = new URL(url);
  const { exports } = await import('cloudflare:workers');
  return exports.default.fetch(
    new Request(`https://comments.example${pathname}${search}`, { ...init, headers: { Accept: accept } }),
  );
};
const confirm = (url: string) => openRaw(url, { method: 'POST' });

describe('Telegram notifications', () => {
  it('sends a held comment to the chat with Approve / Spam / Delete URL buttons, as plain text', async () => {
    const { sent, tag } = await heldWithMessage();
    expect(sent?.path).toBe('/telegram/bottest-bot-token/sendMessage');
    expect(sent?.contentType).toContain('application/json');
    expect(sent?.fields.chat_id).toBe('-100123');
    expect(sent?.fields.text).toContain('Comment held for moderation by Zoé');
    expect(sent?.fields.text).toContain(`Un avis ${tag}`);
    expect(sent?.fields.parse_mode).toBeUndefined();
    expect(sent?.fields.link_preview_options).toEqual({ is_disabled: true });
    const links = buttons(sent);
    expect(Object.keys(links)).toEqual(['Approve', 'Spam', 'Delete']);
    for (const url of Object.values(links))
      expect(url).toMatch(/^https:\/\/comments\.example\/api\/v1\/moderate\?/);
  });

  it('sends a published comment without buttons', async () => {
    const tag = marker('published');
    await postWith({ RATE_LIMIT_WRITES: 'off', ...TELEGRAM() }, { url: freshPage(), body: `Publié ${tag}` });
    const [sent] = await fakeLog(tag);
    expect(sent?.fields.text).toContain('New comment');
    expect(sent?.fields.reply_markup).toBeUndefined();
  });

  it('never fails the post when the Bot API refuses the token', async () => {
    const { id, sent } = await heldWithMessage({ TELEGRAM_BOT_TOKEN: 'bad-token' });
    expect(sent?.path).toBe('/telegram/botbad-token/sendMessage');
    expect((await storedComment(id))?.status).toBe('pending');
  });

  it('stays under the 4,096 characters of sendMessage with a long comment', () => {
    const message = telegramMessage('1', event('x'.repeat(10_000)));
    expect(message.text.length).toBeLessThanOrEqual(4_096);
  });
});

describe('one-click moderation links', () => {
  it('GET shows a confirmation page and changes nothing; its POST approves; the link works once', async () => {
    const { id, sent } = await heldWithMessage();
    const { Approve: approve = '', Spam: spam = '' } = buttons(sent);

    const page = await openRaw(approve);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toContain('text/html');
    expect(page.headers.get('Cache-Control')).toBe('no-store');
    expect(page.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(page.headers.get('Content-Security-Policy')).toContain("form-action 'self'");
    const html = await page.text();
    expect(html).toContain('<form method="post">');
    expect(html).toContain('Approve this comment?');
    expect(html).toContain('Zoé');
    // A second GET (a link scanner, a preview) still acts on nothing.
    expect((await openRaw(approve)).status).toBe(200);
    expect((await storedComment(id))?.status).toBe('pending');

    const done = await confirm(approve);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('The comment is approved.');
    expect((await storedComment(id))?.status).toBe('approved');

    const { json: audit } = await admin('GET', '/audit?limit=5');
    expect(audit.entries[0]).toMatchObject({
      actor: 'link',
      action: 'comment.status',
      commentId: id,
      detail: { from: 'pending', to: 'approved' },
    });

    // Replayed, or another link of the same message: refused, and nothing changes.
    const replay = await confirm(approve);
    expect(replay.status).toBe(403);
    expect(await replay.text()).toContain('already used');
    const other = await confirm(spam);
    expect(other.status).toBe(403);
    expect((await openRaw(spam)).status).toBe(403);
    expect((await storedComment(id))?.status).toBe('approved');
  });

  it('marks spam, and deletes for good', async () => {
    const first = await heldWithMessage();
    expect((await confirm(buttons(first.sent).Spam ?? '')).status).toBe(200);
    expect((await storedComment(first.id))?.status).toBe('spam');

    const second = await heldWithMessage();
    expect((await confirm(buttons(second.sent).Delete ?? '')).status).toBe(200);
    expect(await storedComment(second.id)).toBeNull();
    // Its other links now lead nowhere.
    expect((await openRaw(buttons(second.sent).Approve ?? '')).status).toBe(403);
  });

  it('refuses a forged link: another action, another comment, a changed signature', async () => {
    const { id, sent } = await heldWithMessage();
    const approve = new URL(buttons(sent).Approve ?? '');
    const forged = [
      (u: URL) => u.searchParams.set('a', 'delete'),
      (u: URL) => u.searchParams.set('c', 'someone-else'),
      // The last character replaced by a different one (a fixed "0" would change nothing one time in 16).
      (u: URL) => {
        const sig = u.searchParams.get('sig') ?? '';
        u.searchParams.set('sig', `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`);
      },
      (u: URL) => u.searchParams.set('e', `${Number(u.searchParams.get('e')) + 1}`),
      (u: URL) => u.searchParams.delete('n'),
    ];
    for (const change of forged) {
      const url = new URL(approve);
      change(url);
      const res = await confirm(url.href);
      // A changed value fails the signature (403); a missing one fails the query's shape (400).
      expect([400, 403]).toContain(res.status);
    }
    expect((await storedComment(id))?.status).toBe('pending');
  });

  it('refuses an expired link, as problem+json for a client that is not a browser', async () => {
    const { id } = await heldWithMessage();
    const eightDaysAgo = Math.floor(Date.now() / 1000) - 8 * 86_400;
    const links = await moderationLinks('https://comments.example', 'test-secret-key', id, eightDaysAgo);
    const { res, json } = await open(links.approve, { method: 'POST' }, 'application/json');
    expect(res.status).toBe(403);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(json).toMatchObject({ code: 'forbidden', detail: 'this moderation link has expired' });
    const page = await openRaw(links.approve);
    expect(page.status).toBe(403);
    expect(page.headers.get('Content-Type')).toContain('text/html');
    expect((await storedComment(id))?.status).toBe('pending');
  });

  it('lets only one of two racing clicks act (the nonce is spent in the action’s own transaction)', async () => {
    const { id } = await heldWithMessage();
    const now = Math.floor(Date.now() / 1000);
    const links = await moderationLinks('https://comments.example', 'test-secret-key', id, now);
    const [approve, spam] = [new URL(links.approve), new URL(links.spam)].map((url) => ({
      commentId: id,
      action: url.searchParams.get('a') as 'approve' | 'spam',
      expires: Number(url.searchParams.get('e')),
      nonce: url.searchParams.get('n') as string,
    }));
    const outcomes = await Promise.all([
      actOnLink(env.DB, approve as ValidLink, new Date()),
      actOnLink(env.DB, spam as ValidLink, new Date()),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['done', 'spent']);
    const status = (await storedComment(id))?.status;
    expect(status === 'approved' || status === 'spam').toBe(true);
    const { json: audit } = await admin('GET', `/audit?commentId=${id}`);
    expect(audit.entries).toHaveLength(1);
  });

  it('answers 404 for a comment erased since the message', async () => {
    const { id, sent } = await heldWithMessage();
    expect((await admin('DELETE', `/comments/${id}`)).res.status).toBe(204);
    const res = await openRaw(buttons(sent).Approve ?? '');
    expect(res.status).toBe(404);
  });

  it('answers 400 problem+json for a link missing its parameters', async () => {
    const { res, json } = await call({}, '/api/v1/moderate?c=x');
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(json.code).toBe('bad_request');
  });
});

function event(body: string): CommentEvent {
  return {
    event: 'comment.held',
    deliveryId: 'd',
    comment: {
      id: 'c1',
      parentId: null,
      status: 'pending',
      author: { name: 'Zoé', website: null },
      body,
      html: '',
      createdAt: '',
    },
    thread: { key: 'k', url: 'https://blog.example/a', title: 'A' },
    adminUrl: 'https://comments.example/admin/',
    actions: {
      approve: 'https://comments.example/api/v1/moderate?a=approve',
      spam: 'https://comments.example/api/v1/moderate?a=spam',
      delete: 'https://comments.example/api/v1/moderate?a=delete',
    },
  };
}

describe('the links in the e-mail and the webhooks', () => {
  it('puts the three links in the owner’s e-mail, text and HTML, in its language', () => {
    const message = ownerEmail(
      { from: 'c@blog.example', ownerEmail: 'me@blog.example' },
      event('hello'),
      null,
      'fr',
    );
    expect(message.text).toContain('Approuver : https://comments.example/api/v1/moderate?a=approve');
    expect(message.text).toContain('Indésirable : https://comments.example/api/v1/moderate?a=spam');
    expect(message.html).toContain('href="https://comments.example/api/v1/moderate?a=delete"');
    expect(message.html).toContain('>Supprimer</a>');
  });

  it('puts them in Slack, Discord (under 2,000 characters) and JSON deliveries', () => {
    expect(JSON.parse(webhookBody(event('hi'), 'slack')).text).toContain(
      '<https://comments.example/api/v1/moderate?a=spam|Spam>',
    );
    const discord = JSON.parse(webhookBody(event('y'.repeat(5000)), 'discord')).content as string;
    expect(discord).toContain('Delete: <https://comments.example/api/v1/moderate?a=delete>');
    expect(discord.length).toBeLessThanOrEqual(2000);
    expect(JSON.parse(webhookBody(event('hi'), 'json')).actions.approve).toContain('a=approve');
  });

  it('gives a published comment’s e-mail no links', () => {
    const { actions: _, ...published } = { ...event('hi'), event: 'comment.created' as const };
    const message = ownerEmail({ from: 'c@blog.example', ownerEmail: 'me@blog.example' }, published, null);
    expect(message.text).not.toContain('/moderate?');
  });
});
