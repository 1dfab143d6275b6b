/**
 * The learning filter's model in D1 (migration 0010): per-token counts, per-class totals, and which class
 * each comment trained. Training is a fixed handful of statements whatever the number of comments (their
 * ids go as one JSON parameter), so a decision on one comment or a bulk action on 100 costs the same few
 * queries, and a re-decision first takes the comment's own recorded tokens out of its old class.
 */
import type { ClassTotals, TokenCounts } from '../lib/spam/naive-bayes.ts';

export type SpamClass = 'spam' | 'ham';

const IDS = 'SELECT value FROM json_each(?1)';

/**
 * The counts of these features and the class totals: two reads in one round trip. The token read is one
 * primary-key lookup per feature (at most MAX_FEATURES rows read).
 */
export const readModel = async (db: D1Database, features: readonly string[]): Promise<SpamModel> => {
  const [tokens, classes] = await db.batch<unknown>(readModelStatements(db, features));
  return toModel(tokens, classes);
};

export interface SpamModel {
  counts: Map<string, TokenCounts>;
  totals: ClassTotals;
}

/** `readModel`'s two statements, for a caller that runs them in a batch of its own (db/post-lookups.ts). */
export const readModelStatements = (
  db: D1Database,
  features: readonly string[],
): [D1PreparedStatement, D1PreparedStatement] => [
  db
    .prepare('SELECT token, spam, ham FROM spam_tokens WHERE token IN (SELECT value FROM json_each(?1))')
    .bind(JSON.stringify(features)),
  db.prepare('SELECT class, docs FROM spam_classes'),
];

/** The model from the results of `readModelStatements`, in their order. */
export const toModel = (
  tokens: D1Result<unknown> | undefined,
  classes: D1Result<unknown> | undefined,
): SpamModel => {
  const counts = new Map<string, TokenCounts>();
  for (const row of (tokens?.results ?? []) as TokenRow[]) {
    counts.set(row.token, { spam: row.spam, ham: row.ham });
  }
  return { counts, totals: toTotals((classes?.results ?? []) as ClassRow[]) };
};

interface TokenRow {
  token: string;
  spam: number;
  ham: number;
}

interface ClassRow {
  class: SpamClass;
  docs: number;
}

const toTotals = (rows: ClassRow[]): ClassTotals => {
  const totals = { spam: 0, ham: 0 };
  for (const row of rows) totals[row.class] = row.docs;
  return totals;
};

/** How many decisions each class has trained on. */
export const readTotals = async (db: D1Database): Promise<ClassTotals> =>
  toTotals((await db.prepare('SELECT class, docs FROM spam_classes').all<ClassRow>()).results);

/** Stores the features of comments that had none (stored before migration 0010): what training reads. */
export const setFeaturesStatement = (db: D1Database, id: string, features: readonly string[]) =>
  db.prepare('UPDATE comments SET spam_tokens = ?2 WHERE id = ?1').bind(id, JSON.stringify(features));

/** The comments among `ids` that have no features yet, with what their features are made of. */
export const findUnfeatured = async (db: D1Database, ids: readonly string[]) =>
  (
    await db
      .prepare(
        `SELECT id, html, author_name, author_website FROM comments
         WHERE id IN (${IDS}) AND spam_tokens IS NULL AND html <> ''`,
      )
      .bind(JSON.stringify(ids))
      .all<{ id: string; html: string; author_name: string | null; author_website: string | null }>()
  ).results;

/**
 * The statements that make `ids` count as `to`, for one db.batch: comments recorded in the other class
 * are taken out of it (their recorded tokens, their class total, their record), then every comment not
 * recorded yet is counted in `to` and recorded. Run twice, the second run changes nothing.
 * @example await db.batch(trainStatements(db, [id], 'spam', new Date().toISOString()))
 */
export const trainStatements = (
  db: D1Database,
  ids: readonly string[],
  to: SpamClass,
  at: string,
): D1PreparedStatement[] => {
  const from: SpamClass = to === 'spam' ? 'ham' : 'spam';
  const json = JSON.stringify(ids);
  // The column names come from the closed SpamClass union, never from input.
  const fresh = `c.id IN (${IDS}) AND c.spam_tokens IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM spam_training r WHERE r.comment_id = c.id)`;
  return [
    // UPDATE … FROM a grouped subquery: one primary-key lookup per token, however many comments a bulk
    // re-decision moves (a correlated count per token would be quadratic). sqlite.org/lang_update.html#upfrom
    db
      .prepare(
        `UPDATE spam_tokens SET ${from} = max(0, ${from} - g.n)
         FROM (SELECT j.value AS token, count(*) AS n FROM spam_training r, json_each(r.tokens) j
               WHERE r.comment_id IN (${IDS}) AND r.class = ?2 GROUP BY j.value) AS g
         WHERE spam_tokens.token = g.token`,
      )
      .bind(json, from),
    db
      .prepare(
        `UPDATE spam_classes SET docs = max(0, docs - (
           SELECT count(*) FROM spam_training WHERE comment_id IN (${IDS}) AND class = ?2))
         WHERE class = ?2`,
      )
      .bind(json, from),
    db.prepare(`DELETE FROM spam_training WHERE comment_id IN (${IDS}) AND class = ?2`).bind(json, from),
    // `WHERE` before `ON CONFLICT`: SQLite's upsert-from-SELECT needs it to parse (sqlite.org/lang_upsert.html).
    db
      .prepare(
        `INSERT INTO spam_tokens (token, ${to})
         SELECT j.value, count(*) FROM comments c, json_each(c.spam_tokens) j WHERE ${fresh} GROUP BY j.value
         ON CONFLICT (token) DO UPDATE SET ${to} = ${to} + excluded.${to}`,
      )
      .bind(json),
    db
      .prepare(
        `INSERT INTO spam_classes (class, docs) SELECT ?2, count(*) FROM comments c WHERE ${fresh}
         ON CONFLICT (class) DO UPDATE SET docs = docs + excluded.docs`,
      )
      .bind(json, to),
    db
      .prepare(
        `INSERT INTO spam_training (comment_id, class, tokens, trained_at)
         SELECT c.id, ?2, c.spam_tokens, ?3 FROM comments c WHERE ${fresh}`,
      )
      .bind(json, to, at),
  ];
};

/** An erased comment's record goes with it (its tokens are words of its text); the counts stay learnt. */
export const forgetTrainingStatement = (db: D1Database, ids: readonly string[]): D1PreparedStatement =>
  db.prepare(`DELETE FROM spam_training WHERE comment_id IN (${IDS})`).bind(JSON.stringify(ids));
