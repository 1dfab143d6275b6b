// Waline (@waline/vercel on SQLite) as the bench's yardstick: its schema, the same seeded threads as
// Causerie's (seed.mjs's generator), its server started on loopback, and the requests of the comparison
// workload. The package ships no SQLite schema (only MySQL/PostgreSQL dumps in its repository), so the
// tables below are its MySQL dump's (assets/waline.sql) in SQLite's words, with the columns 1.39 reads
// (`like`, the reaction counters) and no index beyond the primary keys, as the dump has.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildComments, prng } from './seed.mjs';
import { freePort } from './stack.mjs';

const SCHEMA = `
CREATE TABLE wl_Comment (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER DEFAULT NULL,
  comment TEXT,
  insertedAt DATETIME DEFAULT CURRENT_TIMESTAMP,
  ip VARCHAR(100) DEFAULT '',
  link VARCHAR(255) DEFAULT NULL,
  mail VARCHAR(255) DEFAULT NULL,
  nick VARCHAR(255) DEFAULT NULL,
  pid INTEGER DEFAULT NULL,
  rid INTEGER DEFAULT NULL,
  sticky NUMERIC DEFAULT NULL,
  status VARCHAR(50) NOT NULL DEFAULT '',
  "like" INTEGER DEFAULT NULL,
  ua TEXT,
  url VARCHAR(255) DEFAULT NULL,
  createdAt DATETIME DEFAULT CURRENT_TIMESTAMP,
  updatedAt DATETIME DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE wl_Counter (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  time INTEGER DEFAULT NULL,
  reaction0 INTEGER DEFAULT NULL, reaction1 INTEGER DEFAULT NULL, reaction2 INTEGER DEFAULT NULL,
  reaction3 INTEGER DEFAULT NULL, reaction4 INTEGER DEFAULT NULL, reaction5 INTEGER DEFAULT NULL,
  reaction6 INTEGER DEFAULT NULL, reaction7 INTEGER DEFAULT NULL, reaction8 INTEGER DEFAULT NULL,
  url VARCHAR(255) NOT NULL DEFAULT '',
  createdAt DATETIME DEFAULT CURRENT_TIMESTAMP,
  updatedAt DATETIME DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE wl_Users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  display_name VARCHAR(255) NOT NULL DEFAULT '',
  email VARCHAR(255) NOT NULL DEFAULT '',
  password VARCHAR(255) NOT NULL DEFAULT '',
  type VARCHAR(50) NOT NULL DEFAULT '',
  label VARCHAR(255) DEFAULT NULL,
  url VARCHAR(255) DEFAULT NULL,
  avatar VARCHAR(255) DEFAULT NULL,
  github VARCHAR(255) DEFAULT NULL, twitter VARCHAR(255) DEFAULT NULL, facebook VARCHAR(255) DEFAULT NULL,
  google VARCHAR(255) DEFAULT NULL, weibo VARCHAR(255) DEFAULT NULL, qq VARCHAR(255) DEFAULT NULL,
  oidc VARCHAR(255) DEFAULT NULL, huawei VARCHAR(255) DEFAULT NULL,
  "2fa" VARCHAR(32) DEFAULT NULL,
  createdAt DATETIME DEFAULT CURRENT_TIMESTAMP,
  updatedAt DATETIME DEFAULT CURRENT_TIMESTAMP
);`;

const NAMES = ['Camille', 'Louis', 'Inès', 'Hugo', 'Chloé', 'Jules', 'Léa', 'Nathan', 'Manon', 'Arthur'];

/** Whether Waline can run here: its package and its native SQLite driver both load. */
export const walineAvailable = () => {
  try {
    // Its own folder and install (scripts/bench/waline/package.json): sqlite3 builds from source for
    // minutes, which the project's `npm ci` and CI should not pay for a comparison.
    const require = createRequire(new URL('./waline/package.json', import.meta.url));
    require.resolve('@waline/vercel');
    require('sqlite3');
    return { ok: true, why: '' };
  } catch (err) {
    const why = /** @type {Error} */ (err).message.split('\n')[0];
    return { ok: false, why: `${why} (install it once: npm run bench:install-waline)` };
  }
};

/**
 * Writes `dir/waline.sqlite` with Waline's tables and the threads of `specs` (page paths, not URLs: Waline
 * keys pages by path). Markdown bodies go in as they are: Waline renders them on every read.
 * @param {string} dir
 * @param {{ path: string, size: number }[]} specs
 */
export const seedWaline = async (dir, specs) => {
  mkdirSync(dir, { recursive: true });
  const { DatabaseSync } = await import('node:sqlite');
  const db = new DatabaseSync(join(dir, 'waline.sqlite'));
  db.exec(SCHEMA);
  const insert = db.prepare(
    `INSERT INTO wl_Comment (comment, insertedAt, ip, link, mail, nick, pid, rid, sticky, status, "like", ua, url, createdAt, updatedAt)
     VALUES (?, ?, '127.0.0.1', ?, ?, ?, ?, ?, ?, ?, ?, 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0', ?, ?, ?)`,
  );
  const rand = prng(11);
  db.exec('BEGIN');
  for (const spec of specs) {
    /** @type {Map<string, number>} */
    const ids = new Map();
    for (const c of buildComments({ key: spec.path, url: spec.path, title: '', size: spec.size }, rand)) {
      const at = c.createdAt.replace('T', ' ').replace('Z', '');
      const row = insert.run(
        c.body,
        at,
        c.website ? 'https://example.org' : null,
        c.email ? `reader${c.author}@example.org` : null,
        NAMES[c.author % NAMES.length] ?? 'Bench',
        c.parentId ? (ids.get(c.parentId) ?? null) : null,
        c.parentId ? (ids.get(c.rootId) ?? null) : null,
        c.pinned ? 1 : null,
        c.status === 'approved' ? 'approved' : 'waiting',
        c.likes,
        spec.path,
        at,
        at,
      );
      ids.set(c.id, Number(row.lastInsertRowid));
    }
  }
  db.exec('COMMIT');
  db.close();
};

/**
 * Starts Waline on 127.0.0.1:`port`, pinned to `cpu` when given, with its OAuth-services fetch answered by
 * a loopback stub in a process of its own (not pinned, not counted: it stands for a remote service).
 * Akismet is off (it would call the network on every comment) and so is the per-IP posting delay (the
 * load comes from one IP), as Causerie's bench turns its write rate limit off.
 * @param {{ dir: string, port: number, cpu?: number }} options
 * @returns {Promise<{ url: string, pid: number, stop: () => void, log: () => string }>}
 */
export const startWaline = async ({ dir, port, cpu }) => {
  const server = new URL('./waline/server.cjs', import.meta.url).pathname;
  const stubPort = await freePort();
  const stub = spawn(process.execPath, [server, '--oauth-stub', String(stubPort)], { stdio: 'ignore' });
  const [command, args] =
    cpu === undefined
      ? [process.execPath, [server, String(port)]]
      : ['taskset', ['-c', String(cpu), process.execPath, server, String(port)]];
  const child = spawn(command, args, {
    env: {
      ...process.env,
      SQLITE_PATH: dir,
      SQLITE_DB: 'waline',
      AKISMET_KEY: 'false',
      IPQPS: '0',
      JWT_TOKEN: 'bench-jwt-secret',
      OAUTH_URL: `http://127.0.0.1:${stubPort}/`,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  // Drained, never kept whole: Waline logs every SQL statement (its default), which is part of its cost.
  const keep = (chunk) => {
    log = (log + chunk).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    if (stub.exitCode === null) stub.kill('SIGTERM');
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/api/comment?type=count&url=/bench/none`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      stop();
      throw new Error(`Waline did not start: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  // taskset execs node in place, so the child's pid is the server's.
  return { url, pid: /** @type {number} */ (child.pid), stop, log: () => log };
};

/** A new root comment for Waline: its duplicate check refuses the same text twice, so each is unique. */
export const walineCommentBody = (path) => () =>
  JSON.stringify({
    comment: `Merci pour cet article. *Très* clair, et les chiffres parlent d’eux-mêmes. ${Math.random().toString(36).slice(2)}`,
    nick: 'Bench',
    mail: 'bench@example.org',
    link: '',
    url: path,
    ua: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0',
  });
