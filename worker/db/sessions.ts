/** Reader sessions (migration 0009): stored by the SHA-256 of their bearer token only. */
import type { UserRow } from './users.ts';

export interface SessionRow {
  token_hash: string;
  user_id: string;
  provider: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export const insertSession = (db: D1Database, row: Omit<SessionRow, 'revoked_at'>): Promise<D1Result> =>
  db
    .prepare(
      'INSERT INTO sessions (token_hash, user_id, provider, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)',
    )
    .bind(row.token_hash, row.user_id, row.provider, row.created_at, row.expires_at)
    .run();

/** The live session and its account: not revoked, not expired at `now`. One indexed read. */
export const findLiveSession = (
  db: D1Database,
  tokenHash: string,
  now: string,
): Promise<(UserRow & { provider: string; expires_at: string }) | null> =>
  db
    .prepare(
      `SELECT u.*, s.provider, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ?1 AND s.revoked_at IS NULL AND s.expires_at > ?2`,
    )
    .bind(tokenHash, now)
    .first();

export const revokeSession = (db: D1Database, tokenHash: string, now: string): Promise<D1Result> =>
  db
    .prepare('UPDATE sessions SET revoked_at = ?2 WHERE token_hash = ?1 AND revoked_at IS NULL')
    .bind(tokenHash, now)
    .run();

/** Every session of the account at once ("sign out everywhere", an account ban, an erasure). */
export const revokeUserSessions = (db: D1Database, userId: string, now: string): Promise<D1Result> =>
  db
    .prepare('UPDATE sessions SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL')
    .bind(userId, now)
    .run();
