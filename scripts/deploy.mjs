// `npm run deploy`: build the widget, apply the D1 migrations to the remote database, deploy the worker —
// so upgrading is `git pull && npm run deploy`. The Deploy to Cloudflare button runs this same script
// (Workers Builds takes package.json's "deploy"). `npm run deploy -- --dry-run` needs no account and no
// network: it builds, bundles the worker into .wrangler/dry-run with `wrangler deploy --dry-run` and
// skips the remote steps.
import { run } from './lib/wrangler.mjs';

const dryRun = process.argv.includes('--dry-run');
const OUTDIR = '.wrangler/dry-run';

const step = async (what, command, args, options) => {
  console.log(`\n▶ ${what}`);
  return run(command, args, options);
};

await step('build the widget and the admin page', 'npm', ['run', 'build', '--silent']);

if (dryRun) {
  await step('bundle the worker (wrangler deploy --dry-run)', 'wrangler', [
    'deploy',
    '--dry-run',
    '--outdir',
    OUTDIR,
  ]);
  console.log(
    `\nDry run: the worker bundle is in ${OUTDIR}/. Skipped: applying D1 migrations remotely and deploying.`,
  );
  process.exit(0);
}

const migrate = () =>
  step('apply D1 migrations (remote)', 'wrangler', ['d1', 'migrations', 'apply', 'DB', '--remote'], {
    stdio: ['inherit', 'pipe', 'pipe'],
  }).then((output) => process.stdout.write(output));

try {
  await migrate();
  await step('deploy the worker', 'wrangler', ['deploy']);
} catch (err) {
  // The first deploy from a clone: the database does not exist yet. `wrangler deploy` creates it (and the
  // KV namespace) and writes their ids back into wrangler.toml; the migrations follow at once.
  if (!/Couldn't find a D1 DB/i.test(String(err.message))) {
    console.error(`\nnpm run deploy: ${err.message}`);
    process.exit(1);
  }
  console.log('\nNo D1 database yet: the first deploy creates it, then the migrations run.');
  await step('deploy the worker (creates D1 and KV)', 'wrangler', ['deploy']);
  await migrate();
}
console.log('\nDeployed. Check it from the outside: npx causerie doctor --url https://<your worker URL>');
