// `npm run bench:slow-phone`: the slow-phone part of the bench alone (slow-phone.mjs), on a stack of its
// own: a fresh local D1 with one 200-comment thread, wrangler dev, and Waline's server on SQLite seeded
// with the same comments when its install is there. Prints the table, writes bench-results/slow-phone.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateLocal, run } from '../lib/wrangler.mjs';
import { machine } from './report.mjs';
import { seedDatabase } from './seed.mjs';
import { formatSlowPhone, measureSlowPhone, startSeededWaline } from './slow-phone.mjs';
import { freePort, startStack } from './stack.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 3);
const log = (message) => console.error(`[slow-phone] ${message}`);

const cleanups = [];
const cleanUp = () => {
  while (cleanups.length) {
    try {
      cleanups.pop()?.();
    } catch {
      // keep cleaning
    }
  }
};
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });

try {
  // BENCH_SKIP_BUILD=1 measures the dist/ that is there (an A/B against another build).
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('building the widget');
    await run('vite', ['build', '--config', 'widget/vite.config.ts', '--logLevel', 'warn'], { quiet: true });
  }
  const workDir = mkdtempSync(join(tmpdir(), 'causerie-slow-phone-'));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const persistTo = join(workDir, 'state');
  const blogPort = await freePort();
  const threadPath = '/posts/notes-on-slow-software';
  const threadUrl = `http://127.0.0.1:${blogPort}${threadPath}`;
  log('migrating and seeding a 200-comment thread');
  await migrateLocal(persistTo, { quiet: true });
  await seedDatabase({
    persistTo,
    workDir,
    specs: [{ key: threadUrl, url: threadUrl, title: 'Notes on slow software', size: 200 }],
  });
  const stack = await startStack({
    port: await freePort(),
    persistTo,
    vars: {
      ALLOWED_ORIGINS: `http://127.0.0.1:${blogPort}`,
      ADMIN_TOKEN: 'bench-admin-token',
      SECRET_KEY: 'bench-secret-key',
    },
  });
  cleanups.push(stack.stop);

  const waline = await startSeededWaline({ dir: join(workDir, 'waline'), path: threadPath, size: 200 });
  if (waline) cleanups.push(waline.stop);

  const slow = await measureSlowPhone(
    { causerie: stack.devUrl, waline: waline?.url ?? null, threadUrl, threadPath, runs: RUNS },
    blogPort,
  );
  const results = { date: new Date().toISOString(), machine: machine(), ...slow };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/slow-phone.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatSlowPhone(slow));
  console.log('\nWrote bench-results/slow-phone.json');
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  cleanUp();
}
