// `npm run dev`: the whole product on this machine, no account, no network — widget built (and rebuilt on
// change), D1 migrated locally, `wrangler dev` serving the demo pages, /embed.js and /api/v1.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { migrateLocal, OFFLINE_ENV, run, startWrangler } from './lib/wrangler.mjs';

const port = Number(process.env.PORT || 8787);

// Secrets live in .dev.vars (wrangler's convention, git-ignored); make them once, show the admin token once.
if (!existsSync('.dev.vars')) {
  const adminToken = randomBytes(24).toString('base64url');
  const secretKey = randomBytes(32).toString('base64url');
  writeFileSync('.dev.vars', `ADMIN_TOKEN=${adminToken}\nSECRET_KEY=${secretKey}\n`, { mode: 0o600 });
  console.log(`Created .dev.vars. Your local admin token (shown once): ${adminToken}`);
}

await run('npm', ['run', 'build', '--silent']);
await migrateLocal();

// One watcher per build: the reader widget, then the admin page. The reader's first build empties dist/,
// so the admin watcher starts once that build is done, or it would lose dist/admin/.
const watch = (config, onBuilt) => {
  const child = spawn('vite', ['build', '--config', config, '--watch', '--logLevel', 'info'], {
    env: OFFLINE_ENV,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let built = false;
  child.stdout.on('data', (chunk) => {
    // Only the rebuild notices reach the terminal; the per-file size tables are noise here.
    if (/built in|error/i.test(String(chunk))) process.stdout.write(`[vite ${config}] rebuilt\n`);
    if (!built && /built in/.test(String(chunk))) {
      built = true;
      onBuilt?.();
    }
  });
  return child;
};
const watchers = [];
watchers.push(watch('widget/vite.config.ts', () => watchers.push(watch('widget/vite.admin.config.ts'))));
const server = startWrangler({ port, ip: 'localhost' });
console.log(
  `\nCauserie: http://localhost:${port}/ (French demo post), http://localhost:${port}/admin/ (moderation)\n`,
);

const stop = () => {
  for (const watcher of watchers) watcher.kill();
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', (code) => {
  for (const watcher of watchers) watcher.kill();
  process.exit(code ?? 0);
});
