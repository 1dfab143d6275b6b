/** The double opt-in of reply e-mails (migration 0006): keyed hashes of addresses, asked and confirmed. */

/**
 * Records that a confirmation e-mail goes out now, unless the address is confirmed already or one went out
 * after `since`: one atomic statement, so two concurrent comments cannot both send one.
 * @returns whether the caller should send the e-mail.
 */
export const claimConfirmationRequest = async (
  db: D1Database,
  addressHash: string,
  now: string,
  since: string,
): Promise<boolean> => {
  const result = await db
    .prepare(
      `INSERT INTO confirmed_addresses (address_hash, requested_at) VALUES (?1, ?2)
       ON CONFLICT (address_hash) DO UPDATE SET requested_at = excluded.requested_at
       WHERE confirmed_at IS NULL AND (requested_at IS NULL OR requested_at < ?3)`,
    )
    .bind(addressHash, now, since)
    .run();
  return result.meta.changes === 1;
};

/** Marks an address confirmed (the owner followed the link); idempotent. */
export const confirmAddress = (db: D1Database, addressHash: string, now: string): Promise<D1Result> =>
  db
    .prepare(
      `INSERT INTO confirmed_addresses (address_hash, confirmed_at) VALUES (?1, ?2)
       ON CONFLICT (address_hash) DO UPDATE SET confirmed_at = coalesce(confirmed_at, excluded.confirmed_at)`,
    )
    .bind(addressHash, now)
    .run();

export const isAddressConfirmed = async (db: D1Database, addressHash: string): Promise<boolean> =>
  (await db
    .prepare('SELECT 1 FROM confirmed_addresses WHERE address_hash = ?1 AND confirmed_at IS NOT NULL')
    .bind(addressHash)
    .first()) !== null;
