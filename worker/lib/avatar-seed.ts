/**
 * The public avatar seed (AVATAR_SEED, API.md "Configuration"). v1 seeded it with a keyed hash of the
 * e-mail alone, so anyone could post (or fill the honeypot) with an address and compare avatars: an oracle
 * for "is this address a commenter's?" (issue 11). No mode here takes the e-mail without a reader id, so
 * typing someone's address never yields their avatar:
 * - `reader` (default): the e-mail (or name) AND the reader id: the same guest on the same browser keeps
 *   an avatar on every page; someone typing the address elsewhere gets another.
 * - `thread`: the same, per page: one guest's avatars cannot be linked across pages.
 * - `comment`: a new avatar for every comment.
 * Without a reader id every mode falls back to `comment`. Computed only once a comment is stored.
 */
import { keyedHash } from './crypto.ts';
import { toHex } from './encoding.ts';

export type AvatarSeedMode = 'reader' | 'thread' | 'comment';
export const AVATAR_SEED_MODES: readonly AvatarSeedMode[] = ['reader', 'thread', 'comment'];

export interface AvatarSource {
  commentId: string;
  threadKey: string;
  /** The keyed hash of the widget's reader id (`null` when the request carried none). */
  readerHash: string | null;
  email: string | null;
  name: string | null;
}

/** A 16-hex-digit avatar seed for a stored comment. */
export const avatarSeed = (secret: string, mode: AvatarSeedMode, who: AvatarSource): Promise<string> => {
  if (mode === 'comment' || !who.readerHash) return keyedHash(secret, 'avatar:comment', who.commentId, 16);
  const author = `${who.readerHash}\n${who.email ?? who.name ?? ''}`;
  return mode === 'thread'
    ? keyedHash(secret, 'avatar:thread', `${who.threadKey}\n${author}`, 16)
    : keyedHash(secret, 'avatar:reader', author, 16);
};

/** What the honeypot answers: random, so a filled honeypot reveals nothing about the address typed. */
export const decoyAvatar = (): string => toHex(crypto.getRandomValues(new Uint8Array(8)));
