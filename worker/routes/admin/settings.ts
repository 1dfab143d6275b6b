/**
 * /api/v1/admin/settings: the owner's runtime settings (lib/runtime-settings.ts). GET answers the effective
 * value of each and where it comes from (`kv`, `vars`, `default`); PATCH sets or drops overrides (one KV
 * write), records `settings.update` in the audit log and purges GET /config from the edge cache.
 */
import { Hono } from 'hono';
import { auditStatement } from '../../db/audit.ts';
import { type AppEnv, readSettings } from '../../env.ts';
import { ApiError } from '../../errors.ts';
import { CONFIG_TAG } from '../../lib/edge-cache-headers.ts';
import {
  overridesAsVars,
  RUNTIME_SETTING_NAMES,
  type RuntimeOverrides,
  runtimeSettingsView,
} from '../../lib/runtime-settings.ts';
import { validate } from '../../middleware/validate.ts';
import { purgeTags } from '../../services/pages/edge-cache.ts';
import {
  readOverrides,
  readOverridesForUpdate,
  writeOverrides,
} from '../../services/settings/runtime-store.ts';
import { settingsPatchSchema } from './schemas.ts';

const view = (env: AppEnv['Bindings'], overrides: RuntimeOverrides) =>
  runtimeSettingsView(
    env,
    overrides,
    readSettings({ ...env, ...overridesAsVars(overrides) }),
    readSettings(env),
  );

export const adminSettings = new Hono<AppEnv>()
  .get('/', async (c) => c.json(view(c.env, await readOverrides(c.env.KV))))
  .patch('/', validate('json', settingsPatchSchema), async (c) => {
    const kv = c.env.KV;
    if (!kv) {
      throw new ApiError('storage_unavailable', 'no KV namespace is bound: settings come from wrangler.toml');
    }
    const input = c.req.valid('json') as Record<string, unknown>;
    const overrides: Record<string, unknown> = { ...(await readOverridesForUpdate(kv)) };
    const changed = RUNTIME_SETTING_NAMES.filter((name) => input[name] !== undefined);
    for (const name of changed) {
      if (input[name] === null) delete overrides[name];
      else overrides[name] = input[name];
    }
    await writeOverrides(kv, overrides);
    const db = c.env.DB;
    // The names only: the values (reserved names, words) need not outlive the change in the log.
    const detail = { changed };
    await db.batch([
      auditStatement(db, {
        actor: c.get('staff').actor,
        action: 'settings.update',
        detail,
        at: new Date().toISOString(),
      }),
    ]);
    // /config shows the moderation mode and the comment length; the rest only bears on writes.
    purgeTags(c, async () => [CONFIG_TAG]);
    return c.json(view(c.env, overrides as RuntimeOverrides));
  });
