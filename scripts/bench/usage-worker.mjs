// The bench's counting entry point: the real worker (worker/index.ts, unchanged) behind wrappers of its
// bindings that count what Cloudflare bills — D1 rows read and written (each statement's `meta`), KV keys
// read, written, deleted and listed, cache purges — and `GET /__usage`, which answers the totals since the
// last call (after the waitUntil work of earlier requests has settled) and resets them. Only the cost
// model's accounting stack runs this; load is always measured on the plain worker.
import worker from '../../worker/index.ts';

// wrangler.toml binds LIVE_ROOMS to this class: an entry point other than worker/index.ts must export it
// too, or wrangler dev refuses to start (the live threads' Durable Object, issue 17).
export { ThreadRoom } from '../../worker/live/thread-room.ts';

const zero = () => ({
  invocations: 0,
  d1RowsRead: 0,
  d1RowsWritten: 0,
  d1Queries: 0,
  kvReads: 0,
  kvWrites: 0,
  kvDeletes: 0,
  kvLists: 0,
  purges: 0,
  purgedTags: 0,
  // The longest expirationTtl / expiration the worker gave a KV put: how long a cached entry can live.
  kvTtlSeconds: 0,
});
let usage = zero();
/** @type {Set<Promise<unknown>>} */
const pending = new Set();

const countMeta = (result) => {
  usage.d1Queries += 1;
  usage.d1RowsRead += result?.meta?.rows_read ?? 0;
  usage.d1RowsWritten += result?.meta?.rows_written ?? 0;
  return result;
};

const real = new WeakMap();
const unwrap = (value) => (Array.isArray(value) ? value.map(unwrap) : (real.get(value) ?? value));

/**
 * A prepared statement whose results are counted. `first()` discards D1's meta, so it runs as `all()`
 * (the same statement, the same rows read: D1 runs the whole query for `first()` too) and picks row 0.
 */
const countedStatement = (statement) => {
  const proxy = new Proxy(statement, {
    get(target, prop) {
      if (prop === 'bind') return (...args) => countedStatement(target.bind(...args));
      if (prop === 'all' || prop === 'run') return async () => countMeta(await target[prop]());
      if (prop === 'first')
        return async (column) => {
          const row = countMeta(await target.all()).results[0] ?? null;
          return column === undefined || row === null ? row : (row[column] ?? null);
        };
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  real.set(proxy, statement);
  return proxy;
};

/** A D1 database or session (withSession returns one with the same prepare/batch surface). */
const countedD1 = (db) =>
  new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (sql) => countedStatement(target.prepare(sql));
      if (prop === 'batch')
        return async (statements) => (await target.batch(unwrap(statements))).map(countMeta);
      if (prop === 'withSession') return (...args) => countedD1(target.withSession(...args));
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

const ttlOf = (options) => {
  if (!options) return 0;
  if (options.expirationTtl) return Number(options.expirationTtl);
  if (options.expiration) return Math.max(0, Number(options.expiration) - Date.now() / 1000);
  return 0;
};

/** KV bills per key: a bulk get of n keys is n reads (https://developers.cloudflare.com/kv/platform/pricing/). */
const countedKv = (kv) =>
  new Proxy(kv, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (typeof value !== 'function') return value;
      return (...args) => {
        if (prop === 'get' || prop === 'getWithMetadata')
          usage.kvReads += Array.isArray(args[0]) ? args[0].length : 1;
        else if (prop === 'put') {
          usage.kvWrites += 1;
          usage.kvTtlSeconds = Math.max(usage.kvTtlSeconds, ttlOf(args[2]));
        } else if (prop === 'delete') usage.kvDeletes += 1;
        else if (prop === 'list') usage.kvLists += 1;
        return value.apply(target, args);
      };
    },
  });

/**
 * The execution context with its waitUntil work tracked, and a `cache.purge` that counts: local workerd
 * has no Workers Cache, so a worker that purges when `ctx.cache` exists is counted as it would run.
 */
const countedContext = (ctx) => ({
  waitUntil: (promise) => {
    const tracked = Promise.resolve(promise).finally(() => pending.delete(tracked));
    pending.add(tracked);
    ctx.waitUntil(tracked);
  },
  passThroughOnException: () => ctx.passThroughOnException(),
  props: ctx.props,
  cache: ctx.cache ?? {
    purge: async (options) => {
      usage.purges += 1;
      usage.purgedTags += options?.tags?.length ?? 0;
      return { success: true };
    },
  },
});

export default {
  async fetch(request, env, ctx) {
    if (new URL(request.url).pathname === '/__usage') {
      await Promise.allSettled([...pending]);
      const body = JSON.stringify(usage);
      usage = zero();
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    }
    usage.invocations += 1;
    const counted = { ...env, DB: env.DB && countedD1(env.DB), KV: env.KV && countedKv(env.KV) };
    return worker.fetch(request, counted, countedContext(ctx));
  },
};
