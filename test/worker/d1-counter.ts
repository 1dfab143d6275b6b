/**
 * A D1 binding that counts its round trips: every call that reaches the database (`batch`, and `first`,
 * `all`, `run`, `raw` of a statement) is recorded with its SQL, then forwarded to the REAL local D1 — not a
 * mock, the queries run. Sessions (`withSession`, middleware/d1-session.ts) and bound statements count on
 * the same record, so a whole request's trips show, whatever layer made them.
 */

export interface RoundTrip {
  /** `batch`, `first`, `all`, `run` or `raw`. */
  method: string;
  /** The SQL of each statement the trip ran (one for a single statement). */
  sql: string[];
}

const QUERY_METHODS = new Set(['first', 'all', 'run', 'raw']);

/** Wraps `db`; `trips` fills as the wrapped binding is used. */
export const countingD1 = (db: D1Database): { db: D1Database; trips: RoundTrip[] } => {
  const trips: RoundTrip[] = [];
  // Proxy → real object, and statement → its SQL: D1 keeps its state in private fields, so methods run
  // on the real objects and a batch gets the real statements.
  const targets = new WeakMap<object, object>();
  const sqlOf = new WeakMap<object, string>();
  const real = (value: unknown): unknown =>
    (typeof value === 'object' && value !== null && targets.get(value)) || value;

  const wrap = <T extends object>(target: T, sql?: string): T => {
    const proxy = new Proxy(target, {
      get(object, prop) {
        const value: unknown = Reflect.get(object, prop);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const name = String(prop);
          if (name === 'batch') {
            const statements = (args[0] as object[]).map(real) as object[];
            trips.push({ method: 'batch', sql: statements.map((s) => sqlOf.get(s) ?? '?') });
            return value.call(object, statements);
          }
          if (QUERY_METHODS.has(name)) trips.push({ method: name, sql: [sql ?? '?'] });
          const result: unknown = value.apply(object, args);
          if (name === 'prepare') return wrapStatement(result as object, String(args[0]));
          if (name === 'bind') return wrapStatement(result as object, sql ?? '?');
          if (name === 'withSession') return wrap(result as object);
          return result;
        };
      },
    });
    targets.set(proxy, target);
    return proxy;
  };
  const wrapStatement = (statement: object, sql: string): object => {
    sqlOf.set(statement, sql);
    return wrap(statement, sql);
  };
  return { db: wrap(db), trips };
};
