/** Issue 11, item 10: rate limits and bans key an IPv6 address on its /64, an IPv4 address exactly. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { keyedHash } from '../../worker/lib/crypto.ts';
import { ipRateKey } from '../../worker/lib/ip-prefix.ts';
import { freshPage, postJson } from './helpers.ts';

describe('ipRateKey', () => {
  it('keeps IPv4 exact', () => {
    expect(ipRateKey('203.0.113.7')).toBe('203.0.113.7');
    expect(ipRateKey(' 203.0.113.7 ')).toBe('203.0.113.7');
    expect(ipRateKey('203.0.113.8')).not.toBe(ipRateKey('203.0.113.7'));
  });

  it('keys IPv6 on the /64, whatever the spelling', () => {
    const key = '2001:db8:1:2::/64';
    for (const ip of [
      '2001:db8:1:2::1',
      '2001:0db8:0001:0002:0000:0000:0000:0001',
      '2001:DB8:1:2:ffff:ffff:ffff:ffff',
      '2001:db8:1:2:a:b:c:d',
      '2001:db8:1:2::',
      '2001:db8:1:2:0:0:192.0.2.1',
      'fe80::1%eth0'.replace('fe80::1', '2001:db8:1:2::1'),
    ])
      expect(ipRateKey(ip), ip).toBe(key);
    expect(ipRateKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(ipRateKey('::1')).toBe('0:0:0:0::/64');
    expect(ipRateKey('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(ipRateKey('fe80::1%25eth0')).toBe('fe80:0:0:0::/64');
  });

  it('reads IPv4-mapped IPv6 as its IPv4 address', () => {
    expect(ipRateKey('::ffff:192.0.2.10')).toBe('192.0.2.10');
    expect(ipRateKey('::FFFF:c000:020a')).toBe('192.0.2.10');
    expect(ipRateKey('0:0:0:0:0:ffff:192.0.2.10')).toBe('192.0.2.10');
  });

  it('returns what it cannot parse as it came (lower-cased)', () => {
    for (const ip of ['1::2::3', '2001:db8:1:2:3:4:5:6:7', 'not-an-ip', '256.1.1.1', '12345::']) {
      expect(ipRateKey(ip)).toBe(ip.toLowerCase());
    }
  });
});

const postFrom = (ip: string) =>
  postJson('/api/v1/comments', { url: freshPage(), body: 'Bonjour' }, { 'CF-Connecting-IP': ip });

describe('one IPv6 /64 is one author for limits and bans', () => {
  it('answers 429 when the 6th comment of a minute comes from another address of the same /64', async () => {
    for (let i = 1; i <= 5; i++) expect((await postFrom(`2001:db8:77:1::${i}`)).status).toBe(201);
    expect((await postFrom('2001:db8:77:1:abcd::9')).status).toBe(429);
    expect((await postFrom('2001:db8:77:2::1')).status).toBe(201);
  });

  it('a ban of an IP hash bans its whole /64', async () => {
    const value = await keyedHash(env.SECRET_KEY, 'ip', ipRateKey('2001:db8:99:5::1'));
    await env.DB.prepare("INSERT INTO bans (id, kind, value, created_at) VALUES (?1, 'ip', ?2, 'now')")
      .bind(crypto.randomUUID(), value)
      .run();
    expect((await postFrom('2001:db8:99:5:1234:5678:9abc:def0')).status).toBe(403);
    expect((await postFrom('2001:db8:99:6::1')).status).toBe(201);
  });
});
