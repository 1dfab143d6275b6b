/**
 * GET /api/v1/admin/health (API.md "Additions for the next capabilities"): what `causerie doctor` and the
 * admin page's first-run screen read to tell the owner what is left to set up.
 */
import type { AuthMode, ModerationMode } from './api.ts';

export interface AdminHealth {
  /** The package.json version this worker was built from. */
  version: string;
  /** Newest migration file name applied to D1 (`null`: none) and the newest this build ships. */
  migrations: { applied: string | null; latest: string };
  /** `true` when the secret is set, long enough and not a published example (services/deployment/secrets.ts). */
  secrets: { adminToken: boolean; secretKey: boolean };
  /** ALLOWED_ORIGINS as the worker understood it (canonical origins); the worker's own is always allowed. */
  origins: string[];
  /** E-mail notifications: configured at all, and whether the owner hears of new comments. */
  email: { configured: boolean; ownerEmail: boolean };
  /** The webhook on new and held comments, and whether its deliveries are signed. */
  webhook: { configured: boolean; signed: boolean };
  /** The KV read cache: bound and answering. */
  cache: { enabled: boolean };
  moderation: ModerationMode;
  /**
   * Sign-in (issue 13): AUTH, the providers that are on, SSO, and what is half configured (one sentence
   * each). Absent from workers older than sign-in.
   */
  signIn?: { auth: AuthMode; providers: string[]; sso: boolean; problems: string[] };
  /** Whether any comment exists yet: a fresh deployment's admin page opens on its setup guide. */
  hasComments: boolean;
}
