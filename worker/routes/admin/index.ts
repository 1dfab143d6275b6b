/**
 * The owner's API under /api/v1/admin (API.md "Moderation endpoints"): every route behind the admin token
 * or a moderator's session,
 * none with CORS headers (worker/index.ts mounts this before the reader API and its readerCors()).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { adminAuth, ownerOnly } from '../../middleware/admin-auth.ts';
import { limitBody, requireJson } from '../../middleware/json-body.ts';
import { adminAudit } from './audit.ts';
import { adminBans } from './bans.ts';
import { adminComments } from './comments.ts';
import { exportRoute } from './export.ts';
import { adminHealth } from './health.ts';
import { importRoute } from './import.ts';
import { adminMail } from './mail.ts';
import { adminMastodon } from './mastodon.ts';
import { adminSettings } from './settings.ts';
import { adminSpam } from './spam.ts';
import { adminStats } from './stats.ts';
import { adminThreads } from './threads.ts';

export const admin = new Hono<AppEnv>()
  .use(adminAuth())
  // What only an owner may do (issue 13, item 6; docs/api.md "Moderators"): the site's data in bulk, its
  // settings and setup, its mail log, and lifting bans. Moderators moderate: comments, threads, new bans.
  .use('/import/*', ownerOnly())
  .use('/export/*', ownerOnly())
  .use('/settings/*', ownerOnly())
  .use('/health/*', ownerOnly())
  .use('/mail/*', ownerOnly())
  .on('DELETE', '/bans/*', ownerOnly())
  // ── Import and export (another module) go HERE, before the JSON-only middleware below: the import
  // takes the export file's own type and has its own size limit. Hono runs handlers in the order they
  // are added, so routes added here skip limitBody()/requireJson().
  .route('/import', importRoute)
  .route('/export', exportRoute)
  // ──
  .use(limitBody())
  .use(requireJson())
  .route('/comments', adminComments)
  .route('/threads/mastodon', adminMastodon)
  .route('/threads', adminThreads)
  .route('/bans', adminBans)
  .route('/audit', adminAudit)
  .route('/health', adminHealth)
  .route('/settings', adminSettings)
  .route('/mail', adminMail)
  .route('/spam', adminSpam)
  .route('/stats', adminStats);
