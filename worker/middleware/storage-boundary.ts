/**
 * The storage-failure boundary: for the length of a request, D1 and KV are seen through a thin proxy that
 * turns any rejection of theirs into a `StorageError`, which `onError` answers with a 503
 * `storage_unavailable` the client may retry. Errors of our own code are not storage errors: they stay a
 * bare 500. Writes go through `db.batch` (one transaction), so a failure leaves nothing half-written.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { StorageError } from '../errors.ts';

const targets = new WeakMap<object, object>();

const unwrap = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(unwrap);
  return (typeof value === 'object' && value !== null && targets.get(value)) || value;
};

const fail = (err: unknown): never => {
  throw new StorageError(err);
};

/** Objects a binding hands back to be used further (statements, sessions) are guarded too. */
const isHandle = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && ('bind' in value || 'prepare' in value);

/**
 * Methods run on the real object (D1 keeps its state in private fields) with real arguments (a batch
 * takes the real statements), and a rejected promise becomes a StorageError. One handler for every
 * proxy: a post guards a few dozen statements and bound statements, and `guard` making a handler and
 * its trap for each was about half of this module's time in `npm run bench:profile -- post`.
 */
const guardHandler: ProxyHandler<object> = {
  get(object, prop) {
    const value: unknown = Reflect.get(object, prop);
    if (typeof value !== 'function') return value;
    return (...args: unknown[]) => {
      const result: unknown = value.apply(object, args.map(unwrap));
      if (result instanceof Promise) return result.catch(fail);
      return isHandle(result) ? guard(result) : result;
    };
  },
};

const guard = <T extends object>(target: T): T => {
  const proxy = new Proxy(target, guardHandler) as T;
  targets.set(proxy, target);
  return proxy;
};

/**
 * The guarded bindings of each `env` the worker is given. A guard holds no state of a request (it forwards
 * and converts rejections), so one serves every request of an isolate: building it anew cost a fifth of
 * GET /counts' own CPU in the profile of `npm run bench:profile` — copying workerd's `env` reads every var
 * through a native getter. A test that calls the app with other bindings passes another `env`: its own entry.
 */
const guardedEnvs = new WeakMap<object, AppEnv['Bindings']>();

/**
 * One guard per binding object, whatever `env` carries it: services key what they keep per isolate by the
 * binding they are given (the runtime settings' text, services/settings/runtime-store.ts), and a test that
 * passes the same KV in a new `env` on every call must reach the same entry.
 */
const guardedBindings = new WeakMap<object, object>();

const guardOnce = <T extends object>(binding: T): T => {
  let guarded = guardedBindings.get(binding) as T | undefined;
  if (!guarded) {
    guarded = guard(binding);
    guardedBindings.set(binding, guarded);
  }
  return guarded;
};

const guardedEnv = (env: AppEnv['Bindings']): AppEnv['Bindings'] => {
  let guarded = guardedEnvs.get(env);
  if (!guarded) {
    // A binding may be missing (a deployment without KV): leave it undefined rather than throw here.
    const { DB, KV } = env;
    guarded = { ...env, DB: DB && guardOnce(DB), KV: KV && guardOnce(KV) };
    guardedEnvs.set(env, guarded);
  }
  return guarded;
};

/** Mount it first: every handler after it sees the guarded `c.env.DB` and `c.env.KV`. */
export const storageBoundary = (): MiddlewareHandler<AppEnv> =>
  async function storageBoundary(c, next) {
    c.env = guardedEnv(c.env);
    await next();
  };
