/**
 * A Mastodon-API server as a real HTTP server on 127.0.0.1 (vitest `globalSetup` of the worker project),
 * reached by the worker inside workerd through MASTODON_API_URL the way it reaches an instance in
 * production. It answers `GET /api/v1/statuses/:id` and `GET /api/v1/statuses/:id/context` with what a
 * test scripted for that id (`PUT /__script/:id`, JSON `{ status?, context?, statusBehaviour?,
 * contextBehaviour? }`), so test files running at once never share a script: each uses ids of its own.
 * An unscripted id is a 404, as on an instance. The behaviours are the hostile ones:
 * - `slow`: never answers (the worker's own timeout must end it)
 * - `trickle`: answers 200 and then one byte a second, never finishing the body
 * - `huge`: 200 and 3 MB of JSON-looking text, without Content-Length
 * - `declared-huge`: a Content-Length of 50 MB
 * - `invalid-json`: 200 with HTML
 * - `redirect`: 302 to a loopback address
 * - `404`, `410`, `500`: that status
 * `GET /__hits/:id` says how many requests each path of that id received.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TestProject } from 'vitest/node';
import { type LocalServer, readBody, serveLocal } from './local-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fakeMastodon: string;
  }
}

type Behaviour =
  | 'slow'
  | 'trickle'
  | 'huge'
  | 'declared-huge'
  | 'invalid-json'
  | 'redirect'
  | '404'
  | '410'
  | '500';

interface Script {
  status?: unknown;
  context?: unknown;
  statusBehaviour?: Behaviour;
  contextBehaviour?: Behaviour;
}

const scripts = new Map<string, Script>();
const hits = new Map<string, Record<string, number>>();
/** Responses left open by `slow` and `trickle`: ended when the server closes. */
const open = new Set<ServerResponse>();

const json = (res: ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
};

const behave = (res: ServerResponse, behaviour: Behaviour): void => {
  switch (behaviour) {
    case 'slow':
      open.add(res);
      return;
    case 'trickle': {
      open.add(res);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"descendants": [');
      const timer = setInterval(() => res.write(' '), 1000);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case 'huge': {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = `"${'x'.repeat(64 * 1024)}",`;
      res.write('{"descendants": [');
      for (let i = 0; i < 48; i++) res.write(chunk);
      res.end('"x"]}');
      return;
    }
    case 'declared-huge':
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(50 * 1024 * 1024) });
      res.write('{"descendants": [');
      open.add(res);
      return;
    case 'invalid-json':
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('<html><body>Mastodon is down for maintenance</body></html>');
      return;
    case 'redirect':
      res.writeHead(302, { Location: 'http://127.0.0.1:1/api/v1/statuses/1' });
      res.end();
      return;
    default:
      json(res, Number(behaviour), { error: behaviour === '500' ? 'Internal error' : 'Record not found' });
  }
};

const count = (id: string, what: string) => {
  const entry = hits.get(id) ?? {};
  entry[what] = (entry[what] ?? 0) + 1;
  hits.set(id, entry);
};

const handle = async (req: IncomingMessage, res: ServerResponse) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const scripted = /^\/__script\/([A-Za-z0-9]+)$/.exec(url.pathname);
  if (scripted?.[1] && req.method === 'PUT') {
    scripts.set(scripted[1], JSON.parse(await readBody(req)) as Script);
    return json(res, 200, { ok: true });
  }
  const hitsOf = /^\/__hits\/([A-Za-z0-9]+)$/.exec(url.pathname);
  if (hitsOf?.[1]) return json(res, 200, hits.get(hitsOf[1]) ?? {});
  const api = /^\/api\/v1\/statuses\/([A-Za-z0-9]+)(\/context)?$/.exec(url.pathname);
  if (!api?.[1] || req.method !== 'GET') return json(res, 404, { error: 'Not found' });
  const id = api[1];
  const isContext = api[2] === '/context';
  count(id, isContext ? 'context' : 'status');
  const script = scripts.get(id);
  if (!script) return json(res, 404, { error: 'Record not found' });
  const behaviour = isContext ? script.contextBehaviour : script.statusBehaviour;
  if (behaviour) return behave(res, behaviour);
  const body = isContext ? (script.context ?? { ancestors: [], descendants: [] }) : script.status;
  return body === undefined ? json(res, 404, { error: 'Record not found' }) : json(res, 200, body);
};

export const startFakeMastodon = async (): Promise<LocalServer> =>
  serveLocal(handle, (res) => json(res, 500, { error: 'fake server failed' }), open);

export default async function setup(project: TestProject) {
  const fake = await startFakeMastodon();
  project.provide('fakeMastodon', fake.url);
  return fake.close;
}
