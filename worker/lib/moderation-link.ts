/**
 * The one-click moderation links of the owner's notifications (issue 14, item 5), pure parts:
 * `/api/v1/moderate?c=<comment id>&a=<approve|spam|delete>&e=<expiry, epoch seconds>&n=<nonce>&sig=<hmac>`,
 * signed with SECRET_KEY over all four. The three links of one message share the nonce: the first one
 * used spends it (db/moderation-links.ts), so each message decides once, and a forwarded or leaked
 * message cannot undo the owner's decision later. Links expire after 7 days, like the confirmation links.
 */
import { timingSafeEqual } from 'hono/utils/buffer';
import { keyedHash } from './crypto.ts';
import { randomSecret } from './opaque-token.ts';

export const MODERATION_LINK_SECONDS = 7 * 24 * 3600;

export const LINK_ACTIONS = ['approve', 'spam', 'delete'] as const;
export type LinkAction = (typeof LINK_ACTIONS)[number];

export interface ModerationLink {
  c: string;
  a: string;
  e: string;
  n: string;
  sig: string;
}

const signature = (secretKey: string, link: Omit<ModerationLink, 'sig'>): Promise<string> =>
  keyedHash(secretKey, 'moderation-link', `${link.c}\n${link.a}\n${link.e}\n${link.n}`, 64);

/** The three links of one notification (one fresh nonce), each a full URL on the worker's origin. */
export const moderationLinks = async (
  origin: string,
  secretKey: string,
  commentId: string,
  nowSeconds: number,
): Promise<Record<LinkAction, string>> => {
  const n = randomSecret();
  const e = String(nowSeconds + MODERATION_LINK_SECONDS);
  const url = async (a: LinkAction) => {
    const sig = await signature(secretKey, { c: commentId, a, e, n });
    const query = new URLSearchParams({ c: commentId, a, e, n, sig });
    return `${origin}/api/v1/moderate?${query}`;
  };
  return { approve: await url('approve'), spam: await url('spam'), delete: await url('delete') };
};

export type LinkCheck =
  | { kind: 'valid'; commentId: string; action: LinkAction; expires: number; nonce: string }
  | { kind: 'invalid' }
  | { kind: 'expired' };

/** Shape first (canonical digits, a known action, a 43-character nonce), then the MAC in constant time. */
export const checkModerationLink = async (
  secretKey: string,
  link: ModerationLink,
  nowSeconds: number,
): Promise<LinkCheck> => {
  const action = LINK_ACTIONS.find((a) => a === link.a);
  if (!action || !/^[1-9][0-9]{0,11}$/.test(link.e) || !/^[A-Za-z0-9_-]{43}$/.test(link.n)) {
    return { kind: 'invalid' };
  }
  if (!(await timingSafeEqual(link.sig, await signature(secretKey, link)))) return { kind: 'invalid' };
  const expires = Number(link.e);
  if (nowSeconds >= expires) return { kind: 'expired' };
  return { kind: 'valid', commentId: link.c, action, expires, nonce: link.n };
};
