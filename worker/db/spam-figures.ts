/**
 * The reads behind the owner's spam figures (GET /admin/spam): screened comments of a window by day and
 * outcome, by day and check for the held ones, and what became of what the filter held. Each reads the
 * window's screened comments through the partial index of migration 0010, no others.
 */

export interface DayOutcomeRow {
  date: string;
  verdict: 'pass' | 'hold' | 'reject';
  n: number;
}

export const outcomesByDay = async (db: D1Database, since: string): Promise<DayOutcomeRow[]> =>
  (
    await db
      .prepare(
        `SELECT substr(created_at, 1, 10) AS date, spam_verdict AS verdict, count(*) AS n FROM comments
         WHERE spam_verdict IS NOT NULL AND created_at >= ?1 GROUP BY 1, 2`,
      )
      .bind(since)
      .all<DayOutcomeRow>()
  ).results;

export interface DayReasonRow {
  date: string;
  check_name: string;
  verdict: 'hold' | 'reject';
  n: number;
}

/** Per day and check: how many held or spam comments that check held or rejected. */
export const reasonsByDay = async (db: D1Database, since: string): Promise<DayReasonRow[]> =>
  (
    await db
      .prepare(
        `SELECT substr(c.created_at, 1, 10) AS date, json_extract(r.value, '$.check') AS check_name,
           json_extract(r.value, '$.verdict') AS verdict, count(DISTINCT c.id) AS n
         FROM comments c, json_each(c.spam_reasons) r
         WHERE c.spam_verdict IN ('hold', 'reject') AND c.created_at >= ?1
           AND json_extract(r.value, '$.verdict') IN ('hold', 'reject')
         GROUP BY 1, 2, 3`,
      )
      .bind(since)
      .all<DayReasonRow>()
  ).results;

export interface FilterOutcomeRow {
  verdict: 'pass' | 'hold';
  status: 'approved' | 'pending' | 'spam' | 'deleted';
  n: number;
}

/** What the filter answered on the window's comments it scored, against each one's status now. */
export const filterOutcomes = async (db: D1Database, since: string): Promise<FilterOutcomeRow[]> =>
  (
    await db
      .prepare(
        `SELECT json_extract(r.value, '$.verdict') AS verdict, c.status, count(*) AS n
         FROM comments c, json_each(c.spam_reasons) r
         WHERE c.spam_verdict IS NOT NULL AND c.created_at >= ?1
           AND json_extract(r.value, '$.check') = 'filter' AND json_extract(r.value, '$.score') > 0
         GROUP BY 1, 2`,
      )
      .bind(since)
      .all<FilterOutcomeRow>()
  ).results;
