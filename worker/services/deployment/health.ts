/** Assembles GET /admin/health: the build, the schema, the secrets and the integrations as configured. */
import { hasAnyComment, lastAppliedMigration } from '../../db/health.ts';
import type { Bindings, Settings } from '../../env.ts';
import type { AdminHealth } from '../../types/health.ts';
import { secretFault } from './secrets.ts';
import { LATEST_MIGRATION, VERSION } from './version.ts';

/** A read of a key that never exists: proves the KV binding is there and answers, writes nothing. */
const cacheAnswers = async (kv: KVNamespace | undefined): Promise<boolean> => {
  if (!kv) return false;
  try {
    await kv.get('health:probe');
    return true;
  } catch (err) {
    console.error('health: KV does not answer:', err);
    return false;
  }
};

export const readHealth = async (env: Bindings, settings: Settings): Promise<AdminHealth> => {
  const [applied, cache] = await Promise.all([lastAppliedMigration(env.DB), cacheAnswers(env.KV)]);
  // Before any migration there is no comments table to ask.
  const hasComments = applied === null ? false : await hasAnyComment(env.DB);
  return {
    version: VERSION,
    migrations: { applied, latest: LATEST_MIGRATION },
    secrets: {
      adminToken: secretFault(settings.adminToken) === null,
      secretKey: secretFault(settings.secretKey) === null,
    },
    origins: [...settings.allowedOrigins],
    email: { configured: settings.email !== null, ownerEmail: settings.email?.ownerEmail != null },
    webhook: { configured: settings.webhook !== null, signed: Boolean(settings.webhook?.secret) },
    cache: { enabled: cache },
    moderation: settings.moderation,
    signIn: {
      auth: settings.auth,
      providers: settings.signIn.providers.map((p) => p.id),
      sso: settings.signIn.sso !== null,
      problems: settings.signIn.problems,
    },
    hasComments,
  };
};
