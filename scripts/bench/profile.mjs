// `npm run bench:profile -- [counts|post|config|list] [requests]`: a CPU profile of the worker's isolate
// under a fixed number of requests of one kind, through the V8 inspector wrangler dev opens
// (`--inspector-port`; Chrome DevTools protocol: Profiler.start / Profiler.stop). Prints self time by
// module (ours by file, Hono, zod, the rest) and the heaviest functions, so a change to the fixed cost of a
// request is measured where it is spent rather than guessed. JS only: local D1 runs in workerd's C++ and
// shows as the time the isolate waits, outside the profile (its cost is in `npm run bench`'s CPU/request).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, migrateLocal, startWrangler, waitForWorker } from '../lib/wrangler.mjs';
import { commentBody } from './load.mjs';

const kind = process.argv[2] ?? 'counts';
const requests = Number(process.argv[3] ?? 2000);
const log = (message) => console.error(`[profile] ${message}`);

/** One call of the Chrome DevTools protocol over the inspector's WebSocket. */
const connect = async (url) => {
  // wrangler's inspector proxy wants a local Origin (its InspectorProxyWorker refuses others).
  const socket = new WebSocket(url, { headers: { Origin: 'http://127.0.0.1' } });
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  let next = 0;
  const waiting = new Map();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data));
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, (message) =>
        message.error ? reject(new Error(message.error.message)) : resolve(message.result),
      );
      socket.send(JSON.stringify({ id, method, params }));
    });
  return { send, close: () => socket.close() };
};

/** Self time per node, from the sample counts weighted by their time deltas (microseconds). */
const selfTimes = (profile) => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return [...self].map(([id, us]) => ({ node: byId.get(id), us }));
};

const groupOf = (url) => {
  if (!url) return '(native / runtime)';
  const path = url.replace(/^.*?(node_modules\/|worker\/)/, '$1');
  if (path.startsWith('node_modules/'))
    return path
      .split('/')
      .slice(0, path.startsWith('node_modules/@') ? 3 : 2)
      .join('/');
  return path;
};

const main = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'causerie-profile-'));
  const persistTo = join(dir, 'state');
  const port = await freePort();
  const inspectorPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  await migrateLocal(persistTo, { quiet: true });
  const vars = { RATE_LIMIT_WRITES: 'off', ADMIN_TOKEN: 'bench-admin-token', SECRET_KEY: 'bench-secret-key' };
  const server = startWrangler({ port, persistTo, vars, quiet: true, inspectorPort });
  try {
    log(`wrangler dev on ${base}, inspector on ${inspectorPort}`);
    await waitForWorker(base).catch((err) => {
      throw new Error(`${err.message}\n${server.log()}`);
    });
    const pages = Array.from({ length: 10 }, (_, i) => `/bench/page-${i}`);
    const post = commentBody(base, pages[0]);
    for (const path of pages) {
      const body = JSON.parse(post());
      body.url = `${base}${path}`;
      await fetch(`${base}/api/v1/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify(body),
      });
    }
    const enc = encodeURIComponent;
    const shot = {
      counts: () => fetch(`${base}/api/v1/counts?${pages.map((p) => `url=${enc(`${base}${p}`)}`).join('&')}`),
      list: () => fetch(`${base}/api/v1/threads?url=${enc(`${base}${pages[0]}`)}&limit=10&sort=newest`),
      config: () => fetch(`${base}/api/v1/config`),
      post: () =>
        fetch(`${base}/api/v1/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: base },
          body: post(),
        }),
    }[kind];
    if (!shot) throw new Error(`unknown kind ${kind}: counts, list, config or post`);
    for (let i = 0; i < 200; i++) await (await shot()).arrayBuffer(); // warm the isolate

    const targets = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json();
    const target = targets.find((t) => t.webSocketDebuggerUrl) ?? targets[0];
    const inspector = await connect(target.webSocketDebuggerUrl);
    await inspector.send('Profiler.enable');
    await inspector.send('Profiler.setSamplingInterval', { interval: 100 });
    await inspector.send('Profiler.start');
    const started = performance.now();
    for (let i = 0; i < requests; i++) {
      const res = await shot();
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${kind} answered ${res.status}`);
    }
    const wallMs = performance.now() - started;
    const { profile } = await inspector.send('Profiler.stop');
    // The bundle wrangler serves is one index.js; esbuild heads each module in it with a `// path` line,
    // which is how a sample's line is put back in its module.
    await inspector.send('Debugger.enable');
    const modules = new Map();
    for (const node of profile.nodes) {
      const { scriptId, url } = node.callFrame;
      if (!url.endsWith('index.js') || modules.has(scriptId)) continue;
      const { scriptSource } = await inspector.send('Debugger.getScriptSource', { scriptId });
      const starts = [];
      scriptSource.split('\n').forEach((line, i) => {
        const match = /^\/\/ (\S+\.(?:ts|js|mjs|cjs))$/.exec(line);
        if (match) starts.push([i, match[1]]);
      });
      modules.set(scriptId, starts);
    }
    inspector.close();
    const moduleOf = (frame) => {
      const starts = modules.get(frame.scriptId);
      if (!starts) return groupOf(frame.url);
      let found = 'index.js (wrangler glue)';
      for (const [line, path] of starts) {
        if (line > frame.lineNumber) break;
        found = path;
      }
      return groupOf(found);
    };

    const times = selfTimes(profile);
    // A native call (a getter of env, Headers, Response, crypto) is charged to the module that made it.
    const parents = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node);
    const caller = (node) => {
      let up = parents.get(node.id);
      while (up && !up.callFrame.url) up = parents.get(up.id);
      return up ? moduleOf(up.callFrame) : '(root)';
    };
    const total = times.reduce((sum, t) => sum + t.us, 0);
    const idle = times.filter((t) =>
      ['(idle)', '(program)', '(garbage collector)'].includes(t.node.callFrame.functionName),
    );
    const groups = new Map();
    const functions = new Map();
    for (const { node, us } of times) {
      const frame = node.callFrame;
      if (['(idle)', '(program)', '(garbage collector)'].includes(frame.functionName)) continue;
      const group = frame.url ? moduleOf(frame) : `(native) ← ${caller(node)}`;
      groups.set(group, (groups.get(group) ?? 0) + us);
      const fn = `${frame.functionName || '(anonymous)'} ${group}:${frame.lineNumber + 1}`;
      functions.set(fn, (functions.get(fn) ?? 0) + us);
    }
    const perRequest = (us) => `${(us / requests / 1000).toFixed(3)} ms`;
    console.log(
      `${kind}: ${requests} requests in ${wallMs.toFixed(0)} ms wall; profile ${perRequest(total)}/req`,
    );
    for (const t of idle) console.log(`  ${t.node.callFrame.functionName.padEnd(40)} ${perRequest(t.us)}`);
    console.log('JS self time by module, per request:');
    for (const [group, us] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
      console.log(`  ${group.padEnd(60)} ${perRequest(us)}`);
    }
    console.log('heaviest functions, per request:');
    for (const [fn, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
      console.log(`  ${fn.padEnd(80)} ${perRequest(us)}`);
    }
  } finally {
    if (process.env.PROFILE_LOG) console.error(server.log());
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
