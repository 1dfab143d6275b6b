/** Bans: by e-mail address, IP hash or reader hash, optionally until a date. */

export interface BanSubject {
  email: string | null;
  ipHash: string | null;
  readerHash: string | null;
}

/**
 * The condition "a ban in force matches this author", on numbered parameters from `?first`: the e-mail,
 * the IP hash, the reader hash, then the time. A batch that must act only for an author who is not banned
 * (the write counters of db/post-lookups.ts) repeats it inside its own statement.
 */
export const banMatch = (first: number): string =>
  `SELECT 1 FROM bans
   WHERE ((kind = 'email' AND value = ?${first}) OR (kind = 'ip' AND value = ?${first + 1})
       OR (kind = 'reader' AND value = ?${first + 2}))
     AND (expires_at IS NULL OR expires_at > ?${first + 3})
   LIMIT 1`;

/** The parameters of `banMatch`, in its order. */
export const banParams = (who: BanSubject, nowIso: string): (string | null)[] => [
  who.email,
  who.ipHash,
  who.readerHash,
  nowIso,
];

/** One row when a ban in force matches the author, none otherwise. */
export const banStatement = (db: D1Database, who: BanSubject, nowIso: string): D1PreparedStatement =>
  db.prepare(banMatch(1)).bind(...banParams(who, nowIso));

export const isBanned = async (db: D1Database, who: BanSubject, nowIso: string): Promise<boolean> =>
  (await banStatement(db, who, nowIso).first()) !== null;
