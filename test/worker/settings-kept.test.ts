/**
 * The runtime settings' KV text kept per isolate (services/settings/runtime-store.ts `keptOverridesText`):
 * one read per binding and period, the owner's PATCH followed at once by the next request of the isolate,
 * and a read that fails never kept.
 */
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { KEEP_MS, keepOverridesFor, SETTINGS_KEY } from '../../worker/services/settings/runtime-store.ts';
import { call } from './helpers.ts';

/** KV as it is, counting its reads; `down` makes every call reject, as an unreachable KV does. */
const watched = (kv: KVNamespace) => {
  const state = { reads: 0, down: false };
  const binding = new Proxy(kv, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (state.down) return Promise.reject(new Error('network connection lost'));
        if (prop === 'get') state.reads += 1;
        return value.apply(target, args);
      };
    },
  });
  return { binding, state };
};

const moderationOf = async (kv: KVNamespace): Promise<string> => {
  const { res, json } = await call({ KV: kv }, '/api/v1/config');
  expect(res.status).toBe(200);
  return json.moderation;
};

const patchSettings = (kv: KVNamespace, body: unknown) =>
  call({ KV: kv }, '/api/v1/admin/settings', {
    method: 'PATCH',
    headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

afterEach(async () => {
  keepOverridesFor(KEEP_MS);
  await env.KV.delete(SETTINGS_KEY);
});

describe('the runtime settings kept per isolate', () => {
  it('are read from KV once per period, whatever the number of requests', async () => {
    const { binding, state } = watched(env.KV);
    for (let i = 0; i < 5; i++) expect(await moderationOf(binding)).toBe('none');
    expect(state.reads).toBe(1);
  });

  it('follow the owner’s PATCH at once in the next request of the same isolate', async () => {
    const { binding, state } = watched(env.KV);
    expect(await moderationOf(binding)).toBe('none');
    expect((await patchSettings(binding, { moderation: 'all' })).res.status).toBe(200);
    expect(await moderationOf(binding)).toBe('all');
    // The request's read, then the PATCH's own read for its update: the change came from the PATCH itself.
    expect(state.reads).toBe(2);
    expect((await patchSettings(binding, { moderation: null })).res.status).toBe(200);
    expect(await moderationOf(binding)).toBe('none');
  });

  it('answer from the kept text until the period ends: a change written by another isolate shows then', async () => {
    const { binding, state } = watched(env.KV);
    expect(await moderationOf(binding)).toBe('none');
    // Another isolate's PATCH reaches this one through KV only.
    await env.KV.put(SETTINGS_KEY, JSON.stringify({ moderation: 'all' }));
    expect(await moderationOf(binding)).toBe('none');
    expect(state.reads).toBe(1);
    keepOverridesFor(0); // the period is over
    expect(await moderationOf(binding)).toBe('all');
    expect(state.reads).toBe(2);
  });

  it('never keep a read that failed: the vars answer, and the next request reads KV again', async () => {
    await env.KV.put(SETTINGS_KEY, JSON.stringify({ moderation: 'all' }));
    const { binding, state } = watched(env.KV);
    state.down = true;
    expect(await moderationOf(binding)).toBe('none');
    state.down = false;
    expect(await moderationOf(binding)).toBe('all');
    expect(state.reads).toBe(1);
  });
});
