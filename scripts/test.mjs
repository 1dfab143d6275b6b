// `npm test`: everything a change must pass, in the order that fails fastest — generated types up to date,
// typecheck, lint, the worker's dependency rules, widget build, the worker's bundle and startup budgets, then
// all vitest projects (worker in workerd, widget in happy-dom, end-to-end in Chromium against wrangler dev).
// Chromium missing: say how to install it; fail under CI.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { OFFLINE_ENV } from './lib/wrangler.mjs';

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  Boolean,
);
const hasChromium = CHROMIUM.some((path) => existsSync(path));
const ci = process.env.CI === 'true' || process.env.CI === '1';

const steps = [
  [
    'generated Worker types are up to date',
    'wrangler',
    [
      'types',
      'worker/worker-configuration.d.ts',
      '--env-file',
      '.dev.vars.example',
      '--strict-vars=false',
      '--check',
    ],
  ],
  ['typecheck (worker)', 'tsc', ['--noEmit', '-p', 'worker/tsconfig.json']],
  ['typecheck (widget)', 'tsc', ['--noEmit', '-p', 'widget/tsconfig.json']],
  ['typecheck (tests, scripts)', 'tsc', ['--noEmit', '-p', 'test/tsconfig.json']],
  ['lint and format', 'biome', ['check', '--error-on-warnings', '.']],
  // The worker's layers (routes → services → db, pure lib/, types/): .dependency-cruiser.mjs.
  ['dependency rules (worker layers)', 'depcruise', ['--config', '.dependency-cruiser.mjs', 'worker']],
  ['build the widget', 'npm', ['run', 'build', '--silent']],
  ['worker bundle and startup budgets', 'node', ['scripts/check-worker-budget.mjs']],
];

if (!hasChromium) {
  console.error('\nChromium is missing, so the end-to-end tests cannot run.');
  console.error('Install Debian’s package:  sudo apt-get install -y chromium   (or set CHROMIUM_PATH)\n');
  if (ci) process.exit(1);
}
const projects = hasChromium ? [] : ['--project', 'worker', '--project', 'widget'];
steps.push(['tests', 'vitest', ['run', ...projects, ...process.argv.slice(2)]]);

const started = Date.now();
for (const [name, command, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: OFFLINE_ENV });
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed (${command} ${args.join(' ')})`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
console.log(
  `\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s${hasChromium ? '' : ' (end-to-end tests skipped: no Chromium)'}.`,
);
