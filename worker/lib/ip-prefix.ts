/**
 * The address that rate limits and bans key on: an IPv4 address as it is, an IPv6 address by its /64.
 * One IPv6 subscriber gets a whole /64 (RFC 6177, RIPE-690), so keying on the full address would give
 * them 2^64 fresh identities; a /64 is what one household or one server can rotate through.
 */

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

const parseIpv4 = (text: string): number[] | null => {
  const match = IPV4.exec(text);
  if (!match) return null;
  const octets = match.slice(1).map(Number);
  return octets.every((n) => n <= 255) ? octets : null;
};

/** The eight 16-bit groups of an IPv6 address (compressed `::` and a dotted IPv4 tail allowed), or null. */
const parseIpv6 = (text: string): number[] | null => {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (const [i, piece] of pieces.entries()) {
      const v4 = i === pieces.length - 1 && piece.includes('.') ? parseIpv4(piece) : null;
      if (v4)
        out.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number));
      else if (/^[0-9a-f]{1,4}$/i.test(piece)) out.push(Number.parseInt(piece, 16));
      else return null;
    }
    return out;
  };
  const head = groups(halves[0] as string);
  const tail = halves.length === 2 ? groups(halves[1] as string) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...Array<number>(missing).fill(0), ...tail] : null;
};

/**
 * What limits and bans count: `203.0.113.7` stays `203.0.113.7`; `2001:db8:1:2:a:b:c:d` becomes
 * `2001:db8:1:2::/64`; an IPv4-mapped IPv6 address (`::ffff:203.0.113.7`) is its IPv4 address; a zone
 * (`fe80::1%eth0`) is dropped. Anything unparsable is returned trimmed and lower-cased, as it came.
 * @example ipRateKey('2001:DB8:0:0:1::1') // '2001:db8:0:0::/64'
 */
export const ipRateKey = (ip: string): string => {
  const text = ip.trim().toLowerCase();
  if (parseIpv4(text)) return text.replace(/(^|\.)0+(\d)/g, '$1$2');
  const groups = parseIpv6(text.replace(/%.*$/, ''));
  if (!groups) return text;
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (isMapped) {
    const [hi, lo] = [groups[6] as number, groups[7] as number];
    return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
};
