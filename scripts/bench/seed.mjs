// Realistic seed data for the benchmark, written as SQL straight into the local D1 (`wrangler d1 execute
// --file`) before the server starts: 22k comments through POST /comments one by one would take minutes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../lib/wrangler.mjs';

// The server's own Markdown renderer (Node 24 strips the types), so the seeded `html` is what a POST stores.
const { renderMarkdown } = await import('../../worker/lib/markdown.ts');

/**
 * @typedef {{ key: string, url: string, title: string, size: number, shape?: 'wide' }} ThreadSpec
 * @typedef {{ id: string, parentId: string | null, rootId: string, depth: number, status: 'approved' | 'pending',
 *   treeNo: number, treePinned: 0 | 1, pinned: 0 | 1, likes: number, replyCount: number, body: string,
 *   author: number, email: boolean,
 *   website: boolean, createdAt: string }} SeedComment
 */

/** A small deterministic PRNG (mulberry32): every run seeds the same threads, so runs compare. */
export const prng = (seed) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const ALPHABET = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict';
const nanoidLike = (rand, size = 21) => {
  let id = '';
  for (let i = 0; i < size; i++) id += ALPHABET[Math.floor(rand() * 64)];
  return id;
};
const hex = (rand, size) => {
  let out = '';
  for (let i = 0; i < size; i++) out += Math.floor(rand() * 16).toString(16);
  return out;
};

const NAMES = [
  'Camille',
  'Louis',
  'Inès',
  'Hugo',
  'Chloé',
  'Jules',
  'Léa',
  'Nathan',
  'Manon',
  'Arthur',
  'Sarah',
  'Tom',
  'Emma',
  'Lucas',
  'Alice',
  'Noah',
  'Zoé',
  'Adam',
  'Lina',
  'Gabriel',
];
const SENTENCES = [
  'Merci pour cet article, très clair.',
  'I ran into the same problem last year and ended up rewriting the whole thing.',
  'Je ne suis pas tout à fait d’accord : le coût dépend surtout du réseau.',
  'Has anyone measured this on a slow phone? The numbers look very different there.',
  'Bonne remarque, *surtout* le passage sur les budgets.',
  'See https://example.org/notes for a longer write-up.',
  'Exactly. One more request here, one more library there, and suddenly the page takes four seconds.',
  'C’est le genre de détail qu’on oublie jusqu’au jour où ça casse en production.',
  'Could you share the script you used? `npm run bench` on my machine gives half of that.',
  'On a fait pareil chez nous, avec un budget vérifié à chaque pull request.',
];

const bodyText = (rand) => {
  const paragraphs = rand() < 0.25 ? 2 : 1;
  const out = [];
  for (let p = 0; p < paragraphs; p++) {
    const count = 1 + Math.floor(rand() * 3);
    const sentences = [];
    for (let s = 0; s < count; s++) sentences.push(SENTENCES[Math.floor(rand() * SENTENCES.length)]);
    out.push(sentences.join(' '));
  }
  return out.join('\n\n');
};

/**
 * The hostile shape of issue 11: one root with `size - 2` replies of 10,000 characters each, then a second
 * root — what made every first page of such a thread 28 MB before pages were bounded.
 * @param {ThreadSpec} spec
 * @param {() => number} rand
 * @returns {SeedComment[]}
 */
const buildWideTree = (spec, rand) => {
  const start = Date.parse('2026-01-01T08:00:00Z');
  /** @type {(i: number, parent: SeedComment | null, treeNo: number) => SeedComment} */
  const make = (i, parent, treeNo) => {
    const id = nanoidLike(rand);
    let body = '';
    while (body.length < 10_000) body += `${bodyText(rand)} `;
    return {
      id,
      parentId: parent ? parent.id : null,
      rootId: parent ? parent.rootId : id,
      depth: parent ? 1 : 0,
      treeNo,
      treePinned: 0,
      status: 'approved',
      pinned: 0,
      likes: 0,
      replyCount: 0,
      body: parent ? body.slice(0, 10_000).trim() : 'The root everyone answers.',
      author: Math.floor(rand() * NAMES.length),
      email: false,
      website: false,
      createdAt: new Date(start + i * 60_000).toISOString(),
    };
  };
  const root = make(0, null, 1);
  const comments = [root];
  for (let i = 1; i < spec.size - 1; i++) {
    comments.push(make(i, root, 1));
    root.replyCount++;
  }
  comments.push(make(spec.size - 1, null, 2));
  return comments;
};

/**
 * One thread's comments, in creation order: ~30% roots, replies up to depth 3 that answer recent comments
 * (conversations cluster in time, so old roots do not grow without bound), ~3% pending, two pinned roots,
 * likes skewed towards a few comments.
 * @param {ThreadSpec} spec
 * @param {() => number} rand
 * @returns {SeedComment[]}
 */
export const buildComments = (spec, rand) => {
  if (spec.shape === 'wide') return buildWideTree(spec, rand);
  /** @type {SeedComment[]} */
  const comments = [];
  const start = Date.parse('2026-01-01T08:00:00Z');
  const step = Math.max(1, Math.floor((300 * 86_400_000) / Math.max(spec.size, 1)));
  let pinned = 0;
  let roots = 0;
  for (let i = 0; i < spec.size; i++) {
    const pending = i > 0 && rand() < 0.03;
    const asRoot = comments.length === 0 || rand() < 0.3;
    /** @type {SeedComment | null} */
    let parent = null;
    if (!asRoot) {
      // A reply to one of the last 300 comments that can still take replies (approved, depth < 3).
      for (let tries = 0; tries < 8 && !parent; tries++) {
        const candidate = comments[comments.length - 1 - Math.floor(rand() * Math.min(300, comments.length))];
        if (candidate && candidate.status === 'approved' && candidate.depth < 3) parent = candidate;
      }
    }
    const id = nanoidLike(rand);
    // Likes: most comments get none or a few, a handful get many (a rough power law).
    const likes = rand() < 0.5 ? 0 : Math.floor(1 / (rand() * 0.97 + 0.03)) - 1;
    /** @type {SeedComment} */
    const comment = {
      id,
      parentId: parent ? parent.id : null,
      rootId: parent ? parent.rootId : id,
      depth: parent ? parent.depth + 1 : 0,
      // The root's ordinal in the thread, shared by its whole tree (migration 0003), as the worker assigns it.
      treeNo: parent ? parent.treeNo : ++roots,
      treePinned: parent ? parent.treePinned : 0,
      status: pending ? 'pending' : 'approved',
      pinned: 0,
      likes: pending ? 0 : likes,
      replyCount: 0,
      body: bodyText(rand),
      author: Math.floor(rand() * NAMES.length),
      email: rand() < 0.6,
      website: rand() < 0.15,
      createdAt: new Date(start + i * step).toISOString(),
    };
    // Two pinned roots: the first roots a third and a half of the way in (pinned rows come first on a page).
    if (
      !parent &&
      !pending &&
      ((pinned === 0 && i >= spec.size / 3) || (pinned === 1 && i >= spec.size / 2))
    ) {
      comment.pinned = 1;
      comment.treePinned = 1;
      pinned++;
    }
    // reply_count counts listed direct replies only (the `listed` column depends on it for placeholders).
    if (parent && !pending) parent.replyCount++;
    comments.push(comment);
  }
  return comments;
};

const q = (value) => (value === null ? 'NULL' : `'${String(value).replaceAll("'", "''")}'`);

/**
 * The SQL that inserts the threads and their comments. `listed` is a generated column and `seq` comes from
 * AUTOINCREMENT (rows go in in creation order, so a reply's seq is above its parent's, as in production).
 * @param {ThreadSpec[]} specs
 * @param {number} seed
 * @returns {{ sql: string, stats: Record<string, { comments: number, approved: number, roots: number, pending: number }> }}
 */
export const seedSql = (specs, seed = 7) => {
  const rand = prng(seed);
  const parts = [];
  /** @type {Record<string, { comments: number, approved: number, roots: number, pending: number }>} */
  const stats = {};
  specs.forEach((spec, index) => {
    const threadId = index + 1;
    const comments = buildComments(spec, rand);
    const approved = comments.filter((c) => c.status === 'approved');
    const likes = Math.floor(rand() * 40);
    stats[spec.key] = {
      comments: comments.length,
      approved: approved.length,
      roots: approved.filter((c) => c.parentId === null).length,
      pending: comments.length - approved.length,
    };
    parts.push(
      `INSERT INTO threads (id, key, url, title, comment_count, likes, locked, created_at, roots_total) VALUES (${threadId}, ${q(spec.key)}, ${q(spec.url)}, ${q(spec.title)}, ${approved.length}, ${likes}, 0, '2026-01-01T08:00:00.000Z', ${comments.filter((c) => c.parentId === null).length});`,
    );
    // Multi-row INSERTs of up to 50 rows and 80 KB: few statements to parse, each under D1's 100 KB
    // statement limit (SQLITE_TOOBIG) even with the wide tree's 10,000-character bodies.
    const rows = comments.map((c) => {
      const name = NAMES[c.author];
      const email = c.email ? `${name.toLowerCase()}${c.author}@example.org` : null;
      const website = c.website ? `https://${name.toLowerCase()}.example.net` : null;
      return `(${q(c.id)}, ${threadId}, ${q(c.parentId)}, ${q(c.rootId)}, ${q(c.status)}, ${c.pinned}, ${c.likes}, ${c.replyCount}, ${q(c.body)}, ${q(renderMarkdown(c.body))}, ${q(name)}, ${q(email)}, ${q(website)}, ${q(hex(rand, 16))}, 0, ${q(hex(rand, 32))}, ${q(nanoidLike(rand))}, 0, ${q(c.createdAt)}, NULL, ${c.treeNo}, ${c.treePinned})`;
    });
    /** @type {string[]} */
    let values = [];
    let bytes = 0;
    const flush = () => {
      if (!values.length) return;
      parts.push(
        `INSERT INTO comments (id, thread_id, parent_id, root_id, status, pinned, likes, reply_count, body, html, author_name, author_email, author_website, avatar, moderator, ip_hash, client_id, notify, created_at, edited_at, tree_no, tree_pinned) VALUES\n${values.join(',\n')};`,
      );
      values = [];
      bytes = 0;
    };
    for (const row of rows) {
      if (values.length === 50 || (values.length && bytes + row.length > 80_000)) flush();
      values.push(row);
      bytes += row.length;
    }
    flush();
  });
  return { sql: `${parts.join('\n')}\n`, stats };
};

/**
 * Writes the seed file into `workDir` and runs it against the local D1 under `persistTo` (server stopped).
 * @param {{ persistTo: string, workDir: string, specs: ThreadSpec[] }} options
 */
export const seedDatabase = async ({ persistTo, workDir, specs }) => {
  const { sql, stats } = seedSql(specs);
  const file = join(workDir, 'seed.sql');
  writeFileSync(file, sql);
  await run(
    'wrangler',
    ['d1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--file', file, '--yes'],
    {
      quiet: true,
    },
  );
  return stats;
};
