// The local floor of the Waline comparison, served by the same `wrangler dev` and workerd, on the same core,
// under the same load: a Worker that runs no code of ours and answers every request with `{}`, and (on a
// path ending in `/d1`) the same after one `SELECT 1` through the D1 binding. The first is what any Worker
// costs here before its first line runs (HTTP, the isolate, wrangler dev's local bindings), so no route of
// ours can be cheaper or faster; the difference between the two is what one D1 round trip costs locally,
// where the simulated D1 runs in the same workerd process and its CPU counts as the Worker's. On a path
// ending in `/kv`, one KV read as every request of Causerie makes for the owner's settings: the third part
// of the fixed cost that is not our code (the local KV simulation also runs in the same process).
// wrangler.toml binds LIVE_ROOMS to this class: every entry point under its config must export it.
export { ThreadRoom } from '../../worker/live/thread-room.ts';

export default {
  /** @param {Request} request @param {{ DB: D1Database, KV: KVNamespace }} env */
  fetch: async (request, env) => {
    const path = new URL(request.url).pathname;
    if (path.endsWith('/d1')) await env.DB.prepare('SELECT 1').first();
    if (path.endsWith('/kv')) await env.KV.get('settings:v1', { type: 'text', cacheTtl: 60 });
    return new Response('{}', { headers: { 'content-type': 'application/json' } });
  },
};
