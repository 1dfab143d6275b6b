// The worker's budgets, checked inside `npm test` (issue 21, item 4): the bundle `wrangler deploy` would
// upload (raw and gzip; Workers Free allows 3 MiB gzip) and its startup CPU time from `wrangler check
// startup` (the platform refuses a worker whose global scope takes too long). Offline, no account.
// Budgets: about 5% above the figures measured on 2026-12-01 at the end of the session that moved the
// schemas to `zod/mini` (1099 KiB raw / 253 KiB gzip with the peer importers, Email Service and the edge
// cache; 1059 / 242 right after the switch; 1759 / 347 with classic zod, whose methods and 40-odd locales
// were 764 KiB of the raw bundle, now 68). What weighs most now: parse5 (261 KiB raw, the import's HTML), the
// confusables table of unhomoglyph (165), markdown-it (121) and entities (81).
// Sign-in (issue 13, part A) added 120 KiB raw / 30 KiB gzip (1220.4 / 283.3 measured on its branch):
// oauth4webapi 55 KiB (the OAuth/OpenID protocol), jose 36 KiB (SSO tokens) and our own ~29 KiB; the
// budget moved to about 5% above that. With the rest of the session merged (the account side of sign-in,
// the spam pipeline and its integrations, the dashboard's counters, tree heads): 1310.0 KiB raw / 306.2 KiB
// gzip on 2026-12-01, all of it our own code (no new dependency after jose and oauth4webapi); the budget
// is about 5% above that. Webmention (issue 18) added 65 KiB raw / 17 KiB gzip (1375.0 / 323.6 measured on
// its branch): microformats-parser 23 KiB (its parse5 is ours, deduplicated by package.json `overrides`),
// the receiver and verifier ~28 KiB, the rest small; the budget moved to about 5% above that.
// Server-rendered threads (issue 15, items 1–3) added 106 KiB raw / 30.6 KiB gzip
// (1312.5 / 306.8 → 1418.5 / 337.4 measured on 2026-12-02): the widget's twelve catalogs (~55 KiB raw: the
// thread's HTML speaks each reader's language), Preact, its hooks and preact-render-to-string (~25 KiB),
// the widget's components (~20 KiB), the route, JSON-LD and edge include (~6 KiB); the widget's stylesheet
// (7 KiB) is a separate text module beside index.js. With all of session 4 merged (2026-12-02: those two,
// live threads and their Durable Object, following a thread, Mastodon replies, the two-round-trip post):
// 1552.3 KiB raw / 372.4 KiB gzip; the budget is about 5% above that. Still a ninth of Workers Free's 3 MiB.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { run } from './lib/wrangler.mjs';

const KIB = 1024;
export const BUDGET = {
  rawKiB: 1630,
  gzipKiB: 391,
  /**
   * Startup CPU ("Active" in the profile), best of three runs: measured 62–195 ms per run on a loaded
   * 2-core machine (≈30 ms idle), so one run is mostly noise; the best of three under 200 ms still catches
   * a dependency that doubles the work done at startup.
   */
  startupMs: 200,
  startupRuns: 3,
};

const dir = mkdtempSync(join(tmpdir(), 'causerie-bundle-'));
try {
  const bundle = join(dir, 'worker.bundle');
  await run('wrangler', ['deploy', '--dry-run', '--outdir', dir, '--outfile', bundle], { quiet: true });
  const code = readFileSync(join(dir, 'index.js'));
  const rawKiB = statSync(join(dir, 'index.js')).size / KIB;
  const gzipKiB = gzipSync(code).length / KIB;

  const active = [];
  for (let i = 0; i < BUDGET.startupRuns; i++) {
    const output = await run(
      'wrangler',
      ['check', 'startup', '--worker', bundle, '--outfile', join(dir, `startup-${i}.cpuprofile`)],
      { quiet: true },
    );
    const match = /Active:\s*([\d.]+)\s*ms/.exec(output);
    if (!match) throw new Error(`wrangler check startup printed no "Active:" figure:\n${output}`);
    active.push(Number(match[1]));
  }
  const startupMs = Math.min(...active);

  const lines = [
    [`worker bundle ${rawKiB.toFixed(1)} KiB raw`, rawKiB <= BUDGET.rawKiB, `${BUDGET.rawKiB} KiB`],
    [`worker bundle ${gzipKiB.toFixed(1)} KiB gzip`, gzipKiB <= BUDGET.gzipKiB, `${BUDGET.gzipKiB} KiB`],
    [
      `startup ${startupMs.toFixed(1)} ms active (best of ${active.join(' / ')} ms)`,
      startupMs <= BUDGET.startupMs,
      `${BUDGET.startupMs} ms`,
    ],
  ];
  for (const [what, ok, budget] of lines) console.log(`${ok ? 'ok  ' : 'OVER'} ${what} — budget ${budget}`);
  if (lines.some(([, ok]) => !ok)) {
    console.error(
      '\nThe worker is over budget: find what grew (wrangler deploy --dry-run --metafile m.json).',
    );
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
