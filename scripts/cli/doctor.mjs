// `causerie doctor --url <deployment> [--site <origin>] [--token <admin token>]`: checks a live deployment
// from the outside, the way a reader's browser and the owner reach it, and says in plain words what is ok
// and what to do. Exit code 0 when nothing needs fixing ("warn" lines are optional features left off).
// Past 200 lines on purpose: most of it is the owner-facing sentences, one per check and outcome, kept
// together so they read as one voice.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const OWN_VERSION = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

/** @typedef {{ status: 'ok' | 'warn' | 'fix' | 'skip', check: string, message: string }} Line */

const line = (status, check, message) => ({ status, check, message });

const readJson = async (res) => {
  try {
    return await res.json();
  } catch {
    return null;
  }
};

/** fetch that answers `null` instead of throwing when nothing answers at all (DNS, refused, timeout). */
const tryFetch = async (url, init = {}) => {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(15_000), redirect: 'manual' });
  } catch (err) {
    return { error: err.cause?.message ?? err.message };
  }
};

const canonical = (origin) => {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
};

const SECRET_HINT = (names) =>
  `set ${names.length > 1 ? 'each' : 'it'} to a random value of 32+ characters: npx wrangler secret put ${names.join(' / ')} (e.g. openssl rand -base64 32)`;

/** Reachable, and not refusing to serve for want of secrets (503 not_configured). */
const checkReachable = async (base) => {
  const res = await tryFetch(new URL('/api/v1/config', base));
  if ('error' in res) {
    return {
      lines: [
        line('fix', 'reachable', `nothing answers at ${base} (${res.error}): check the URL, or deploy`),
      ],
      up: false,
    };
  }
  if (res.status === 503) {
    const problem = await readJson(res);
    if (problem?.code === 'not_configured') {
      const names = (problem.errors ?? []).map((e) => `${e.field} ${e.message}`).join('; ');
      return {
        lines: [
          line('ok', 'reachable', `${base} answers`),
          line(
            'fix',
            'secrets',
            `the worker refuses to serve: ${names || problem.detail}. ${problem.detail}`,
          ),
        ],
        up: false,
      };
    }
  }
  if (!res.ok) {
    return {
      lines: [
        line('fix', 'reachable', `GET /api/v1/config answered ${res.status}: is this a Causerie worker?`),
      ],
      up: false,
    };
  }
  return { lines: [line('ok', 'reachable', `${base} answers`)], up: true };
};

const checkEmbed = async (base) => {
  const res = await tryFetch(new URL('/embed.js', base));
  if ('error' in res) return line('fix', 'embed', `/embed.js does not load (${res.error})`);
  const type = res.headers.get('Content-Type') ?? '';
  if (res.status !== 200) {
    return line(
      'fix',
      'embed',
      `/embed.js answered ${res.status}: deploy again with npm run deploy (it builds dist/)`,
    );
  }
  if (!/javascript/i.test(type)) {
    return line('fix', 'embed', `/embed.js is served as "${type}", not JavaScript: browsers will refuse it`);
  }
  return line('ok', 'embed', `/embed.js loads (${type.split(';')[0]})`);
};

/** What a browser on the site does: a preflight for a write, then a read with its Origin. */
const checkCors = async (base, site) => {
  const preflight = await tryFetch(new URL('/api/v1/comments', base), {
    method: 'OPTIONS',
    headers: {
      Origin: site,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type',
    },
  });
  const read = await tryFetch(new URL('/api/v1/config', base), { headers: { Origin: site } });
  const allowed = (res) => !('error' in res) && res.headers.get('Access-Control-Allow-Origin') === site;
  if (allowed(preflight) && allowed(read))
    return line('ok', 'CORS', `answers for ${site} (preflight and GET)`);
  return line(
    'fix',
    'CORS',
    `a browser on ${site} would be refused: add ${site} to ALLOWED_ORIGINS (wrangler.toml [vars]) and run npm run deploy`,
  );
};

const healthLines = (health, site, base) => {
  const lines = [];
  lines.push(
    health.version === OWN_VERSION
      ? line('ok', 'version', `${health.version}`)
      : line(
          'warn',
          'version',
          `${health.version} deployed, this checkout is ${OWN_VERSION}: git pull && npm run deploy`,
        ),
  );
  const { applied, latest } = health.migrations;
  lines.push(
    applied === latest
      ? line('ok', 'migrations', `current (${latest})`)
      : line(
          'fix',
          'migrations',
          `${applied ? `${applied} applied` : 'none applied'}, the worker needs ${latest}: run npm run deploy (it applies them), or npx wrangler d1 migrations apply DB --remote`,
        ),
  );
  const bad = [
    ['ADMIN_TOKEN', health.secrets.adminToken],
    ['SECRET_KEY', health.secrets.secretKey],
  ].filter(([, ok]) => !ok);
  lines.push(
    bad.length === 0
      ? line('ok', 'secrets', 'ADMIN_TOKEN and SECRET_KEY are set')
      : line(
          'fix',
          'secrets',
          `${bad.map(([name]) => name).join(' and ')} missing, short or an example value (accepted only in local development): ${SECRET_HINT(bad.map(([name]) => name))}`,
        ),
  );
  const origins = health.origins;
  if (site === base) {
    lines.push(line('ok', 'allowed origins', `${site} is the worker’s own origin, always allowed`));
  } else if (site) {
    lines.push(
      origins.includes(site)
        ? line('ok', 'allowed origins', `include ${site}`)
        : line(
            'fix',
            'allowed origins',
            `${site} is not among them (${origins.join(', ') || 'none'}): add it to ALLOWED_ORIGINS in wrangler.toml [vars] and run npm run deploy`,
          ),
    );
  } else {
    lines.push(
      origins.length
        ? line('ok', 'allowed origins', origins.join(', '))
        : line(
            'fix',
            'allowed origins',
            'none: only the worker’s own pages can embed comments. Set ALLOWED_ORIGINS in wrangler.toml [vars] to your site (e.g. https://blog.example) and run npm run deploy',
          ),
    );
  }
  const { email, webhook } = health;
  if (email.configured) {
    lines.push(
      email.ownerEmail
        ? line('ok', 'e-mail', 'configured; the owner hears of new comments')
        : line(
            'warn',
            'e-mail',
            'configured for reply notifications only: set OWNER_EMAIL to hear of new comments',
          ),
    );
  } else {
    lines.push(
      line('warn', 'e-mail', 'off: set EMAIL_API_URL and EMAIL_FROM (and OWNER_EMAIL) to send e-mail'),
    );
  }
  if (webhook.configured) {
    lines.push(
      webhook.signed
        ? line('ok', 'webhook', 'configured and signed')
        : line(
            'warn',
            'webhook',
            'configured but unsigned: set WEBHOOK_SECRET so the receiver can verify it',
          ),
    );
  } else {
    lines.push(
      line('warn', 'webhook', 'off: set WEBHOOK_URL to hear of new and held comments in chat or a script'),
    );
  }
  // Sign-in (issue 13): absent from workers older than it. A half-configured provider is off: a warning.
  const signIn = health.signIn;
  if (signIn) {
    const on = [...signIn.providers, ...(signIn.sso ? ['SSO'] : [])];
    if (signIn.auth === 'off') {
      lines.push(
        line(
          'ok',
          'sign-in',
          `off (AUTH=off): guests only${on.length ? `; configured: ${on.join(', ')}` : ''}`,
        ),
      );
    } else if (on.length === 0) {
      lines.push(
        line(
          'warn',
          'sign-in',
          `AUTH=${signIn.auth} but no provider or SSO is configured (README "Sign-in")`,
        ),
      );
    } else {
      lines.push(line('ok', 'sign-in', `AUTH=${signIn.auth}: ${on.join(', ')}`));
    }
    for (const problem of signIn.problems) lines.push(line('warn', 'sign-in', problem));
  }
  lines.push(
    health.cache.enabled
      ? line('ok', 'cache', 'KV answers')
      : line(
          'fix',
          'cache',
          'the KV binding is missing or failing: keep [[kv_namespaces]] binding = "KV" in wrangler.toml and deploy',
        ),
  );
  return lines;
};

/**
 * Runs every check. `site`: the blog's origin; `token`: the admin token (without it the checks that need
 * the admin API are skipped, and said so).
 * @returns {Promise<Line[]>}
 */
export const runDoctor = async ({ url, site, token }) => {
  const base = canonical(url);
  if (!base) return [line('fix', 'url', `${url} is not an http(s) URL`)];
  const siteOrigin = site ? canonical(site) : null;
  if (site && !siteOrigin) return [line('fix', 'site', `${site} is not an http(s) origin`)];

  const { lines, up } = await checkReachable(base);
  if (!lines.some((l) => l.check === 'reachable' && l.status === 'ok')) return lines;

  if (up && token) {
    const res = await tryFetch(new URL('/api/v1/admin/health', base), {
      headers: { Authorization: `Bearer ${token}` },
    });
    if ('error' in res) lines.push(line('fix', 'health', `GET /api/v1/admin/health failed (${res.error})`));
    else if (res.status === 401)
      lines.push(line('fix', 'admin token', 'refused: give the deployment’s ADMIN_TOKEN'));
    else if (!res.ok) lines.push(line('fix', 'health', `GET /api/v1/admin/health answered ${res.status}`));
    else lines.push(...healthLines(await res.json(), siteOrigin, base));
  } else if (up) {
    lines.push(
      line(
        'skip',
        'admin checks',
        'give --token (or CAUSERIE_ADMIN_TOKEN) to check version, migrations, secrets, origins, notifications and cache',
      ),
    );
  }
  lines.push(await checkEmbed(base));
  if (siteOrigin)
    lines.push(up ? await checkCors(base, siteOrigin) : line('skip', 'CORS', 'the API does not serve yet'));
  else
    lines.push(line('skip', 'CORS', 'give --site https://your.blog to check that its pages may use the API'));
  return lines;
};

const LABEL = { ok: 'ok  ', warn: 'warn', fix: 'FIX ', skip: 'skip' };

export const formatLine = (l) => `${LABEL[l.status]}  ${l.check}: ${l.message}`;

/** The `causerie doctor` command: prints one line per check; exit code 1 when something needs fixing. */
export const doctorMain = async (argv) => {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { url: { type: 'string' }, site: { type: 'string' }, token: { type: 'string' } },
    }));
  } catch (err) {
    console.error(`causerie doctor: ${err.message}`);
    return 2;
  }
  if (!values.url) {
    console.error(
      'Usage: causerie doctor --url <deployment> [--site <your site’s origin>] [--token <admin token>]',
    );
    return 2;
  }
  const token = values.token ?? process.env.CAUSERIE_ADMIN_TOKEN;
  const lines = await runDoctor({ url: values.url, site: values.site, token });
  for (const l of lines) console.log(formatLine(l));
  const fixes = lines.filter((l) => l.status === 'fix').length;
  console.log(fixes ? `\n${fixes} thing${fixes > 1 ? 's' : ''} to fix.` : '\nAll good.');
  return fixes ? 1 : 0;
};
