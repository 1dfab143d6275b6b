/** Accounts and their sign-in identities (migration 0009). */

export interface UserRow {
  id: string;
  name: string;
  email: string | null;
  avatar_url: string | null;
  created_at: string;
  banned_at: string | null;
}

export interface IdentityProfile {
  /** `github`, `google`, `twitter`, `facebook`, `oidc`, `email` or `sso`. */
  provider: string;
  /** The provider's stable user id (for `email`: the address, lower-cased). */
  subject: string;
  name: string;
  /** Only an address the provider verified; `null` otherwise. */
  email: string | null;
  avatarUrl: string | null;
}

export const findUser = (db: D1Database, id: string): Promise<UserRow | null> =>
  db.prepare('SELECT * FROM users WHERE id = ?1').bind(id).first<UserRow>();

export const findUserByIdentity = (
  db: D1Database,
  provider: string,
  subject: string,
): Promise<UserRow | null> =>
  db
    .prepare(
      `SELECT u.* FROM identities i JOIN users u ON u.id = i.user_id
       WHERE i.provider = ?1 AND i.subject = ?2`,
    )
    .bind(provider, subject)
    .first<UserRow>();

/**
 * Creates the account and its first identity in one batch. `INSERT OR IGNORE` on the identity: when two
 * popups of the same person race, the loser's user row stays orphaned-but-harmless and the caller reads the
 * winner back with findUserByIdentity.
 */
export const insertUserWithIdentity = async (
  db: D1Database,
  user: { id: string; profile: IdentityProfile; now: string },
): Promise<void> => {
  const { id, profile, now } = user;
  await db.batch([
    db
      .prepare('INSERT INTO users (id, name, email, avatar_url, created_at) VALUES (?1, ?2, ?3, ?4, ?5)')
      .bind(id, profile.name, profile.email, profile.avatarUrl, now),
    db
      .prepare(
        'INSERT OR IGNORE INTO identities (provider, subject, user_id, created_at) VALUES (?1, ?2, ?3, ?4)',
      )
      .bind(profile.provider, profile.subject, id, now),
  ]);
};

/** A returning reader: the provider's current name, address and avatar replace the stored ones. */
export const refreshUser = (db: D1Database, id: string, profile: IdentityProfile): Promise<D1Result> =>
  db
    .prepare('UPDATE users SET name = ?2, email = coalesce(?3, email), avatar_url = ?4 WHERE id = ?1')
    .bind(id, profile.name, profile.email, profile.avatarUrl)
    .run();
