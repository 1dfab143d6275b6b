/**
 * A toot's URL as the owner or a page gives it → the instance and the status id to ask its API about.
 * The usual shapes of Mastodon-API servers:
 * - `https://host/@user/ID` (Mastodon's web page; `@user@domain` for a remote account's copy)
 * - `https://host/users/user/statuses/ID` (Mastodon's ActivityPub `uri`)
 * - `https://host/@user/statuses/ID` (GoToSocial), `https://host/notice/ID` (Pleroma, Akkoma)
 * The host must be a public DNS name over https: no IP literal, no port, no `localhost` or local-only
 * suffix, so a link can never make the worker call into a private network (the test-only
 * MASTODON_API_URL override is how tests reach 127.0.0.1).
 */

export interface TootRef {
  /** `https://host/…` as parsed: the link's canonical spelling (no query, no fragment). */
  url: string;
  /** Lower-cased DNS name of the instance. */
  host: string;
  /** The instance's id of the status: Mastodon snowflakes are digits; GoToSocial and Pleroma use letters. */
  id: string;
  /** The account in the path (`alice` or `alice@other.example`), `null` for `/notice/ID`. */
  user: string | null;
}

const ID = '([A-Za-z0-9]{1,64})';
const USER = '([A-Za-z0-9_.-]{1,64}(?:@[A-Za-z0-9.-]{1,253})?)';
const SHAPES: readonly RegExp[] = [
  new RegExp(`^/@${USER}/${ID}$`),
  new RegExp(`^/@${USER}/statuses/${ID}$`),
  new RegExp(`^/users/${USER}/statuses/${ID}$`),
  new RegExp(`^/notice/${ID}$`),
];

const LOCAL_SUFFIXES = ['.localhost', '.local', '.internal', '.home.arpa', '.lan', '.test', '.invalid'];

/** A DNS name of at least two labels, letters first (an IPv4 literal has digits only in its last label). */
export const isPublicHost = (host: string): boolean => {
  if (host.length > 253 || host === 'localhost') return false;
  if (LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) return false;
  const labels = host.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label))) return false;
  return /[a-z]/.test(labels[labels.length - 1] ?? '');
};

/**
 * @example parseTootUrl('https://mastodon.social/@alice/109294719267373593')
 *   // { url: 'https://mastodon.social/@alice/109294719267373593', host: 'mastodon.social', id: '1092…', user: 'alice' }
 * @returns `null` for anything that is not a status URL of a public https host.
 */
export const parseTootUrl = (input: string): TootRef | null => {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  // The URL parser lower-cases the host, drops the default port and rejects most malformed hosts; an IPv6
  // literal keeps its brackets and fails isPublicHost.
  if (url.protocol !== 'https:' || url.port !== '' || url.username || url.password) return null;
  if (!isPublicHost(url.hostname)) return null;
  const path = url.pathname.replace(/\/+$/, '');
  for (const shape of SHAPES) {
    const match = shape.exec(path);
    if (!match) continue;
    const [user, id] = match.length === 3 ? [match[1] ?? null, match[2]] : [null, match[1]];
    if (!id) return null;
    return { url: `https://${url.hostname}${path}`, host: url.hostname, id, user };
  }
  return null;
};

/**
 * The account an embed may link toots of (MASTODON_ACCOUNTS): `@alice@host`, `alice@host` or the profile
 * URL `https://host/@alice`, lower-cased as `alice@host`.
 * @example parseAccount('https://mastodon.social/@Alice') // 'alice@mastodon.social'
 */
export const parseAccount = (input: string): string | null => {
  const text = input.trim().toLowerCase();
  const profile = /^https:\/\/([^/]+)\/@([a-z0-9_.-]{1,64})\/?$/.exec(text);
  if (profile?.[1] && profile[2]) return isPublicHost(profile[1]) ? `${profile[2]}@${profile[1]}` : null;
  const handle = /^@?([a-z0-9_.-]{1,64})@([a-z0-9.-]{1,253})$/.exec(text);
  if (handle?.[1] && handle[2]) return isPublicHost(handle[2]) ? `${handle[1]}@${handle[2]}` : null;
  return null;
};

/** The account a toot URL names, as `user@host` (a remote account's copy names its own domain). */
export const accountOfToot = (toot: TootRef): string | null => {
  if (!toot.user) return null;
  const user = toot.user.toLowerCase();
  return user.includes('@') ? user : `${user}@${toot.host}`;
};
