/**
 * The OAuth `state` of a sign-in popup (migration 0009's auth_flows, kind `oauth`): stored under the SHA-256
 * of the value that travels through the provider, with what the callback needs (the PKCE verifier, the
 * nonce, the opener's origin). Single use: the callback consumes it with DELETE … RETURNING, so a replayed
 * callback finds nothing.
 */

export interface OAuthStateData {
  provider: string;
  /** The exact origin the session token will be posted to (an allowed origin, checked at start). */
  origin: string;
  verifier: string;
  /** OpenID Connect only: the ID token must carry it back. */
  nonce: string | null;
}

/** Saves a new state and drops the expired ones of its kind (the table stays ~10 minutes of sign-ins). */
export const insertOAuthState = (
  db: D1Database,
  state: { idHash: string; data: OAuthStateData; expiresAt: string; now: string },
): Promise<D1Result[]> =>
  db.batch([
    db.prepare("DELETE FROM auth_flows WHERE kind = 'oauth' AND expires_at <= ?1").bind(state.now),
    db
      .prepare("INSERT INTO auth_flows (id_hash, kind, data, expires_at) VALUES (?1, 'oauth', ?2, ?3)")
      .bind(state.idHash, JSON.stringify(state.data), state.expiresAt),
  ]);

/**
 * Takes the state out, expired or not (the caller tells "expired" from "unknown" and still knows whom to
 * tell); `null` when it never existed or was already used.
 */
export const consumeOAuthState = async (
  db: D1Database,
  idHash: string,
): Promise<{ data: OAuthStateData; expiresAt: string } | null> => {
  const row = await db
    .prepare("DELETE FROM auth_flows WHERE id_hash = ?1 AND kind = 'oauth' RETURNING data, expires_at")
    .bind(idHash)
    .first<{ data: string; expires_at: string }>();
  return row ? { data: JSON.parse(row.data) as OAuthStateData, expiresAt: row.expires_at } : null;
};
