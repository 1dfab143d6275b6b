/**
 * Issue 13, item 2: e-mail sign-in by magic link, in workerd with a stand-in EMAIL binding that keeps the
 * message. POST /auth/email answers 202 for any well-formed address, the link is single-use and lives
 * 15 minutes, its GET only shows a button (scanners follow links), its POST signs the address in and
 * hands the session to the page in the URL fragment.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../worker/env.ts';
import { requestMagicLink } from '../../worker/services/identity/magic-link.ts';
import { call, ORIGIN, request } from './helpers.ts';
import { expectProblem, send, type Vars } from './identity-helpers.ts';

interface Sent {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const sent: Sent[] = [];
const EMAIL = { send: async (message: Sent) => void sent.push(message) } as unknown as SendEmail;
const VARS: Vars = { AUTH: 'optional', EMAIL_FROM: 'blog@example.com' };

let ips = 0;
/** POST /auth/email from its own IP (each test its own budget) unless one is given. */
const ask = (body: Record<string, unknown>, options: { vars?: Vars; ip?: string } = {}) =>
  call({ EMAIL, ...(options.vars ?? VARS) } as Partial<Cloudflare.Env>, '/api/v1/auth/email', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Origin: ORIGIN,
      'CF-Connecting-IP': options.ip ?? `192.0.2.${++ips}`,
    },
    body: JSON.stringify({ origin: ORIGIN, ...body }),
  });

const linkTo = (address: string): URL => {
  const mail = sent.filter((m) => m.to === address).at(-1);
  const link = /https:\/\/comments\.example\/api\/v1\/auth\/email\/verify\?token=[A-Za-z0-9_-]{43}/.exec(
    mail?.text ?? '',
  )?.[0];
  if (!link) throw new Error(`no link to ${address} in ${JSON.stringify(sent)}`);
  return new URL(link);
};

/** The page's button posts an empty form from the worker's own origin. */
const init = (method: 'GET' | 'POST'): RequestInit =>
  method === 'POST'
    ? {
        method,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://comments.example' },
        body: '',
      }
    : { method };

/** A refusal of the link: problem+json, parsed. */
const open = (link: URL, method: 'GET' | 'POST') => call({}, `${link.pathname}${link.search}`, init(method));

/** The link's pages are HTML: their status, headers and text, unparsed. */
const rawPage = async (link: URL, method: 'GET' | 'POST') => {
  const res = await request(`${link.pathname}${link.search}`, init(method));
  return {
    status: res.status,
    type: res.headers.get('Content-Type') ?? '',
    cache: res.headers.get('Cache-Control'),
    text: await res.text(),
  };
};

/** The session the POST page hands over: the fragment of its refresh target. */
const handedOver = (html: string): { target: URL; token: string } => {
  const url = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(html)?.[1]?.replace(/&amp;/g, '&');
  if (!url) throw new Error(`no hand-off in ${html}`);
  const target = new URL(url);
  return { target, token: new URLSearchParams(target.hash.slice(1)).get('causerie-session') ?? '' };
};

describe('POST /api/v1/auth/email', () => {
  it('answers 202 and e-mails a link, the same for a known and an unknown address', async () => {
    const address = `new-${Date.now()}@example.com`;
    const first = await ask({ email: address });
    expect(first.res.status).toBe(202);
    expect(first.json).toEqual({ sent: true });
    const mail = sent.find((m) => m.to === address);
    expect(mail?.subject).toBe('Sign in to comment on blog.example');
    expect(mail?.html).toContain(linkTo(address).href.replace(/&/g, '&amp;'));
    const known = await ask({ email: address });
    expect([known.res.status, known.json]).toEqual([202, { sent: true }]);
  });

  it('answers 404 when sign-in is off (AUTH=off) or no e-mail transport is configured', async () => {
    expectProblem(
      await ask({ email: 'a@example.com' }, { vars: { EMAIL_FROM: 'blog@example.com' } }),
      404,
      'not_found',
    );
    expectProblem(await ask({ email: 'a@example.com' }, { vars: { AUTH: 'optional' } }), 404, 'not_found');
  });

  it('refuses a malformed address or URL (422), a foreign origin (403), a page of another origin (422)', async () => {
    expectProblem(await ask({ email: 'not an address' }), 422, 'validation_failed');
    expectProblem(
      await ask({ email: 'a@example.com', origin: 'javascript:alert(1)' }),
      422,
      'validation_failed',
    );
    expectProblem(
      await ask({ email: 'a@example.com', origin: 'https://evil.example' }),
      403,
      'origin_not_allowed',
    );
    const elsewhere = await ask({ email: 'a@example.com', url: 'https://evil.example/page' });
    expectProblem(elsewhere, 422, 'validation_failed');
    expectProblem(await ask({ email: 'a@example.com', name: 'Admin' }), 422, 'validation_failed');
    expectProblem(await ask({ email: 'a@example.com', name: '' }), 422, 'validation_failed');
  });

  it('limits the links per address (5 an hour) and per IP (20 an hour): 429 with Retry-After', async () => {
    const address = `limited-${Date.now()}@example.com`;
    for (let n = 0; n < 5; n++) expect((await ask({ email: address })).res.status).toBe(202);
    const over = await ask({ email: address });
    expectProblem(over, 429, 'rate_limited');
    expect(Number(over.res.headers.get('Retry-After'))).toBeGreaterThan(0);

    const ip = '198.51.100.7';
    for (let n = 0; n < 20; n++) {
      expect((await ask({ email: `ip-${n}-${Date.now()}@example.com` }, { ip })).res.status).toBe(202);
    }
    expectProblem(await ask({ email: `ip-last-${Date.now()}@example.com` }, { ip }), 429, 'rate_limited');
  });
});

describe('GET|POST /api/v1/auth/email/verify', () => {
  it('shows a button on GET (not consuming), signs in on POST, hands the session to the page, refuses a replay', async () => {
    const address = `Flow-${Date.now()}@Example.com`;
    const back = `${ORIGIN}/2026/11/un-billet?p=1`;
    expect((await ask({ email: address, url: back, name: 'Flo' })).res.status).toBe(202);
    const link = linkTo(address.toLowerCase());

    // Twice: a link scanner's GET leaves the link working for the reader's click.
    for (const _ of [1, 2]) {
      const shown = await rawPage(link, 'GET');
      expect(shown.status).toBe(200);
      expect(shown.type).toContain('text/html');
      expect(shown.cache).toBe('no-store');
      expect(shown.text).toContain('<form method="post"><button type="submit">Sign in</button></form>');
    }
    const signedIn = await rawPage(link, 'POST');
    expect(signedIn.status).toBe(200);
    const { target, token } = handedOver(signedIn.text);
    expect(`${target.origin}${target.pathname}${target.search}`).toBe(back);
    expect(token).toMatch(/^ses_[A-Za-z0-9_-]{43}$/);

    const me = await send('GET', '/api/v1/me', { token });
    expect(me.json).toMatchObject({ name: 'Flo', email: address.toLowerCase(), provider: 'email' });

    expectProblem(await open(link, 'POST'), 401, 'unauthorized');
    expectProblem(await open(link, 'GET'), 401, 'unauthorized');
  });

  it('signs a returning address into the same account, keeping its name when none is given', async () => {
    const address = `again-${Date.now()}@example.com`;
    await ask({ email: address, name: 'First Name' });
    const first = handedOver((await rawPage(linkTo(address), 'POST')).text).token;
    await ask({ email: address });
    const second = handedOver((await rawPage(linkTo(address), 'POST')).text).token;
    const [a, b] = [
      await send('GET', '/api/v1/me', { token: first }),
      await send('GET', '/api/v1/me', { token: second }),
    ];
    expect(b.json.id).toBe(a.json.id);
    expect(b.json.name).toBe('First Name');
  });

  it('names a first sign-in without a name after the address’s local part, and lands on the origin', async () => {
    const address = `plain-${Date.now()}@example.com`;
    await ask({ email: address });
    const { target, token } = handedOver((await rawPage(linkTo(address), 'POST')).text);
    expect(target.href.split('#')[0]).toBe(`${ORIGIN}/`);
    expect((await send('GET', '/api/v1/me', { token })).json.name).toBe(address.split('@')[0]);
  });

  it('refuses a link older than 15 minutes (401), and a malformed token (400)', async () => {
    const address = `old-${Date.now()}@example.com`;
    const settings = readSettings({ ...env, ...VARS, EMAIL } as unknown as Cloudflare.Env);
    const message = await requestMagicLink(
      {
        db: env.DB,
        settings,
        ip: null,
        workerOrigin: 'https://comments.example',
        isAllowedOrigin: () => true,
        lang: 'fr',
        now: new Date(Date.now() - 16 * 60 * 1000),
      },
      { email: address, origin: ORIGIN },
    );
    expect(message.subject).toBe('Connectez-vous pour commenter sur blog.example');
    const link = new URL(/https:\S+token=[A-Za-z0-9_-]{43}/.exec(message.text)?.[0] ?? '');
    expectProblem(await open(link, 'GET'), 401, 'unauthorized');
    expectProblem(await open(link, 'POST'), 401, 'unauthorized');
    expectProblem(await call({}, '/api/v1/auth/email/verify?token=short'), 400, 'bad_request');
    expectProblem(await call({}, '/api/v1/auth/email/verify'), 400, 'bad_request');
  });

  it('is the e-mail provider’s alone: another provider’s GET /verify is no route (404), token or not', async () => {
    const token = 'A'.repeat(43);
    for (const path of [`/api/v1/auth/github/verify?token=${token}`, '/api/v1/auth/github/verify']) {
      const result = await call({}, path, init('GET'));
      expectProblem(result, 404, 'not_found');
      expect(result.json.detail).toBe('no such route');
    }
  });
});
