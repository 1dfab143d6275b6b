/**
 * The SSRF guard of the Webmention verifier: which source URLs the worker may fetch. Only http(s), and no
 * host that names this machine or a private network: loopback, private (RFC 1918), shared (RFC 6598),
 * link-local (the cloud metadata address 169.254.169.254 among them), unique-local IPv6, multicast,
 * reserved ranges, and names such as `localhost` or `*.internal`. Checked on the source and on every
 * redirect before it is followed.
 *
 * The limit: a Worker cannot resolve DNS, so a public name whose record points at 10.0.0.1 (DNS rebinding)
 * passes this guard. On Cloudflare that is harmless: a Worker's fetch goes out through Cloudflare's network
 * and cannot reach a private network or an IP address directly ("Fetch to IP addresses", and custom ports
 * are ignored: https://developers.cloudflare.com/workers/platform/known-issues/). The guard matters where
 * that is not so (`wrangler dev`, workerd self-hosted) and documents intent; the test-only override
 * (`WEBMENTION_ALLOW_PRIVATE`) lets exactly 127.0.0.1 through, the address of the tests' source site.
 */

export type GuardVerdict = { ok: true } | { ok: false; why: string };

const BLOCKED_NAMES = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa|localdomain)$/;

/** IPv4 ranges as [first octets as a 32-bit number, prefix length]. */
const V4_BLOCKED: ReadonlyArray<[string, number]> = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

const v4Number = (address: string): number | null => {
  const parts = address.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    n = n * 256 + Number(part);
  }
  return n;
};

const inV4Range = (n: number, [base, bits]: [string, number]): boolean => {
  const size = 2 ** (32 - bits);
  const start = v4Number(base) ?? 0;
  return n >= start && n < start + size;
};

/** The 8 groups of an IPv6 address as numbers (URL has already compressed and lower-cased it). */
const v6Groups = (address: string): number[] | null => {
  let text = address;
  // An embedded IPv4 tail (::ffff:1.2.3.4): URL serializes it as hex, but be safe.
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail?.[1]) {
    const n = v4Number(tail[1]);
    if (n === null) return null;
    text = `${text.slice(0, -tail[1].length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const fill = rest === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(Math.max(0, fill)).fill('0'), ...right].map((g) =>
    Number.parseInt(g, 16),
  );
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
};

const v4Blocked = (n: number): boolean => V4_BLOCKED.some((range) => inV4Range(n, range));

const v6Blocked = (g: number[]): boolean => {
  const [a = 0, b = 0, , , , f = 0, h7 = 0, h8 = 0] = g;
  const allZeroTo = (i: number) => g.slice(0, i).every((x) => x === 0);
  if (allZeroTo(7) && (h8 === 0 || h8 === 1)) return true; // :: and ::1
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): judge the IPv4.
  const embedded = h7 * 65536 + h8;
  if (allZeroTo(5) && (f === 0xffff || f === 0)) return v4Blocked(embedded);
  if (a === 0x64 && b === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4Blocked(embedded);
  if ((a & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((a & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((a & 0xff00) === 0xff00) return true; // multicast
  if (a === 0x2001 && b === 0x0db8) return true; // documentation
  return false;
};

/**
 * Whether the worker may fetch `url`.
 * @example checkAddress(new URL('http://169.254.169.254/latest'), false) // { ok: false, why: … }
 */
export const checkAddress = (url: URL, allowLoopbackForTests: boolean): GuardVerdict => {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, why: 'not http(s)' };
  if (url.username || url.password) return { ok: false, why: 'credentials in the URL' };
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (allowLoopbackForTests && host === '127.0.0.1') return { ok: true };
  if (host.startsWith('[')) {
    const groups = v6Groups(host.slice(1, -1));
    return groups && !v6Blocked(groups) ? { ok: true } : { ok: false, why: 'a private IPv6 address' };
  }
  const v4 = v4Number(host);
  if (v4 !== null) return v4Blocked(v4) ? { ok: false, why: 'a private IPv4 address' } : { ok: true };
  // WHATWG URL turns every numeric host form (0x7f.1, 2130706433) into dotted IPv4, so anything left that
  // ends in a number is no host name a public DNS serves.
  if (/^[\d.]+$/.test(host) || /\.\d+$/.test(host)) return { ok: false, why: 'not a host name' };
  if (!host.includes('.')) return { ok: false, why: 'a single-label host name' };
  if (BLOCKED_NAMES.test(host)) return { ok: false, why: 'a local host name' };
  return { ok: true };
};
