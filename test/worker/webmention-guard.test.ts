// The Webmention verifier's pure parts: the SSRF guard, the request checks, the link check and the
// h-entry reading (lib/webmention/*), on addresses and pages written to trick them.
import { describe, expect, it } from 'vitest';
import { checkAddress } from '../../worker/lib/webmention/address-guard.ts';
import { nextAttempt } from '../../worker/lib/webmention/attempts.ts';
import { parseMention } from '../../worker/lib/webmention/h-entry.ts';
import { linksTo } from '../../worker/lib/webmention/links-to.ts';
import { checkMention } from '../../worker/lib/webmention/mention-request.ts';

const guard = (url: string, allowLoopback = false) => checkAddress(new URL(url), allowLoopback).ok;

describe('the SSRF guard', () => {
  it.each([
    'http://127.0.0.1/',
    'http://127.1.2.3:8080/x',
    'http://2130706433/', // 127.0.0.1 as one number: URL makes it dotted
    'http://0x7f.0.0.1/',
    'http://0177.0.0.1/',
    'http://localhost/',
    'http://LOCALHOST./',
    'http://foo.localhost/',
    'http://printer.local/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    'http://172.16.5.4/',
    'http://172.31.255.255/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
    'http://[::1]/',
    'http://[::]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:a9fe:a9fe]/', // 169.254.169.254, mapped
    'http://[64:ff9b::10.0.0.1]/',
    'http://[fd00:ec2::254]/',
    'http://[fc00::1]/',
    'http://[fe80::1]/',
    'http://[ff02::1]/',
    'http://intranet/',
    'http://user:pass@blog.example/',
    'ftp://files.example/',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(guard(url)).toBe(false);
  });

  it.each([
    'https://blog.example/post',
    'http://93.184.215.14/',
    'https://[2606:4700:4700::1111]/',
    'https://172.32.0.1/',
    'https://xn--caf-dma.example/',
  ])('lets %s through', (url) => {
    expect(guard(url)).toBe(true);
  });

  it('lets exactly 127.0.0.1 through with the test override, and nothing else local', () => {
    expect(guard('http://127.0.0.1:4000/', true)).toBe(true);
    expect(guard('http://127.0.0.2/', true)).toBe(false);
    expect(guard('http://localhost:4000/', true)).toBe(false);
    expect(guard('http://[::1]/', true)).toBe(false);
    expect(guard('http://169.254.169.254/', true)).toBe(false);
  });
});

describe('the synchronous checks of a request', () => {
  const ours = (origin: string) => origin === 'https://blog.example';
  const check = (source: string, target: string) => checkMention(source, target, ours, false);

  it('accepts a mention of one of our pages from elsewhere', () => {
    expect(check('https://alice.example/re', 'https://blog.example/post').ok).toBe(true);
  });

  it.each([
    ['not a URL', 'https://blog.example/post', 'source must be an absolute http(s) URL'],
    ['javascript:alert(1)', 'https://blog.example/post', 'source must be an absolute http(s) URL'],
    ['https://alice.example/re', '/post', 'target must be an absolute http(s) URL'],
    ['https://blog.example/post#a', 'https://blog.example/post', 'source and target must be different URLs'],
    ['https://alice.example/re', 'https://elsewhere.example/post', 'target is not a page of this site'],
    ['http://127.0.0.1/re', 'https://blog.example/post', 'source may not be fetched'],
    [`https://alice.example/${'x'.repeat(2000)}`, 'https://blog.example/post', 'source must be'],
  ])('refuses source %s → target %s', (source, target, detail) => {
    const result = check(source, target);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.detail).toContain(detail);
  });
});

describe('the link check', () => {
  const target = 'https://blog.example/post';
  const base = 'https://alice.example/re';

  it('finds an href or src naming the target, relative or absolute, fragment aside', () => {
    expect(linksTo(`<a href="${target}">x</a>`, 'text/html', target, base)).toBe(true);
    expect(linksTo(`<a href="${target}#comments">x</a>`, 'text/html', target, base)).toBe(true);
    expect(linksTo('<img src="//blog.example/post">', 'text/html; charset=utf-8', target, base)).toBe(true);
    expect(linksTo(`plain text ${target}`, 'text/plain', target, base)).toBe(true);
  });

  it('does not take a link in a comment, a script, text or another page for one', () => {
    const page = `<!-- <a href="${target}"> --><script>"<a href='${target}'>"</script><p>${target}</p>
      <a href="${target}-2">near</a><a href="https://blog.example/post/other">other</a>`;
    expect(linksTo(page, 'text/html', target, base)).toBe(false);
    expect(linksTo(`{"url": "${target}"}`, 'application/json', target, base)).toBe(false);
  });

  it('walks thousands of nested elements without recursion', () => {
    const deep = `${'<div>'.repeat(20_000)}<a href="${target}">x</a>`;
    expect(linksTo(deep, 'text/html', target, base)).toBe(true);
  });
});

describe('reading the h-entry', () => {
  const target = 'https://blog.example/post';

  it('reads a like, a repost and a reply by their properties', () => {
    const like = `<div class="h-entry"><a class="p-author h-card" href="https://c.example">C</a><a class="u-like-of" href="${target}"></a></div>`;
    const repost = `<div class="h-entry"><a class="u-repost-of" href="${target}"></a></div>`;
    const reply = `<div class="h-entry"><a class="u-in-reply-to" href="${target}"></a><p class="e-content">Yes</p></div>`;
    expect(parseMention(like, 'https://c.example/1', target)).toMatchObject({
      type: 'like',
      authorName: 'C',
      authorUrl: 'https://c.example/',
    });
    expect(parseMention(repost, 'https://c.example/2', target).type).toBe('repost');
    expect(parseMention(reply, 'https://c.example/3', target)).toMatchObject({
      type: 'reply',
      contentText: 'Yes',
    });
  });

  it('makes a page without microformats a plain mention', () => {
    expect(parseMention(`<a href="${target}">x</a>`, 'https://c.example/4', target)).toMatchObject({
      type: 'reply',
      authorName: null,
      contentHtml: null,
    });
  });

  it('keeps only an author URL and photo that are http(s), and a date that parses', () => {
    const page = `<div class="h-entry"><div class="p-author h-card"><a class="u-url p-name" href="javascript:alert(1)">M</a>
      <img class="u-photo" src="data:image/png;base64,AAAA"></div><time class="dt-published">yesterday</time></div>`;
    expect(parseMention(page, 'https://c.example/5', target)).toMatchObject({
      authorName: 'M',
      authorUrl: null,
      authorPhoto: null,
      published: null,
    });
  });
});

describe('the retry rule', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  it('retries what the source may get over, with growing delays, up to five attempts', () => {
    expect(nextAttempt(1, 'timeout', now)?.toISOString()).toBe('2026-12-01T00:01:00.000Z');
    expect(nextAttempt(2, 'source_error', now)?.toISOString()).toBe('2026-12-01T00:05:00.000Z');
    expect(nextAttempt(4, 'source_unreachable', now)?.toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(nextAttempt(5, 'timeout', now)).toBeNull();
  });
  it('never retries an answer', () => {
    for (const reason of ['no_link', 'source_gone', 'blocked_address', 'source_refused'] as const) {
      expect(nextAttempt(1, reason, now)).toBeNull();
    }
  });
});
