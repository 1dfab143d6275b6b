/**
 * Signing a reader in and recognising them again (issue 13, item 4): an identity vouched for by a provider,
 * a magic link or the host site's SSO becomes an account (created on first sign-in) and an opaque session
 * token. The token is returned once and stored only as its SHA-256; it expires and can be revoked alone or
 * with all the account's sessions.
 */
import { nanoid } from 'nanoid';
import { findLiveSession, insertSession, revokeSession, revokeUserSessions } from '../../db/sessions.ts';
import {
  findUserByIdentity,
  type IdentityProfile,
  insertUserWithIdentity,
  refreshUser,
  type UserRow,
} from '../../db/users.ts';
import { isSessionToken, newSessionToken, secretHash } from '../../lib/opaque-token.ts';
import type { SessionUser } from '../../types/api.ts';

/** A session lasts 30 days; signing in again makes a new one (no sliding renewal: no write per read). */
export const SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;

/** Who is speaking on this request (`c.get('reader')`), or `null` for a guest. */
export interface Reader {
  user: UserRow;
  /** The provider this session signed in with. */
  provider: string;
  tokenHash: string;
  expiresAt: string;
}

export const toSessionUser = (reader: Reader): SessionUser => ({
  id: reader.user.id,
  name: reader.user.name,
  email: reader.user.email,
  provider: reader.provider,
});

/** The account behind the identity, created on its first sign-in, refreshed from the provider after. */
export const upsertUser = async (db: D1Database, profile: IdentityProfile, now: Date): Promise<UserRow> => {
  const known = await findUserByIdentity(db, profile.provider, profile.subject);
  if (known) {
    await refreshUser(db, known.id, profile);
    return {
      ...known,
      name: profile.name,
      email: profile.email ?? known.email,
      avatar_url: profile.avatarUrl,
    };
  }
  await insertUserWithIdentity(db, { id: nanoid(), profile, now: now.toISOString() });
  const created = await findUserByIdentity(db, profile.provider, profile.subject);
  if (!created) throw new Error('the account could not be read back after its creation');
  return created;
};

/** Signs the identity in: its account, and a new session token (returned once, stored hashed). */
export const startSession = async (
  db: D1Database,
  profile: IdentityProfile,
  now = new Date(),
): Promise<{ token: string; user: UserRow; expiresAt: string }> => {
  const user = await upsertUser(db, profile, now);
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_SECONDS * 1000).toISOString();
  await insertSession(db, {
    token_hash: await secretHash(token),
    user_id: user.id,
    provider: profile.provider,
    created_at: now.toISOString(),
    expires_at: expiresAt,
  });
  return { token, user, expiresAt };
};

/** The live session a bearer token names; `null` when it is malformed, unknown, expired or revoked. */
export const resolveSession = async (
  db: D1Database,
  token: string,
  now = new Date(),
): Promise<Reader | null> => {
  if (!isSessionToken(token)) return null;
  const tokenHash = await secretHash(token);
  const row = await findLiveSession(db, tokenHash, now.toISOString());
  if (!row) return null;
  const { provider, expires_at, ...user } = row;
  return { user, provider, tokenHash, expiresAt: expires_at };
};

export const endSession = (db: D1Database, reader: Reader, now = new Date()): Promise<D1Result> =>
  revokeSession(db, reader.tokenHash, now.toISOString());

export const endAllSessions = (db: D1Database, userId: string, now = new Date()): Promise<D1Result> =>
  revokeUserSessions(db, userId, now.toISOString());
